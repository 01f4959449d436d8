// Steering (apps/api/src/modules/steering): the animators' cockpit, a network's indicators, yearly action plans with
// targets and actuals, maturity assessments, the network sheet of the regional schema, the regional view.
// Shared by the API and the web app.
//
// Who sees what: a network's indicators, plans, assessments and sheet belong to its animators (people of its animator
// companies), the staff of its host and referent organisations, and platform admins. Plain members get 404 on every
// network-level endpoint and an empty portfolio (`canSteer: false`) on the cockpit. Aggregates (cockpit, regional view,
// medians of the same type, exports) only ever count networks the viewer may steer.
//
// Endpoints (all under /api/v1; JSON unless noted). Dates are `YYYY-MM-DD` (Europe/Paris calendar days); instants are
// ISO 8601 UTC. Money is in euros (numbers with at most 2 decimals).
//
//   GET    /steering/me                                   → SteeringAccess (what the caller may open: cockpit, regional view)
//   GET    /steering/cockpit?<CockpitQuery>               → CockpitResponse (the caller's portfolio, filtered and sorted)
//   GET    /steering/cockpit.csv?<CockpitQuery>           → text/csv (same lines, spreadsheet-safe, `;` separated, UTF-8 BOM)
//   GET    /steering/cockpit.xlsx?<CockpitQuery>          → application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//   GET    /steering/opportunities                        → SteeringOpportunities (opportunities, responses, mini-grappes of the
//            member companies of the caller's whole portfolio)
//   GET    /steering/networks/:networkId/indicators       → NetworkIndicators (24 monthly points, funnel, inactive members, median)
//   GET    /steering/networks/:networkId/action-plans     → ActionPlanSummary[] (newest year first)
//   POST   /steering/networks/:networkId/action-plans     ActionPlanCreateInput → ActionPlan (409 STEERING_PLAN_EXISTS for a year that has one)
//   GET    /steering/action-plans/:planId                 → ActionPlan (indicators with their actual and progress)
//   PATCH  /steering/action-plans/:planId                 ActionPlanUpdateInput → ActionPlan
//   DELETE /steering/action-plans/:planId                 → 204
//   POST   /steering/action-plans/:planId/copy            ActionPlanCopyInput → ActionPlan (the new plan, default year + 1;
//            objectives, actions (status reset to `planned`, dates moved by the year gap, spent reset to 0) and indicators
//            (manual entries not copied) are copied)
//   GET    /steering/action-plans/:planId/history         → ActionPlanHistoryEntry[] (newest first)
//   POST   /steering/action-plans/:planId/objectives      ObjectiveInput → ActionPlan
//   PATCH  /steering/objectives/:objectiveId              Partial<ObjectiveInput> → ActionPlan
//   DELETE /steering/objectives/:objectiveId              → ActionPlan (its actions and indicators lose their objective)
//   POST   /steering/action-plans/:planId/actions         ActionInput → ActionPlan
//   PATCH  /steering/actions/:actionId                    Partial<ActionInput> → ActionPlan
//   DELETE /steering/actions/:actionId                    → ActionPlan
//   POST   /steering/action-plans/:planId/indicators      PlanIndicatorInput → ActionPlan
//   PATCH  /steering/indicators/:indicatorId              Partial<PlanIndicatorInput> → ActionPlan (the source cannot change)
//   DELETE /steering/indicators/:indicatorId              → ActionPlan
//   POST   /steering/indicators/:indicatorId/entries      IndicatorEntryInput → ActionPlan (manual indicators only; 422 otherwise)
//   DELETE /steering/indicator-entries/:entryId           → ActionPlan
//   GET    /steering/networks/:networkId/maturity         → MaturityOverview (current stage, criteria, history)
//   POST   /steering/networks/:networkId/maturity         MaturityAssessmentInput → MaturityOverview (sets the network's stage)
//   GET    /steering/networks/:networkId/sheet            → NetworkSheet
//   PUT    /steering/networks/:networkId/sheet            NetworkSheetInput → NetworkSheet (whole replacement)
//   GET    /steering/regional?<RegionalQuery>             → RegionalView (404 when the caller is staff of no organisation)
//   GET    /steering/regional/schema.csv?<RegionalQuery>  → text/csv: every network of the view with its sheet
//   GET    /steering/regional/schema.xlsx?<RegionalQuery> → XLSX: sheet "Réseaux" (one line per network) + "Synthèse" tables
//   GET    /steering/organizations/:organizationId/settings → SteeringSettings (its staff)
//   PUT    /steering/organizations/:organizationId/settings SteeringSettingsInput → SteeringSettings (its admins, platform admins)
//
// Errors: 400 VALIDATION_FAILED (details: FieldError[]) for shapes and ranges (negative or huge numbers, more than 2
// decimals, wrong types, impossible dates); 400 with a specific code and the field in details for rule breaks:
// STEERING_DUE_BEFORE_START (dueDate), STEERING_INVALID_OBJECTIVE (objectiveId of another plan), STEERING_INVALID_EVENT
// (eventIds of another network), STEERING_MANUAL_ONLY (entries on a computed indicator), STEERING_FUTURE_DATE;
// 404 NOT_FOUND for anything the caller may not steer or that does not exist (a deleted network included);
// 409 STEERING_PLAN_EXISTS (a plan for that year already exists).

