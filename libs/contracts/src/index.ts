// Plain TypeScript shared by the API and the web app: REST payloads, enums, error shape.
// No runtime dependencies: only types and constant lists.

import type { ForumActivity } from './forums';

export const API_PREFIX = '/api/v1';
export const CSRF_HEADER = 'x-csrf-token';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** Every error answered by the API. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown> | FieldError[];
  correlationId: string;
}
export interface FieldError {
  field: string;
  messages: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ---------- identity ----------
export type PlatformRole = 'admin' | 'user';

export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  platformRole: PlatformRole;
  emailVerified: boolean;
  /** Organisations where this person is staff. */
  staffOf: { organizationId: string; organizationName: string; role: StaffRole }[];
}

export interface SignupRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
}
export interface LoginRequest {
  email: string;
  password: string;
}
export interface TokenRequest {
  token: string;
}
export interface ForgotPasswordRequest {
  email: string;
}
export interface ResetPasswordRequest {
  token: string;
  password: string;
}
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
export interface MessageResponse {
  message: string;
}
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// ---------- people ----------
export interface PersonProfile {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  bio: string | null;
  skills: string[];
  languages: string[];
  photoUrl: string | null;
  isExpert: boolean;
  expertiseDomains: string[];
  areasServed: string[];
  companies: { id: string; name: string; role: CompanyRole }[];
}
export interface UpdateProfileRequest {
  firstName?: string;
  lastName?: string;
  jobTitle?: string | null;
  bio?: string | null;
  skills?: string[];
  languages?: string[];
  locale?: Locale;
  isExpert?: boolean;
  expertiseDomains?: string[];
  areasServed?: string[];
}

// ---------- organisations ----------
export type OrganizationKind = 'cci_regional' | 'cci_territorial' | 'federation' | 'association' | 'other';
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'cci_regional',
  'cci_territorial',
  'federation',
  'association',
  'other',
];
export type StaffRole = 'admin' | 'animator';
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'animator'];

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  communeCode: string | null;
  website: string | null;
  description: string | null;
  staffCount: number;
}
export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
  parentId?: string | null;
  communeCode?: string | null;
  website?: string | null;
  description?: string | null;
}
export interface StaffMember {
  personId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: StaffRole;
}
export interface AddStaffRequest {
  email: string;
  role: StaffRole;
}

// ---------- companies ----------
export type CompanyRole = 'owner' | 'admin' | 'member';
export const COMPANY_ROLES: readonly CompanyRole[] = ['owner', 'admin', 'member'];

export interface CommuneRef {
  code: string;
  name: string;
  postalCodes: string[];
  departement: { code: string; name: string };
  region: { code: string; name: string };
}
export interface NafRef {
  code: string;
  label: string;
}

export interface Company {
  id: string;
  siren: string;
  siret: string;
  legalName: string;
  tradeName: string | null;
  naf: NafRef | null;
  legalForm: { code: string; label: string } | null;
  headcountBand: { code: string; label: string } | null;
  address: {
    line1: string | null;
    line2: string | null;
    postalCode: string | null;
    commune: CommuneRef | null;
  };
  location: { lat: number; lng: number } | null;
  website: string | null;
  description: string | null;
  logoUrl: string | null;
  /** Set for people of the company only. */
  myRole: CompanyRole | null;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface CreateCompanyRequest {
  siret: string;
  legalName?: string;
}
export interface UpdateCompanyRequest {
  legalName?: string;
  tradeName?: string | null;
  nafCode?: string | null;
  legalFormCode?: string | null;
  headcountBandCode?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  postalCode?: string | null;
  communeCode?: string | null;
  website?: string | null;
  description?: string | null;
}
export interface CompanySummary {
  id: string;
  siret: string;
  name: string;
  nafCode: string | null;
  communeName: string | null;
  logoUrl: string | null;
  role?: CompanyRole;
}
export interface CompanyMember {
  personId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  role: CompanyRole;
  email?: string;
}
export interface CompanyInvitation {
  id: string;
  email: string;
  role: CompanyRole;
  createdAt: string;
  expiresAt: string;
}
export interface InviteColleagueRequest {
  email: string;
  role: CompanyRole;
}
export interface UpdateCompanyMemberRequest {
  role: CompanyRole;
}

// ---------- admin ----------
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  createdAt: string;
  sentAt: string | null;
}
export interface AdminUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  platformRole: PlatformRole;
  emailVerified: boolean;
  createdAt: string;
}
export interface UpdateUserRoleRequest {
  platformRole: PlatformRole;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  uptimeSeconds: number;
}

