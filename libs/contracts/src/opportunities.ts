// Opportunities ("je propose / je cherche"): types shared by the API (apps/api/src/modules/opportunities) and the web app.
//   GET    /opportunities?q=&type=&status=&mine=    → OpportunityPage (what the caller may see)
//   POST   /opportunities                           → Opportunity (a draft, or open when `publish`)
//   GET    /opportunities/:id                       → Opportunity (404 when the caller may not see it)
//   PUT    /opportunities/:id                       → Opportunity (the publisher's editors)
//   POST   /opportunities/:id/publish | close | cancel
//   POST   /opportunities/:id/attachments           → OpportunityAttachment (multipart)
//   GET    /opportunities/:id/matches               → OpportunityMatch[] (the publisher's editors)
//   GET    /companies/:id/opportunities/suggested   → OpportunitySuggestion[] (the company's people)
//   POST   /opportunities/:id/responses             → OpportunityResponse
//   GET    /opportunities/:id/responses             → OpportunityResponse[] (publisher: all; responder: its own)
//   PUT    /opportunities/:id/responses/:rid        → OpportunityResponse (status: shortlisted, declined, winner)
//   POST   /opportunities/:id/responses/:rid/thread → OpportunityResponse with its threadId (the publisher's owners and
//            admins open, once per response, a messaging conversation with the responder's owners and admins and the
//            person who responded; later calls return the same thread)

export type OpportunityType = 'joint_bid' | 'subcontracting' | 'partnership' | 'pooling' | 'shared_employment' | 'other';
export const OPPORTUNITY_TYPES: readonly OpportunityType[] = [
  'joint_bid',
  'subcontracting',
  'partnership',
  'pooling',
  'shared_employment',
  'other',
];
export type OpportunityAudience = 'public' | 'networks' | 'invited';
export const OPPORTUNITY_AUDIENCES: readonly OpportunityAudience[] = ['public', 'networks', 'invited'];
export type OpportunityStatus = 'draft' | 'open' | 'closed' | 'awarded' | 'cancelled';
export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['draft', 'open', 'closed', 'awarded', 'cancelled'];
export type OpportunityResponseStatus = 'submitted' | 'shortlisted' | 'declined' | 'winner';
export const OPPORTUNITY_RESPONSE_STATUSES: readonly OpportunityResponseStatus[] = ['submitted', 'shortlisted', 'declined', 'winner'];
/** Largest radius around a commune (km). */
export const OPPORTUNITY_MAX_RADIUS_KM = 300;
/** Opportunities a company may create per day (drafts included). */
export const OPPORTUNITIES_PER_COMPANY_PER_DAY = 5;
export const OPPORTUNITY_ATTACHMENT_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];
export const OPPORTUNITY_MAX_ATTACHMENTS = 10;

export interface OpportunityTerritory {
  communeCode: string | null;
  communeName: string | null;
  radiusKm: number | null;
  departements: string[];
  regions: string[];
}

export interface OpportunityCompanyRef {
  id: string;
  name: string;
  communeName: string | null;
  nafCode: string | null;
}

/** A company the caller may publish or respond for, with the networks it is an active member of (audiences). */
export interface OpportunityActingCompany extends OpportunityCompanyRef {
  networks: { id: string; name: string }[];
}

export interface OpportunityAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export interface Opportunity {
  id: string;
  type: OpportunityType;
  title: string;
  /** Markdown as written. */
  description: string;
  /** Sanitised HTML of the description. */
  descriptionHtml: string;
  nafCodes: { code: string; label: string }[];
  skills: string[];
  territory: OpportunityTerritory;
  /** ISO date (YYYY-MM-DD), Europe/Paris. */
  deadline: string;
  budgetMin: number | null;
  budgetMax: number | null;
  audience: OpportunityAudience;
  /** Networks of a `networks` audience the caller may see (publisher: all). */
  networks: { id: string; name: string }[];
  /** Invited companies (publisher only; empty for others). */
  invitedCompanies: OpportunityCompanyRef[];
  status: OpportunityStatus;
  outcome: string | null;
  company: OpportunityCompanyRef;
  attachments: OpportunityAttachment[];
  publishedAt: string | null;
  createdAt: string;
  hidden: boolean;
  /** What the caller may do. */
  rights: { edit: boolean; respond: boolean; report: boolean };
  /** The caller's companies' response, if any. */
  myResponse: OpportunityResponse | null;
  responseCount: number | null;
}

export interface OpportunityListItem {
  id: string;
  type: OpportunityType;
  title: string;
  status: OpportunityStatus;
  audience: OpportunityAudience;
  deadline: string;
  company: OpportunityCompanyRef;
  nafCodes: string[];
  skills: string[];
  publishedAt: string | null;
}