import type { FieldError } from './common';
import type { NetworkMaturity, NetworkType, NetworkVisibility } from './networks';
import type { OpportunityStats, SupportedOpportunityGroup } from './opportunities';

export const STEERING_ACTIVE_WINDOW_DAYS = 90;
/** Default dormant threshold when the organisation has not set one. */
export const STEERING_DORMANT_DAYS_DEFAULT = 60;
export const STEERING_DORMANT_DAYS_MIN = 7;
export const STEERING_DORMANT_DAYS_MAX = 730;
export const STEERING_SERIES_MONTHS = 24;
export const STEERING_YEAR_MIN = 2000;
export const STEERING_YEAR_MAX = 2100;
export const STEERING_TITLE_MAX = 200;
export const STEERING_TEXT_MAX = 5000;
export const STEERING_COMMENT_MAX = 2000;
export const STEERING_UNIT_MAX = 40;
/** Targets, actuals and budgets: non-negative, at most this value, 2 decimals at most. */
export const STEERING_NUMBER_MAX = 1_000_000_000;
export const STEERING_FTE_MAX = 100;
export const STEERING_LIST_MAX = 50;
export const STEERING_PAGE_SIZE_MAX = 500;

// ---------- access ----------

export interface SteeringAccess {
  /** The caller steers at least one network (animator, host/referent staff) or is a platform admin. */
  canSteer: boolean;
  /** The caller may open the regional view (staff of at least one organisation, or platform admin). */
  canSeeRegional: boolean;
  /** Organisations whose staff the caller is (for the regional view's selector and the settings). */
  organizations: { id: string; name: string; kind: string; role: 'admin' | 'animator'; dormantAfterDays: number }[];
}

// ---------- cockpit ----------

export type CockpitSort =
  'name' | 'type' | 'members' | 'activeMembers' | 'growth' | 'posts' | 'events' | 'attendance' | 'maturity' | 'progress' | 'lastActivity';
export const COCKPIT_SORTS: readonly CockpitSort[] = [
  'name',
  'type',
  'members',
  'activeMembers',
  'growth',
  'posts',
  'events',
  'attendance',
  'maturity',
  'progress',
  'lastActivity',
];
export type SortOrder = 'asc' | 'desc';
export type CockpitAlertFilter = 'any' | 'dormant' | 'late';
export const COCKPIT_ALERT_FILTERS: readonly CockpitAlertFilter[] = ['any', 'dormant', 'late'];