// ---------- directory and search ----------
export type SearchKind = 'company' | 'expert' | 'network' | 'opportunity' | 'event' | 'topic' | 'document';
export const SEARCH_KINDS: readonly SearchKind[] = ['company', 'expert', 'network', 'opportunity', 'event', 'topic', 'document'];
export type SearchSort = 'relevance' | 'name' | 'distance';
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'name', 'distance'];
export type SearchFacetName =
  | 'kind'
  | 'nafSection'
  | 'nafDivision'
  | 'departement'
  | 'region'
  | 'epci'
  | 'commune'
  | 'headcount'
  | 'network'
  | 'networkType'
  | 'maturity';
export const SEARCH_FACETS: readonly SearchFacetName[] = [
  'kind',
  'nafSection',
  'nafDivision',
  'departement',
  'region',
  'epci',
  'commune',
  'headcount',
  'network',
  'networkType',
  'maturity',
];

export interface SearchFacetValue {
  value: string;
  label: string;
  count: number;
}
export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Sanitised HTML: the text is escaped, only `<mark>` elements remain. */
  highlights: { title?: string; body?: string };
  /** Card data: for companies siret, nafCode, nafLabel, communeName, logoUrl…; for experts jobTitle, skills… */
  data: Record<string, unknown>;
  location: { lat: number; lng: number } | null;
  distanceKm: number | null;
}
export interface SearchResponse {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<SearchFacetName, SearchFacetValue[]>;
  /** Set when no document matched every word and the results match some of them. */
  relaxed: boolean;
}
export interface SearchSuggestGroup {
  kind: SearchKind;
  items: SearchHit[];
}
export interface SearchSuggestResponse {
  groups: SearchSuggestGroup[];
}
/** One placed result on the map. */
export interface SearchMapPoint {
  kind: SearchKind;
  id: string;
  title: string;
  lat: number;
  lng: number;
}
/** `GET /search/map`: every placed result of a search (same parameters), up to `limit`. */
export interface SearchMapResponse {
  points: SearchMapPoint[];
  /** Matching results, placed or not. */
  total: number;
  /** More placed results exist than `points` holds. */
  truncated: boolean;
}

/** The search index's health, for platform admins. */
export interface SearchIndexStatus {
  engine: 'postgres' | 'meilisearch';
  /** Outbox rows waiting to be pushed (including failing ones). */
  pending: number;
  /** Rows whose last push failed (retried with backoff). */
  failing: number;
  /** Age of the oldest waiting change: the index lag. */
  oldestSeconds: number | null;
}

export type OfferKind = 'offer' | 'need';
export const OFFER_KINDS: readonly OfferKind[] = ['offer', 'need'];
export interface CompanyOffer {
  id: string;
  companyId: string;
  kind: OfferKind;
  label: string;
  description: string | null;
  nafCodes: string[];
  skills: string[];
  territory: { communes: string[]; departements: string[]; regions: string[] };
  createdAt: string;
  updatedAt: string;
}
export interface CompanyOfferInput {
  kind: OfferKind;
  label: string;
  description?: string | null;
  nafCodes?: string[];
  skills?: string[];
  territory?: { communes?: string[]; departements?: string[]; regions?: string[] };
}
export interface CompanyMatch {
  company: CompanySummary & { communeCode: string | null; departementCode: string | null };
  score: number;
  /** Their offer or need that matches, and ours. */
  theirs: { id: string; label: string };
  ours: { id: string; label: string };
  reasons: { naf: string[]; skills: string[]; territory: boolean };
}
export interface CompanyMatches {
  /** Companies that need what this company offers. */
  needWhatYouOffer: CompanyMatch[];
  /** Companies offering what this company needs. */
  offerWhatYouNeed: CompanyMatch[];
}

// ---------- networks ----------
export type NetworkType =
  | 'business_club'
  | 'business_park_association'
  | 'cluster'
  | 'competitiveness_pole'
  | 'technology_cluster'
  | 'competence_pole'
  | 'virtual_network'
  | 'employers_group'
  | 'export_group'
  | 'purchasing_group';
