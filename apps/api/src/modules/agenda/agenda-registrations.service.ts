import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AGENDA_ANSWER_MAX,
  parseCheckInCode,
  type AgendaAttendee,
  type AgendaCodeCheckIn,
  type AgendaMyRegistration,
  type AgendaQuestion,
  type AgendaRegistrationStatus,
  type Locale,
} from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { type CsvFile, toCsv } from '../../core/csv/csv';
import { AgendaErrors, REGISTRATION } from './agenda.errors';
import { AgendaNotifier } from './agenda-notifier';
import { AgendaService } from './agenda.service';
import { myCheckIn, WAITLIST_POSITION } from './agenda.repository';
import { inParis } from './agenda-time';

interface AttendeeRow {
  id: string;
  person_id: string;
  name: string;
  companies: string[] | null;
  status: AgendaRegistrationStatus;
  answers: Record<string, string>;
  queued_at: Date;
  checked_in_at: Date | null;
}

const CSV_LABELS: Record<Locale, { headers: string[]; statuses: Record<AgendaRegistrationStatus, string>; yes: string; filename: string }> =
  {
    fr: {
      headers: ['Nom', 'Entreprises', 'Statut', 'Inscription', 'Présent'],
      statuses: { registered: 'Inscrit', waitlisted: 'Liste d’attente', cancelled: 'Annulé' },
      yes: 'Oui',
      filename: 'participants',
    },
    en: {
      headers: ['Name', 'Companies', 'Status', 'Registered at', 'Present'],
      statuses: { registered: 'Registered', waitlisted: 'Waitlisted', cancelled: 'Cancelled' },
      yes: 'Yes',
      filename: 'attendees',
    },
  };

/**
 * Registrations: every change runs in one transaction that first locks the event's row
 * (`SELECT … FOR UPDATE`), so that concurrent registrations for the last seat queue up and exactly
 * one gets it; a cancellation promotes the first waitlisted person in the same transaction.
 */
@Injectable()
export class AgendaRegistrationsService {
  constructor(
    private readonly db: DataSource,
    private readonly events: AgendaService,
    private readonly notifier: AgendaNotifier,
  ) {}

  async register(actor: Actor, eventId: string, answers: Record<string, string> = {}): Promise<AgendaMyRegistration> {
    const ctx = await this.events.context(actor, eventId);
    if (!ctx.rights.register) throw AgendaErrors.registrationClosed('not_published');
    const clean = checkAnswers(ctx.row.questions, answers);
    return this.db.transaction(async (tx) => {
      const [event]: { status: string; capacity: number | null; starts_at: Date; registration_deadline: Date | null }[] = await tx.query(
        'SELECT status, capacity, starts_at, registration_deadline FROM agenda_events WHERE id = $1 FOR UPDATE',
        [eventId],
      );
      if (event.status !== 'published') throw AgendaErrors.registrationClosed('not_published');
      const now = Date.now();
      if (event.starts_at.getTime() <= now) throw AgendaErrors.registrationClosed('started');
      if (event.registration_deadline && event.registration_deadline.getTime() < now) throw AgendaErrors.registrationClosed('deadline');
      const [existing]: { id: string; status: AgendaRegistrationStatus }[] = await tx.query(
        'SELECT id, status FROM agenda_registrations WHERE event_id = $1 AND person_id = $2',
        [eventId, actor.personId],
      );
      if (existing && existing.status !== 'cancelled') throw AgendaErrors.alreadyRegistered();
      const [{ n }]: { n: number }[] = await tx.query(
        "SELECT count(*)::int AS n FROM agenda_registrations WHERE event_id = $1 AND status = 'registered'",
        [eventId],
      );
      const status: AgendaRegistrationStatus = event.capacity === null || n < event.capacity ? 'registered' : 'waitlisted';
      await tx.query(
        `INSERT INTO agenda_registrations (event_id, person_id, status, answers, queued_at) VALUES ($1, $2, $3, $4, clock_timestamp())
         ON CONFLICT (event_id, person_id) DO UPDATE SET status = EXCLUDED.status, answers = EXCLUDED.answers, queued_at = EXCLUDED.queued_at,
           checked_in_at = NULL, checked_in_by_id = NULL, updated_at = now()`,
        [eventId, actor.personId, status, JSON.stringify(clean)],
      );
      if (status === 'registered') await this.notifier.confirm(tx, eventId, [actor.personId]);
      return this.mine(tx, eventId, actor.personId);
    });
  }