/** Query string of the cockpit and its exports; every field optional. */
export interface CockpitQuery {
  /** Name contains (accent- and case-insensitive). */
  q?: string;
  type?: NetworkType;
  maturity?: NetworkMaturity;
  /** Networks whose territory holds this département (code, e.g. `69`). */
  departement?: string;
  /** Networks whose territory holds this région (code, e.g. `84`). */
  region?: string;
  /** Networks animated by this person (people of the network's animator companies). */
  animatorId?: string;
  /** Only networks with an alert: `any`, `dormant` or `late` (actions past due). */
  alert?: CockpitAlertFilter;
  /** Only the networks hosted or referred by this organisation (the caller must be its staff or platform admin). */
  organizationId?: string;
  sort?: CockpitSort;
  order?: SortOrder;
  /** 1-based; JSON answer only (exports hold every line). */
  page?: number;
  /** Default 50, max STEERING_PAGE_SIZE_MAX. */
  pageSize?: number;
}

export type SteeringRelation = 'animator' | 'host' | 'referent' | 'admin';

export interface CockpitAlerts {
  /** No activity (post, event held, join, document) for `dormantAfterDays` days. */
  dormant: boolean;
  /** Days since the last activity (null: never any activity). */
  daysSinceActivity: number | null;
  /** The threshold that applies (the host organisation's setting). */
  dormantAfterDays: number;
  /** Actions of the current year's plan whose due date passed and that are not done or cancelled. */
  lateActions: number;
}

export interface CockpitLine {
  network: {
    id: string;
    name: string;
    slug: string;
    type: NetworkType;
    visibility: NetworkVisibility;
    maturity: NetworkMaturity;
    hostOrganization: { id: string; name: string };
    referentOrganization: { id: string; name: string } | null;
    departements: string[];
    regions: string[];
  };
  /** How the caller relates to the network (why it is in the portfolio). */
  relations: SteeringRelation[];
  animators: { personId: string; name: string }[];
  /** Companies with an active membership today. */
  members: number;
  /** Companies active in the last 90 days (see STEERING_ACTIVE_WINDOW_DAYS). */
  activeMembers: number;
  /** Last 12 months: companies that joined (became active) and left (left, banned), and the balance. */
  growth12m: { joins: number; leaves: number; net: number };
  /** Last 12 months. */
  forum: {
    topics: number;
    posts: number;
    /** Share (0..1) of the topics created in the period with at least one reply by someone else; null without topics. */
    answeredShare: number | null;
    /** Median hours to the first reply, over answered topics; null without any. */
    medianHoursToFirstAnswer: number | null;
  };
  /** Last 12 months. */
  events: {
    held: number;
    registrations: number;
    checkIns: number;
    /** checkIns / registrations (0..1); null without registrations. */
    attendanceRate: number | null;
    waitlisted: number;
  };
  /** Documents added in the last 12 months. */
  documentsAdded: number;
  /** The current year's plan, if any. */
  plan: {
    id: string;
    year: number;
    /** Mean of the indicators' progress (each capped at 1), 0..1; null without indicators with a target. */
    progress: number | null;
    actionsDone: number;
    actionsTotal: number;
  } | null;
  alerts: CockpitAlerts;
  lastActivityAt: string | null;
}

/** Opportunities and mini-grappes of the member companies of the networks the caller steers (the groups it supports). */
export interface SteeringOpportunities {
  /** Networks counted (the caller's portfolio). */
  networks: number;
  stats: OpportunityStats;
  /** The mini-grappes the caller supports as CCI "intégrateur de PME" (newest first). */
  supported: SupportedOpportunityGroup[];
}

export interface CockpitResponse {
  items: CockpitLine[];
  total: number;
  page: number;
  pageSize: number;
  /** Over every line matching the filters (not only the page). */
  totals: {
    networks: number;
    members: number;
    activeMembers: number;
    dormant: number;
    withLateActions: number;
  };
  /** The day the aggregates were computed up to (Europe/Paris). */
  asOf: string;
  /** Values for the filter selectors, from the caller's whole portfolio. */
  filters: {
    types: NetworkType[];
    maturities: NetworkMaturity[];
    departements: string[];
    regions: string[];
    animators: { personId: string; name: string }[];
    organizations: { id: string; name: string }[];
  };
}