export const NETWORK_TYPES: readonly NetworkType[] = [
  'business_club',
  'business_park_association',
  'cluster',
  'competitiveness_pole',
  'technology_cluster',
  'competence_pole',
  'virtual_network',
  'employers_group',
  'export_group',
  'purchasing_group',
];
export type NetworkVisibility = 'public' | 'private' | 'secret';
export const NETWORK_VISIBILITIES: readonly NetworkVisibility[] = ['public', 'private', 'secret'];
export type NetworkJoinPolicy = 'open' | 'approval' | 'invitation';
export const NETWORK_JOIN_POLICIES: readonly NetworkJoinPolicy[] = ['open', 'approval', 'invitation'];
export type NetworkMaturity = 'emergence' | 'creation' | 'development' | 'autonomy';
export const NETWORK_MATURITIES: readonly NetworkMaturity[] = ['emergence', 'creation', 'development', 'autonomy'];
export type MembershipRole = 'member' | 'moderator' | 'animator';
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['member', 'moderator', 'animator'];
export type MembershipStatus = 'invited' | 'pending' | 'active' | 'rejected' | 'left' | 'banned';
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['invited', 'pending', 'active', 'rejected', 'left', 'banned'];

export interface NetworkTerritory {
  communes: string[];
  epcis: string[];
  departements: string[];
  regions: string[];
}

export interface NetworkInput {
  name: string;
  slug?: string;
  type: NetworkType;
  visibility: NetworkVisibility;
  joinPolicy: NetworkJoinPolicy;
  description?: string | null;
  charter?: string | null;
  territory?: Partial<NetworkTerritory>;
  sectors?: string[];
  themes?: string[];
  maturity: NetworkMaturity;
  hostOrganizationId: string;
  referentOrganizationId?: string | null;
}

export interface Network {
  id: string;
  name: string;
  slug: string;
  type: NetworkType;
  visibility: NetworkVisibility;
  joinPolicy: NetworkJoinPolicy;
  description: string | null;
  /** The charter's Markdown source (for editing). */
  charter: string | null;
  /** The charter rendered to sanitised HTML (for display). */
  charterHtml: string | null;
  logoUrl: string | null;
  territory: NetworkTerritory;
  sectors: string[];
  themes: string[];
  maturity: NetworkMaturity;
  hostOrganizationId: string;
  referentOrganizationId: string | null;
  parentIds: string[];
  /** Null when the caller may not see the members. */
  memberCount: number | null;
  canManage: boolean;
  /** The caller's companies' memberships in this network. */
  myMemberships: { companyId: string; role: MembershipRole; status: MembershipStatus }[];
  createdAt: string;
  updatedAt: string;
}

export interface NetworkMember {
  companyId: string;
  legalName: string;
  tradeName: string | null;
  nafCode: string | null;
  communeCode: string | null;
  role: MembershipRole;
  status: MembershipStatus;
  /** Only shown to the network's managers. */
  message: string | null;
  since: string;
}

export interface MembershipEventView {
  id: string;
  companyId: string;
  actorId: string | null;
  action: string;
  fromStatus: MembershipStatus | null;
  toStatus: MembershipStatus | null;
  fromRole: MembershipRole | null;
  toRole: MembershipRole | null;
  createdAt: string;
}

// Network invitations: by e-mail (one address, one use) or by a shareable link.
export type NetworkInvitationKind = 'email' | 'link';
export interface NetworkEmailInvitationRequest {
  email: string;
}
export interface NetworkInvitationLinkRequest {
  /** ISO date-time in the future; absent or null: the link does not expire. */
  expiresAt?: string | null;
  /** Absent or null: unlimited. */
  maxUses?: number | null;
}
export interface NetworkInvitation {
  id: string;
  kind: NetworkInvitationKind;
  /** E-mail invitations only. */
  email: string | null;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  createdById: string | null;
  createdAt: string;
  /** Only in the answer that creates it: the address to share (the token is stored hashed, it cannot be shown again). */
  url?: string;
}
/** What a token holder sees before accepting. */
export interface NetworkInvitationPreview {
  kind: NetworkInvitationKind;
  expiresAt: string | null;
  network: { id: string; name: string; slug: string; logoUrl: string | null; visibility: NetworkVisibility };
  /** E-mail invitations: whether the signed-in person is the invited address (null when anonymous or for links). */
  forYou: boolean | null;
  /** The companies the signed-in person acts for (owner, admin), with their current status in the network. */
  companies: { companyId: string; name: string; status: MembershipStatus | null }[];
}
export interface AcceptNetworkInvitationRequest {
  token: string;
  companyId: string;
}

/** A child network of a federation with its activity; figures are null when the caller may not see the members. */
export interface NetworkActivity {
  memberCount: number | null;
  /** Companies that became active members in the last 90 days. */
  newMembers90d: number | null;
  forum: ForumActivity | null;
}
export interface NetworkChild {
  network: Network;
  activity: NetworkActivity;
}

export * from './realtime';
export * from './moderation';
export * from './forums';
export * from './messaging';
export * from './administration';
export * from './notifications';
export * from './agenda';
export * from './documents';
