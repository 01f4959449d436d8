// Networks: their settings, members, invitations and federations (apps/api/src/modules/networks).
import type { ForumActivity } from './forums';
import type { TitleForm } from './people';

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
  /** Shown across the top of the network's page (null: the page draws a default from the network's type). */
  coverUrl: string | null;
  territory: NetworkTerritory;
  sectors: string[];
  themes: string[];
  maturity: NetworkMaturity;
  hostOrganizationId: string;
  referentOrganizationId: string | null;
  /** The federations this network belongs to (accepted links only). */
  parentIds: string[];
  /** The network's own requests to join federations, still pending or refused (for its managers only; empty otherwise). */
  parentRequests: FederationParentRequest[];
  /** Null when the caller may not see the members. */
  memberCount: number | null;
  canManage: boolean;
  /** The caller's companies' memberships in this network. */
  myMemberships: { companyId: string; role: MembershipRole; status: MembershipStatus }[];
  createdAt: string;
  updatedAt: string;
}

/** A link between a network and a parent federation: a request until the parent's managers decide. */
export type FederationLinkStatus = 'pending' | 'accepted' | 'refused';
export const FEDERATION_LINK_STATUSES: readonly FederationLinkStatus[] = ['pending', 'accepted', 'refused'];

/** A network's request to join a federation, as its own managers see it. */
export interface FederationParentRequest {
  parentId: string;
  parentName: string;
  status: Exclude<FederationLinkStatus, 'accepted'>;
  requestedAt: string;
}

/** A request to join a federation, as the federation's managers see it (`GET /networks/:id/federation-requests`). */
export interface FederationChildRequest {
  network: { id: string; name: string; slug: string; logoUrl: string | null; visibility: NetworkVisibility; type: NetworkType };
  requestedAt: string;
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

/** A person of a network: someone of an active member company, or of the host organisation's staff. */
export interface NetworkPerson {
  personId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  titleForm: TitleForm | null;
  photoUrl: string | null;
  /** `staff`: the host organisation's staff (the network's animators on the CCI side). */
  role: MembershipRole | 'staff';
  /** The member company (null for the host's staff). */
  company: { id: string; name: string } | null;
  /** The host organisation's name, for its staff. */
  organization: string | null;
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