// ---------- a network's indicators ----------

export interface MonthlyPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Active memberships at the end of the month. */
  members: number;
  /** Companies active in the 90 days ending at the end of the month. */
  activeMembers: number;
  /** Companies that joined / left during the month. */
  joins: number;
  leaves: number;
  topics: number;
  posts: number;
  /** Events that took place in the month (not cancelled). */
  eventsHeld: number;
  registrations: number;
  checkIns: number;
  /** checkIns / registrations of the month's events; null without registrations. */
  attendanceRate: number | null;
  documentsAdded: number;
  /** Newsletters sent to the network in the month. */
  newsletters: number;
  /** People of the network those newsletters were sent to (one per person and newsletter). */
  newsletterRecipients: number;
  /** Those of them who clicked a link of the newsletter. */
  newsletterClickers: number;
  /** People who unsubscribed from the network's newsletters in the month. */
  newsletterUnsubscribes: number;
}

export interface JoinFunnel {
  /** Last 12 months. */
  received: number;
  accepted: number;
  rejected: number;
  /** Still waiting today. */
  pending: number;
  /** Median hours between the request and the decision, over decided requests; null without any. */
  medianHoursToDecide: number | null;
}

export interface InactiveMember {
  companyId: string;
  name: string;
  /** Last activity of the company's people in the network (null: never). */
  lastActivityAt: string | null;
  memberSince: string;
}

export interface NetworkIndicators {
  network: {
    id: string;
    name: string;
    slug: string;
    type: NetworkType;
    maturity: NetworkMaturity;
    hostOrganization: { id: string; name: string };
  };
  asOf: string;
  /** The same figures as the cockpit line. */
  current: Omit<CockpitLine, 'network' | 'relations' | 'animators'>;
  /** STEERING_SERIES_MONTHS points, oldest first, the current month last. */
  series: MonthlyPoint[];
  funnel: JoinFunnel;
  /** Active members today who were active in the 90 days before the last 90 and not since (at most 100, oldest activity first). */
  becameInactive: InactiveMember[];
  /** Median of the networks of the same type the caller may steer (this one included). */
  comparison: {
    type: NetworkType;
    /** Networks in the comparison. */
    peers: number;
    median: { members: number; activeMembers: number; posts12m: number; eventsHeld12m: number; attendanceRate: number | null };
    self: { members: number; activeMembers: number; posts12m: number; eventsHeld12m: number; attendanceRate: number | null };
  };
}

// ---------- action plans ----------

export type ActionPlanStatus = 'draft' | 'active' | 'closed';
export const ACTION_PLAN_STATUSES: readonly ActionPlanStatus[] = ['draft', 'active', 'closed'];
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

/** Where an indicator's actual comes from. `manual`: entries typed by hand; the others are computed over the plan's year. */
export type IndicatorSource =
  | 'manual'
  /** Active memberships at the end of the period (or today). */
  | 'members'
  /** Companies active in the 90 days ending at the end of the period (or today). */
  | 'active_members'
  /** Companies that joined during the period. */
  | 'new_members'
  | 'events_held'
  | 'registrations'
  /** Check-ins of the period's events. */
  | 'attendance'
  /** Check-ins / registrations × 100 (a percentage). */
  | 'attendance_rate'
  | 'topics'
  | 'posts'
  | 'documents'
  /** Newsletters sent to the network. */
  | 'newsletters_sent'
  /** Recipients reached through the network (one per person and newsletter). */
  | 'newsletter_recipients'
  /** Recipients who clicked a link × 100 / recipients (a percentage). */
  | 'newsletter_click_rate'
  /** People who unsubscribed from the network's newsletters. */
  | 'newsletter_unsubscribes';