  /** Cancels the caller's registration (or waitlist place); a freed seat goes to the first waitlisted person. */
  async cancel(actor: Actor, eventId: string): Promise<AgendaMyRegistration> {
    await this.events.context(actor, eventId);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM agenda_events WHERE id = $1 FOR UPDATE', [eventId]);
      const [, affected]: [unknown, number] = await tx.query(
        "UPDATE agenda_registrations SET status = 'cancelled', checked_in_at = NULL, updated_at = now() WHERE event_id = $1 AND person_id = $2 AND status <> 'cancelled'",
        [eventId, actor.personId],
      );
      if (!affected) throw AgendaErrors.notRegistered();
      await this.notifier.promote(tx, eventId);
      return this.mine(tx, eventId, actor.personId);
    });
  }

  private async mine(tx: EntityManager, eventId: string, personId: string): Promise<AgendaMyRegistration> {
    const [row]: { id: string; status: AgendaRegistrationStatus; position: number | null; code: string }[] = await tx.query(
      `SELECT me.id, me.status, ${WAITLIST_POSITION} AS position, me.check_in_code AS code FROM agenda_registrations me WHERE me.event_id = $1 AND me.person_id = $2`,
      [eventId, personId],
    );
    return {
      id: row.id,
      status: row.status,
      waitlistPosition: row.position,
      checkIn: row.status === 'registered' ? myCheckIn(eventId, row.code) : null,
    };
  }

  // ---------- managers ----------

  async attendees(actor: Actor, eventId: string): Promise<AgendaAttendee[]> {
    await this.events.context(actor, eventId, 'manage');
    return (await this.attendeeRows(eventId)).map(toAttendee);
  }

  /** Records (or clears) the attendance of a registered person. */
  async checkIn(actor: Actor, eventId: string, registrationId: string, present: boolean): Promise<AgendaAttendee> {
    await this.events.context(actor, eventId, 'manage');
    const [row]: { status: AgendaRegistrationStatus }[] = await this.db.query(
      'SELECT status FROM agenda_registrations WHERE id = $1 AND event_id = $2',
      [registrationId, eventId],
    );
    if (!row) throw AppException.notFound(REGISTRATION);
    if (row.status !== 'registered') throw AgendaErrors.checkInRegisteredOnly();
    await this.db.query(
      'UPDATE agenda_registrations SET checked_in_at = $3, checked_in_by_id = $4, updated_at = now() WHERE id = $1 AND event_id = $2',
      [registrationId, eventId, present ? new Date() : null, present ? actor.personId : null],
    );
    const [attendee] = await this.attendeeRows(eventId, registrationId);
    return toAttendee(attendee);
  }

  /**
   * Checks in the holder of a check-in code (typed, or read from the QR code) at this event. A code of another event
   * is unknown here: nothing changes. Checking in twice keeps the first time.
   */
  async checkInByCode(actor: Actor, eventId: string, input: string): Promise<AgendaCodeCheckIn> {
    await this.events.context(actor, eventId, 'manage');
    const code = parseCheckInCode(input);
    if (!code) throw AgendaErrors.invalidCheckInCode();
    return this.db.transaction(async (tx) => {
      const [row]: { id: string; status: AgendaRegistrationStatus; checked_in_at: Date | null }[] = await tx.query(
        'SELECT id, status, checked_in_at FROM agenda_registrations WHERE check_in_code = $1 AND event_id = $2 FOR UPDATE',
        [code, eventId],
      );
      if (!row) throw AgendaErrors.unknownCheckInCode();
      if (row.status !== 'registered') throw AgendaErrors.checkInRegisteredOnly();
      if (!row.checked_in_at) {
        await tx.query('UPDATE agenda_registrations SET checked_in_at = now(), checked_in_by_id = $2, updated_at = now() WHERE id = $1', [
          row.id,
          actor.personId,
        ]);
      }
      const [attendee] = await this.attendeeRows(eventId, row.id, tx);
      return { attendee: toAttendee(attendee), alreadyCheckedIn: !!row.checked_in_at };
    });
  }

  /** The attendee list as a spreadsheet-safe CSV (one column per question). */
  async csv(actor: Actor, eventId: string): Promise<CsvFile> {
    const ctx = await this.events.context(actor, eventId, 'manage');
    const [{ locale }]: { locale: Locale }[] = await this.db.query('SELECT locale FROM people WHERE id = $1', [actor.personId]);
    const labels = CSV_LABELS[locale] ?? CSV_LABELS.fr;
    const rows = (await this.attendeeRows(eventId)).filter((r) => r.status !== 'cancelled');
    const questions = ctx.row.questions;
    const lines = rows.map((r) => [
      r.name,
      (r.companies ?? []).join(', '),
      labels.statuses[r.status],
      inParis(r.queued_at).format('YYYY-MM-DD HH:mm'),
      r.checked_in_at ? labels.yes : '',
      ...questions.map((q) => r.answers[q.id] ?? ''),
    ]);
    return {
      filename: `${labels.filename}-${inParis(ctx.row.starts_at).format('YYYY-MM-DD')}-${ctx.row.id.slice(0, 8)}.csv`,
      content: toCsv([[...labels.headers, ...questions.map((q) => q.label)], ...lines]),
    };
  }

  private attendeeRows(eventId: string, registrationId?: string, manager: Pick<EntityManager, 'query'> = this.db): Promise<AttendeeRow[]> {
    return manager.query(
      `SELECT r.id, r.person_id, trim(p.first_name || ' ' || p.last_name) AS name, r.status, r.answers, r.queued_at, r.checked_in_at,
              (SELECT array_agg(coalesce(c.trade_name, c.legal_name) ORDER BY c.legal_name) FROM company_members cm JOIN companies c ON c.id = cm.company_id
                WHERE cm.person_id = r.person_id) AS companies
       FROM agenda_registrations r JOIN people p ON p.id = r.person_id
       WHERE r.event_id = $1 AND ($2::uuid IS NULL OR r.id = $2::uuid)
       ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.queued_at, r.id`,
      [eventId, registrationId ?? null],
    );
  }
}

function toAttendee(r: AttendeeRow): AgendaAttendee {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    companies: r.companies ?? [],
    status: r.status,
    answers: r.answers,
    registeredAt: r.queued_at.toISOString(),
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
  };
}

/** Answers to the event's questions: known questions only, required ones present, choices among the choices. */
export function checkAnswers(questions: readonly AgendaQuestion[], answers: Record<string, unknown>): Record<string, string> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const clean: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) throw AgendaErrors.invalidAnswers(`Unknown question "${id}"`);
    if (typeof value !== 'string' || value.length > AGENDA_ANSWER_MAX)
      throw AgendaErrors.invalidAnswers(`The answer to "${question.label}" must be a text of at most ${AGENDA_ANSWER_MAX} characters`);
    const text = value.trim();
    if (question.kind === 'choice' && text && !question.choices.includes(text))
      throw AgendaErrors.invalidAnswers(`"${text}" is not a choice of "${question.label}"`);
    if (text) clean[id] = text;
  }
  const missing = questions.find((q) => q.required && !clean[q.id]);
  if (missing) throw AgendaErrors.invalidAnswers(`"${missing.label}" needs an answer`);
  return clean;
}
