// Agenda (apps/api/src/modules/agenda): events of one network or shared by several, registrations with a
// waitlist, check-in, attendee export, ICS feeds. Shared by the API and the web app.
//
// Endpoints (all under /api/v1; JSON unless noted). Times are ISO 8601: with an offset (or Z), or without one, then
// read as Europe/Paris wall-clock time; answers give UTC instants plus the Europe/Paris wall-clock time.
//
//   GET    /agenda/events?from&to&networkId&scope=mine|territory&departement&region&networkType&theme → AgendaEventSummary[]
//            (published and cancelled events the caller may see; `mine`: the caller's networks and registrations;
//            `territory`: public events located in the département or région)
//   POST   /networks/:networkId/agenda/events          AgendaEventInput → AgendaEvent[] (one per occurrence)
//            (animators, host staff, admins publish or save drafts; members propose when the network allows it)
//   GET    /networks/:networkId/agenda/settings        → AgendaSettings
//   PUT    /networks/:networkId/agenda/settings        AgendaSettings → AgendaSettings (network managers)
//   GET    /networks/:networkId/agenda/share-targets   → AgendaShareTarget[] (the other networks its managers may share with)
//   GET    /networks/:networkId/agenda.ics             → text/calendar: the network's visible events (no online links)
//   GET    /agenda/events/:id                           → AgendaEvent
//   PATCH  /agenda/events/:id                           Partial<AgendaEventInput> → AgendaEvent (managers; 409 when the
//            capacity would fall below the registrations)
//   POST   /agenda/events/:id/publish                   → AgendaEvent (managers: approve a proposal, publish a draft)
//   POST   /agenda/events/:id/cancel                    → AgendaEvent (managers; registered people are told)
//   PUT    /agenda/events/:id/cover                     multipart image → AgendaEvent;  DELETE → AgendaEvent
//   GET    /agenda/events/:id/event.ics                 → text/calendar (the online link only for registered people and managers)
//   POST   /agenda/events/:id/registrations             AgendaRegistrationInput → AgendaMyRegistration
//            (409 AGENDA_ALREADY_REGISTERED; full events put people on the waitlist)
//   DELETE /agenda/events/:id/registrations/me          → AgendaMyRegistration (the first of the waitlist is promoted)
//   GET    /agenda/events/:id/registrations             → AgendaAttendee[] (managers)
//   PUT    /agenda/events/:id/registrations/:registrationId/check-in  AgendaCheckInInput → AgendaAttendee (managers)
//   POST   /agenda/events/:id/check-in                  AgendaCodeCheckInInput → AgendaCodeCheckIn (managers: the code of a
//            registration's QR code; 400 malformed, 404 AGENDA_CHECK_IN_CODE_UNKNOWN when no registration of this event has it)
//   GET    /agenda/check-in-codes/:eventId/:code.png    → image/png: the QR code of a registration (no session: it draws
//            the address it is given, and reveals nothing the holder of the code does not have)
//   GET    /agenda/events/:id/attendees.csv             → text/csv (managers; spreadsheet-safe)
//   GET    /agenda/feed                                 → AgendaFeedStatus
//   POST   /agenda/feed                                 → AgendaFeedStatus with `url` (a new private address; the old one stops)
//   DELETE /agenda/feed                                 → 204 (revoke)
//   GET    /agenda/feed/:token.ics                      → text/calendar: the personal feed (no session needed)

import type { NetworkType, NetworkVisibility } from './networks';

export const AGENDA_TIME_ZONE = 'Europe/Paris';
export const AGENDA_TITLE_MAX = 200;
export const AGENDA_DESCRIPTION_MAX = 20_000;
export const AGENDA_ADDRESS_MAX = 300;
export const AGENDA_URL_MAX = 500;
export const AGENDA_CAPACITY_MAX = 100_000;
export const AGENDA_QUESTIONS_MAX = 10;
export const AGENDA_QUESTION_LABEL_MAX = 200;
export const AGENDA_CHOICES_MAX = 10;
export const AGENDA_ANSWER_MAX = 1000;
export const AGENDA_SHARED_NETWORKS_MAX = 20;
export const AGENDA_RECURRENCE_COUNT_MAX = 12;
/** The longest range one agenda query may cover (days). */
export const AGENDA_RANGE_DAYS_MAX = 400;

export type AgendaEventStatus = 'draft' | 'proposed' | 'published' | 'cancelled';
export const AGENDA_EVENT_STATUSES: readonly AgendaEventStatus[] = ['draft', 'proposed', 'published', 'cancelled'];
export type AgendaEventFormat = 'in_person' | 'online';
export const AGENDA_EVENT_FORMATS: readonly AgendaEventFormat[] = ['in_person', 'online'];
export type AgendaRegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';
export type AgendaRecurrenceFrequency = 'weekly' | 'monthly';
export const AGENDA_RECURRENCE_FREQUENCIES: readonly AgendaRecurrenceFrequency[] = ['weekly', 'monthly'];
export type AgendaQuestionKind = 'text' | 'choice';
export const AGENDA_QUESTION_KINDS: readonly AgendaQuestionKind[] = ['text', 'choice'];

export interface AgendaQuestion {
  /** Stable key of the question within the event (a1, a2…), given by the server. */
  id: string;
  kind: AgendaQuestionKind;
  label: string;
  required: boolean;
  /** Choice questions only. */
  choices: string[];
}
export type AgendaQuestionInput = Omit<AgendaQuestion, 'id' | 'choices' | 'required'> & {
  id?: string;
  required?: boolean;
  choices?: string[];
};