export const INDICATOR_SOURCES: readonly IndicatorSource[] = [
  'manual',
  'members',
  'active_members',
  'new_members',
  'events_held',
  'registrations',
  'attendance',
  'attendance_rate',
  'topics',
  'posts',
  'documents',
  'newsletters_sent',
  'newsletter_recipients',
  'newsletter_click_rate',
  'newsletter_unsubscribes',
];
/** Computed sources only (`manual` excluded). */
export const COMPUTED_INDICATOR_SOURCES: readonly IndicatorSource[] = INDICATOR_SOURCES.filter((s) => s !== 'manual');

export interface ActionPlanCreateInput {
  /** STEERING_YEAR_MIN..STEERING_YEAR_MAX. */
  year: number;
  title?: string;
  summary?: string | null;
  status?: ActionPlanStatus;
}
export interface ActionPlanUpdateInput {
  title?: string;
  summary?: string | null;
  status?: ActionPlanStatus;
}
export interface ActionPlanCopyInput {
  /** Default: the plan's year + 1. */
  year?: number;
}

export interface ObjectiveInput {
  title: string;
  description?: string | null;
  /** Order in the plan (0-based); default last. */
  position?: number;
}
export interface ActionInput {
  title: string;
  description?: string | null;
  objectiveId?: string | null;
  /** Free text (a person's name or a role). */
  owner?: string | null;
  /** `YYYY-MM-DD`; dueDate ≥ startDate when both are set. */
  startDate?: string | null;
  dueDate?: string | null;
  budgetPlanned?: number | null;
  budgetSpent?: number | null;
  status?: ActionStatus;
  /** Events of the same network. */
  eventIds?: string[];
}
export interface PlanIndicatorInput {
  label: string;
  /** Free text: `entreprises`, `%`, `€`… Defaults to the source's natural unit. */
  unit?: string | null;
  target?: number | null;
  /** Fixed at creation. */
  source: IndicatorSource;
  objectiveId?: string | null;
}
export interface IndicatorEntryInput {
  value: number;
  /** `YYYY-MM-DD`, not in the future. */
  date: string;
  comment?: string | null;
}

export interface IndicatorEntry {
  id: string;
  value: number;
  date: string;
  comment: string | null;
  author: { personId: string; name: string } | null;
  createdAt: string;
}

export interface PlanIndicator {
  id: string;
  label: string;
  unit: string | null;
  target: number | null;
  source: IndicatorSource;
  objectiveId: string | null;
  /** Manual: the latest entry's value (by date); computed: over the plan's year up to today. Null: no entry yet. */
  actual: number | null;
  /** actual / target, not capped (1 = reached); null without target or actual. */
  progress: number | null;
  /** Manual indicators only, newest first. */
  entries: IndicatorEntry[];
}

export interface PlanAction {
  id: string;
  title: string;
  description: string | null;
  objectiveId: string | null;
  owner: string | null;
  startDate: string | null;
  dueDate: string | null;
  budgetPlanned: number | null;
  budgetSpent: number | null;
  status: ActionStatus;
  /** Due date passed and not done or cancelled. */
  late: boolean;
  events: { id: string; title: string; startsAt: string }[];
  updatedAt: string;
}

export interface PlanObjective {
  id: string;
  title: string;
  description: string | null;
  position: number;
}

export interface ActionPlanProgress {
  /** Mean of the indicators' progress, each capped at 1; null without any. */
  indicators: number | null;
  actionsDone: number;
  actionsTotal: number;
  actionsLate: number;
  budgetPlanned: number;
  budgetSpent: number;
}

export interface ActionPlanSummary {
  id: string;
  networkId: string;
  year: number;
  title: string;
  status: ActionPlanStatus;
  progress: ActionPlanProgress;
  updatedAt: string;
}

export interface ActionPlan extends ActionPlanSummary {
  summary: string | null;
  network: { id: string; name: string; slug: string };
  /** 1 January .. 31 December of the year. */
  period: { from: string; to: string };
  objectives: PlanObjective[];
  actions: PlanAction[];
  indicators: PlanIndicator[];
  createdAt: string;
  canEdit: boolean;
}