export interface OpportunityPage {
  items: OpportunityListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OpportunityInput {
  type: OpportunityType;
  title: string;
  description: string;
  nafCodes?: string[];
  skills?: string[];
  territory?: { communeCode?: string | null; radiusKm?: number | null; departements?: string[]; regions?: string[] };
  deadline: string;
  budgetMin?: number | null;
  budgetMax?: number | null;
  audience: OpportunityAudience;
  networkIds?: string[];
  invitedCompanyIds?: string[];
}

export interface CreateOpportunityRequest extends OpportunityInput {
  companyId: string;
  /** Open at once (otherwise a draft). */
  publish?: boolean;
}

export interface CloseOpportunityRequest {
  outcome: string;
  awarded?: boolean;
}

/** One reason of a match, phrased for the reader (see MatchReason.kind for its weight). */
export interface MatchReason {
  kind: 'naf' | 'skills' | 'distance' | 'territory' | 'network' | 'headcount' | 'history';
  /** French sentence, phrased for the reader (the web app rebuilds it from `params` in its language). */
  label: string;
  params: Record<string, string | number>;
  points: number;
}

export interface OpportunityMatch {
  company: OpportunityCompanyRef & { headcountBand: string | null };
  score: number;
  reasons: MatchReason[];
}

export interface OpportunitySuggestion {
  opportunity: OpportunityListItem;
  score: number;
  reasons: MatchReason[];
}

export interface OpportunityResponse {
  id: string;
  opportunityId: string;
  company: OpportunityCompanyRef;
  message: string;
  status: OpportunityResponseStatus;
  createdAt: string;
  /** The private question thread (a messaging conversation, /messages/:id) once the publisher opened it. */
  threadId: string | null;
  /** Files the responding company joined (references, quotes): seen by the two companies only. */
  attachments: OpportunityAttachment[];
}

export interface RespondRequest {
  companyId: string;
  message: string;
}

export const OPPORTUNITY_TYPE_LABELS_FR: Record<OpportunityType, string> = {
  joint_bid: "Appel d'offres / réponse groupée",
  subcontracting: 'Sous-traitance',
  partnership: 'Partenariat ou projet R&D',
  pooling: 'Mutualisation',
  shared_employment: 'Emploi partagé',
  other: 'Autre',
};

// ---------- mini-grappes (consortia) ----------
//   POST /opportunities/:id/group            { companyIds }  → OpportunityGroup (the lead: the publisher's owners and admins)
//   GET  /opportunities/:id/group                           → OpportunityGroup (the lead's and the invited companies' people)
//   POST /opportunities/:id/group/accept     { companyId }   → OpportunityGroup (an invited company's owners and admins)
//   POST /opportunities/:id/group/messages   { body }        → OpportunityGroup (accepted members and the lead)
//   PUT  /opportunities/:id/group            { status }      → OpportunityGroup (the lead)
//   POST /opportunities/:id/group/documents  multipart file  → OpportunityGroup (the folder: accepted members and the lead)
//   GET  /opportunities/:id/group/documents/:docId          → the file (the group's people only; 404 for anyone else)
//   GET  /opportunities/:id/group/supporter-candidates      → OpportunitySupporterCandidate[] (the lead: who may support the group)
//   PUT  /opportunities/:id/group/supporter  { personId }   → OpportunityGroup (the lead designates the CCI "intégrateur de PME")
//   DELETE /opportunities/:id/group/supporter               → 204 (the lead removes him, or he steps down)
//   GET  /opportunities/:id/group/invitable?q=              → OpportunityCompanyRef[] (the supporter: companies of his networks)
//   POST /opportunities/:id/group/invitations { companyIds } → OpportunityGroup (the supporter invites them; each accepts)
export type OpportunityGroupStatus = 'forming' | 'active' | 'submitted' | 'dissolved';
export const OPPORTUNITY_GROUP_STATUSES: readonly OpportunityGroupStatus[] = ['forming', 'active', 'submitted', 'dissolved'];
export type OpportunityGroupMemberStatus = 'invited' | 'accepted' | 'declined';

export interface OpportunityGroup {
  id: string;
  opportunityId: string;
  opportunityTitle: string;
  deadline: string;
  status: OpportunityGroupStatus;
  lead: OpportunityCompanyRef;
  members: { company: OpportunityCompanyRef; status: OpportunityGroupMemberStatus }[];
  messages: { id: string; author: string | null; company: string | null; body: string; createdAt: string }[];
  /** The group's private folder (PDF, PNG, JPEG; the lead and accepted members add to it). */
  documents: OpportunityAttachment[];
  /** The CCI "intégrateur de PME" supporting the group, or null. */
  supporter: OpportunityGroupSupporter | null;
  /** What the caller may do; `support`: the caller is the supporter (invites companies of his networks, may step down). */
  rights: { manage: boolean; post: boolean; acceptFor: string[]; support: boolean };
}

/** A person supporting a mini-grappe: an animator or host staff of a network of the lead company. */
export interface OpportunityGroupSupporter {
  id: string;
  name: string;
  /** The CCI (host organisation) or the animator company he speaks for. */
  organization: string | null;
}

/** Someone the lead may designate as supporter, with the lead's networks he animates or hosts. */
export interface OpportunitySupporterCandidate extends OpportunityGroupSupporter {
  networks: string[];
}

/** A mini-grappe the caller supports (the steering cockpit's list). */
export interface SupportedOpportunityGroup {
  id: string;
  opportunityId: string;
  opportunityTitle: string;
  deadline: string;
  status: OpportunityGroupStatus;
  lead: OpportunityCompanyRef;
  /** Companies that accepted (the lead not counted). */
  members: number;
}

/** The weekly e-mail "opportunities for my company" (GET/PUT /opportunities/digest; opt-in, per person). */
export interface OpportunityDigestSettings {
  weekly: boolean;
}
/** The unsubscribe link of a weekly e-mail (no sign-in): whether its recipient still gets it. */
export interface OpportunityDigestUnsubscribe {
  weekly: boolean;
}

/** Figures for the steering indicators (per host organisation, or everything). */
export interface OpportunityStats {
  opportunities: number;
  open: number;
  responses: number;
  groupsFormed: number;
  awarded: number;
}