export interface AgendaEventInput {
  title: string;
  /** Markdown. */
  description?: string | null;
  /** `published` (managers only) or `draft`; members' events are always `proposed`. Default `published` for managers. */
  status?: 'draft' | 'published';
  format: AgendaEventFormat;
  /** In person: the street address and the INSEE commune code. */
  address?: string | null;
  communeCode?: string | null;
  /** Online: the https link (shown to registered people and managers only). */
  onlineUrl?: string | null;
  startsAt: string;
  endsAt: string;
  /** Null: unlimited. */
  capacity?: number | null;
  registrationDeadline?: string | null;
  questions?: AgendaQuestionInput[];
  /** Other networks sharing the event (the caller manages each of them). */
  sharedNetworkIds?: string[];
  /** Creation only: repeat the event (same Europe/Paris wall-clock time) `count` times in all. */
  recurrence?: { frequency: AgendaRecurrenceFrequency; count: number } | null;
}

export interface AgendaNetworkRef {
  id: string;
  name: string;
  slug: string;
  type: NetworkType;
  visibility: NetworkVisibility;
}

/** One event in calendars and lists (never the online link). */
export interface AgendaEventSummary {
  id: string;
  title: string;
  status: AgendaEventStatus;
  format: AgendaEventFormat;
  startsAt: string;
  endsAt: string;
  /** Europe/Paris wall-clock times, `YYYY-MM-DDTHH:mm:ss` (what calendars display). */
  localStartsAt: string;
  localEndsAt: string;
  communeName: string | null;
  departementCode: string | null;
  network: AgendaNetworkRef;
  sharedWith: AgendaNetworkRef[];
  coverUrl: string | null;
  capacity: number | null;
  registeredCount: number;
  /** The caller's registration status, if any. */
  myStatus: AgendaRegistrationStatus | null;
  seriesId: string | null;
}

export interface AgendaEvent extends AgendaEventSummary {
  description: string | null;
  descriptionHtml: string | null;
  address: string | null;
  communeCode: string | null;
  /** Only for registered people and the event's managers. */
  onlineUrl: string | null;
  registrationDeadline: string | null;
  questions: AgendaQuestion[];
  waitlistCount: number;
  /** 1-based position on the waitlist of the caller, if waitlisted. */
  myWaitlistPosition: number | null;
  myRegistrationId: string | null;
  /** The caller's check-in code and QR code, while registered. */
  myCheckIn: AgendaMyCheckIn | null;
  createdBy: { id: string; name: string } | null;
  canManage: boolean;
  /** Registration is open to the caller now (published, before the start and the deadline, signed in). */
  canRegister: boolean;
  /** Why registration is closed, when it is. */
  registrationClosed: 'not_published' | 'started' | 'deadline' | null;
}

export interface AgendaRegistrationInput {
  /** Answers by question id; choice answers are one of the choices. */
  answers?: Record<string, string>;
}

export interface AgendaMyRegistration {
  id: string;
  status: AgendaRegistrationStatus;
  waitlistPosition: number | null;
  /** The check-in code and its QR code image, while registered (not on the waitlist). */
  checkIn: AgendaMyCheckIn | null;
}

export interface AgendaMyCheckIn {
  /** 16 hex characters; shown grouped by four (formatCheckInCode). */
  code: string;
  /** Address of the QR code image (PNG), relative to the site. */
  qrUrl: string;
}

export interface AgendaCodeCheckInInput {
  /** The code as typed (any case, spaces and dashes ignored) or the address read from the QR code. */
  code: string;
}

export interface AgendaCodeCheckIn {
  attendee: AgendaAttendee;
  /** The person had already been checked in (the first time is kept). */
  alreadyCheckedIn: boolean;
}

export const CHECK_IN_CODE_LENGTH = 16;

/**
 * The code in what an organiser typed or scanned: the `code` parameter of a QR code's address, or the text itself,
 * upper-cased without separators (a typed letter O is a zero: hex has no O). Null when it is not a code.
 */
export function parseCheckInCode(input: string): string | null {
  let text = input.trim();
  const inAddress = /[?&]code=([^&#\s]+)/.exec(text);
  if (inAddress) text = decodeURIComponent(inAddress[1]);
  const code = text
    .toUpperCase()
    .replace(/[\s.\-_]/g, '')
    .replace(/O/g, '0');
  return new RegExp(`^[0-9A-F]{${CHECK_IN_CODE_LENGTH}}$`).test(code) ? code : null;
}

/** « 3F9A-0B12-C4D5-E6F7 »: easier to read aloud and to type. */
export const formatCheckInCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** Where a registration's QR code leads: the event's page, which checks the code in for its organisers. */
export const checkInAddress = (publicUrl: string, eventId: string, code: string) =>
  new URL(`/evenements/${eventId}?code=${code}#presence`, publicUrl).toString();

export interface AgendaAttendee {
  id: string;
  personId: string;
  name: string;
  companies: string[];
  status: AgendaRegistrationStatus;
  answers: Record<string, string>;
  registeredAt: string;
  checkedInAt: string | null;
}

export interface AgendaCheckInInput {
  present: boolean;
}

export interface AgendaSettings {
  /** Members may propose events (animators approve them). */
  memberProposals: boolean;
  /** The caller may propose (members) or publish (managers) events in this network. */
  canPropose?: boolean;
  canManage?: boolean;
}

/** `GET /networks/:networkId/agenda/share-targets`: the other networks the caller manages (none unless they manage this one). */
export interface AgendaShareTarget {
  id: string;
  name: string;
}

export interface AgendaFeedStatus {
  active: boolean;
  createdAt: string | null;
  /** Only in the answer that creates the address (the token is stored hashed). */
  url?: string;
}