export type ActionPlanHistoryKind =
  | 'plan_created'
  | 'plan_updated'
  | 'plan_copied'
  | 'objective_added'
  | 'objective_updated'
  | 'objective_removed'
  | 'action_added'
  | 'action_updated'
  | 'action_removed'
  | 'indicator_added'
  | 'indicator_updated'
  | 'indicator_removed'
  | 'entry_added'
  | 'entry_removed';

export interface ActionPlanHistoryEntry {
  id: string;
  kind: ActionPlanHistoryKind;
  /** Title of the object concerned. */
  label: string;
  /** Changed fields: before and after values. */
  changes: Record<string, { from: unknown; to: unknown }> | null;
  actor: { personId: string; name: string } | null;
  createdAt: string;
}

// ---------- maturity ----------

export type MaturityCriterion =
  | 'shared_needs'
  | 'core_group'
  | 'shared_objectives'
  | 'governance'
  | 'charter'
  | 'action_plan'
  | 'regular_activity'
  | 'members_growth'
  | 'own_funding'
  | 'partners'
  | 'autonomous_animation'
  | 'independent_structure';

/** The criteria assessed for each stage (from the founding document: emergence → creation → development → autonomy). */
export const MATURITY_CRITERIA: Record<NetworkMaturity, readonly MaturityCriterion[]> = {
  emergence: ['shared_needs', 'core_group'],
  creation: ['shared_objectives', 'governance', 'charter'],
  development: ['action_plan', 'regular_activity', 'members_growth', 'partners'],
  autonomy: ['own_funding', 'autonomous_animation', 'independent_structure'],
};
export const MATURITY_CRITERIA_ALL: readonly MaturityCriterion[] = [
  'shared_needs',
  'core_group',
  'shared_objectives',
  'governance',
  'charter',
  'action_plan',
  'regular_activity',
  'members_growth',
  'partners',
  'own_funding',
  'autonomous_animation',
  'independent_structure',
];

export interface MaturityAssessmentInput {
  stage: NetworkMaturity;
  /** Every criterion assessed (met or not); unknown keys → 400. Missing keys count as not met. */
  criteria: Partial<Record<MaturityCriterion, boolean>>;
  /** Why (required, 1..STEERING_COMMENT_MAX). */
  comment: string;
  /** `YYYY-MM-DD`, default today, not in the future. */
  assessedOn?: string;
}

export interface MaturityAssessment {
  id: string;
  stage: NetworkMaturity;
  previousStage: NetworkMaturity | null;
  criteria: Partial<Record<MaturityCriterion, boolean>>;
  comment: string;
  assessedOn: string;
  assessor: { personId: string; name: string } | null;
  createdAt: string;
}

export interface MaturityOverview {
  networkId: string;
  /** The network's stage today. */
  stage: NetworkMaturity;
  criteria: Record<NetworkMaturity, readonly MaturityCriterion[]>;
  latest: MaturityAssessment | null;
  /** Newest first. */
  history: MaturityAssessment[];
  canAssess: boolean;
}

// ---------- network sheet (schéma régional) ----------

export type NetworkNeed = 'animation' | 'support' | 'recruiting' | 'logistics' | 'tools' | 'funding' | 'training' | 'communication';
export const NETWORK_NEEDS: readonly NetworkNeed[] = [
  'animation',
  'support',
  'recruiting',
  'logistics',
  'tools',
  'funding',
  'training',
  'communication',
];
export type PartnerRole = 'lead' | 'funder' | 'contractor' | 'member' | 'other';
export const PARTNER_ROLES: readonly PartnerRole[] = ['lead', 'funder', 'contractor', 'member', 'other'];
export type AgreementType = 'none' | 'staff_provision' | 'partnership' | 'service' | 'membership' | 'other';
export const AGREEMENT_TYPES: readonly AgreementType[] = ['none', 'staff_provision', 'partnership', 'service', 'membership', 'other'];
export type FundingKind = 'membership_fees' | 'cci' | 'local_authority' | 'region' | 'state' | 'europe' | 'private' | 'other';
export const FUNDING_KINDS: readonly FundingKind[] = [
  'membership_fees',
  'cci',
  'local_authority',
  'region',
  'state',
  'europe',
  'private',
  'other',
];

export interface NetworkSheetInput {
  needs: NetworkNeed[];
  needsComment?: string | null;
  /** At most STEERING_LIST_MAX. */
  partners: { name: string; role: PartnerRole; comment?: string | null }[];
  governance: {
    president?: string | null;
    /** Board members (names, free text). */
    board?: string[];
    /** The CCI's elected referent. */
    cciElectedReferent?: string | null;
    comment?: string | null;
  };
  agreement: {
    type: AgreementType;
    startDate?: string | null;
    /** The yearly review date. */
    reviewDate?: string | null;
    /** Staff made available, in FTE (0..STEERING_FTE_MAX, 2 decimals). */
    fte?: number | null;
    comment?: string | null;
  };
  /** At most STEERING_LIST_MAX; amount in euros per year. */
  funding: { kind: FundingKind; label?: string | null; amount?: number | null }[];
}

export interface NetworkSheet {
  networkId: string;
  needs: NetworkNeed[];
  needsComment: string | null;
  partners: { name: string; role: PartnerRole; comment: string | null }[];
  governance: { president: string | null; board: string[]; cciElectedReferent: string | null; comment: string | null };
  agreement: {
    type: AgreementType;
    startDate: string | null;
    reviewDate: string | null;
    fte: number | null;
    comment: string | null;
    /** The review date is past. */
    reviewOverdue: boolean;
  };
  funding: { kind: FundingKind; label: string | null; amount: number | null }[];
  /** Null until first saved. */
  updatedAt: string | null;
  updatedBy: { personId: string; name: string } | null;
  canEdit: boolean;
}

// ---------- regional view ----------

export interface RegionalQuery {
  /** The organisation whose view it is (default: the caller's first organisation; platform admins: every network). */
  organizationId?: string;
  departement?: string;
  type?: NetworkType;
  maturity?: NetworkMaturity;
}

export interface CountBy<K extends string = string> {
  key: K;
  label: string;
  count: number;
}

export interface RegionalNetworkLine {
  id: string;
  name: string;
  slug: string;
  type: NetworkType;
  maturity: NetworkMaturity;
  hostOrganization: { id: string; name: string };
  referentOrganization: { id: string; name: string } | null;
  members: number;
  activeMembers: number;
  departements: string[];
  epcis: string[];
  needs: NetworkNeed[];
  agreementType: AgreementType | null;
  fte: number | null;
  dormant: boolean;
  /** The network's territory centre (mean of its communes' or départements' centres); null when unplaced. */
  location: { lat: number; lng: number } | null;
}

export interface RegionalView {
  organization: { id: string; name: string; kind: string } | null;
  /** Organisations whose networks are in the view (the organisation and its territorial ones). */
  organizations: { id: string; name: string }[];
  /** True when the caller only reads its own organisation's networks (not staff of the regional one). */
  readOnly: boolean;
  asOf: string;
  totals: { networks: number; memberCompanies: number; activeMembers: number; fte: number; dormant: number };
  byType: CountBy<NetworkType>[];
  byMaturity: CountBy<NetworkMaturity>[];
  /** Distinct member companies per network type. */
  membersByType: CountBy<NetworkType>[];
  /** Animators' FTE (agreements) per organisation. */
  fteByOrganization: { organizationId: string; name: string; fte: number; networks: number }[];
  byDepartement: CountBy[];
  byEpci: CountBy[];
  needs: CountBy<NetworkNeed>[];
  networks: RegionalNetworkLine[];
}

// ---------- settings ----------

export interface SteeringSettings {
  organizationId: string;
  /** STEERING_DORMANT_DAYS_MIN..STEERING_DORMANT_DAYS_MAX. */
  dormantAfterDays: number;
  canEdit: boolean;
}
export interface SteeringSettingsInput {
  dormantAfterDays: number;
}

/** The 400 answer's details on these endpoints. */
export type SteeringValidationDetails = FieldError[];
