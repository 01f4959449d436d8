import {
  API_PREFIX,
  type FederationChildRequest,
  type MembershipEventView,
  type MembershipRole,
  type Network,
  type NetworkChild,
  type NetworkInvitation,
  type NetworkInvitationLinkRequest,
  type NetworkInvitationPreview,
  type NetworkInput,
  type NetworkMaturity,
  type NetworkMember,
  NetworkPerson,
  type NetworkType,
  type Page,
  type SearchResponse,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

/** The directory's query (GET /networks). */
export interface NetworkListQuery {
  q?: string;
  type?: NetworkType;
  maturity?: NetworkMaturity;
  departement?: string;
  region?: string;
  page: number;
  pageSize: number;
}

/** A company of the directory, as the invitation picker offers it. */
export interface DirectoryCompany {
  id: string;
  name: string;
  place: string | null;
}

/** Companies of the directory matching a name (the public search, companies only). */
export async function searchDirectoryCompanies(q: string, signal?: AbortSignal): Promise<DirectoryCompany[]> {
  const found = await api.get<SearchResponse>('/search', { q, kind: 'company', pageSize: 10 }, signal);
  return found.items.map((hit) => {
    const commune = typeof hit.data.communeName === 'string' ? hit.data.communeName : null;
    const departement = typeof hit.data.departementCode === 'string' ? hit.data.departementCode : null;
    return { id: hit.id, name: hit.title, place: commune ? `${commune}${departement ? ` (${departement})` : ''}` : null };
  });
}

/** The decisions a network's managers take on a membership. */
export type MembershipDecision = 'approve' | 'reject' | 'ban' | 'unban';

export const networkKeys = {
  all: ['networks'] as const,
  list: (query: NetworkListQuery) => ['networks', 'list', query] as const,
  detail: (id: string) => ['networks', id] as const,
  members: (id: string) => ['networks', id, 'members'] as const,
  people: (id: string, q: string) => ['networks', id, 'people', q] as const,
  history: (id: string) => ['networks', id, 'history'] as const,
  children: (id: string) => ['networks', id, 'children'] as const,
  invitations: (id: string) => ['networks', id, 'invitations'] as const,
  federationRequests: (id: string) => ['networks', id, 'federation-requests'] as const,
};

const base = (id: string) => `/networks/${encodeURIComponent(id)}`;
const member = (id: string, companyId: string) => `${base(id)}/members/${encodeURIComponent(companyId)}`;

export const networksApi = {
  list: (query: NetworkListQuery, signal?: AbortSignal) => api.get<Page<Network>>('/networks', { ...query }, signal),
  get: (id: string) => api.get<Network>(base(id)),
  getBySlug: (slug: string) => api.get<Network>(`/networks/by-slug/${encodeURIComponent(slug)}`),
  create: (body: NetworkInput) => api.post<Network>('/networks', body),
  update: (id: string, body: NetworkInput) => api.put<Network>(base(id), body),
  setParents: (id: string, parentIds: string[]) => api.put<Network>(`${base(id)}/parents`, { parentIds }),
  uploadLogo: (id: string, file: File) => api.upload<Network>(`${base(id)}/logo`, file, 'PUT'),
  removeLogo: (id: string) => api.delete<Network>(`${base(id)}/logo`),
  uploadCover: (id: string, file: File) => api.upload<Network>(`${base(id)}/cover`, file, 'PUT'),
  removeCover: (id: string) => api.delete<Network>(`${base(id)}/cover`),
  children: (id: string) => api.get<NetworkChild[]>(`${base(id)}/children`),
  /** The networks asking to join this federation (its managers), and their decisions. */
  federationRequests: (id: string) => api.get<FederationChildRequest[]>(`${base(id)}/federation-requests`),
  decideFederationRequest: (id: string, childId: string, decision: 'accept' | 'refuse') =>
    api.post<FederationChildRequest[]>(`${base(id)}/federation-requests/${encodeURIComponent(childId)}/${decision}`),
  removeChild: (id: string, childId: string) => api.delete(`${base(id)}/children/${encodeURIComponent(childId)}`),
  /** The managers' CSV export, downloaded by the browser (a plain link). */
  membersCsvUrl: (id: string) => `${API_PREFIX}${base(id)}/members.csv`,
  members: (id: string) => api.get<NetworkMember[]>(`${base(id)}/members`),
  people: (id: string, q: string, signal?: AbortSignal) => api.get<NetworkPerson[]>(`${base(id)}/people`, { q }, signal),
  history: (id: string) => api.get<MembershipEventView[]>(`${base(id)}/history`),
  join: (id: string, companyId: string, message?: string | null) => api.post<NetworkMember>(`${base(id)}/join`, { companyId, message }),
  invite: (id: string, companyId: string) => api.post<NetworkMember>(`${base(id)}/invitations`, { companyId }),
  decide: (id: string, companyId: string, decision: MembershipDecision) => api.post<NetworkMember>(`${member(id, companyId)}/${decision}`),
  changeRole: (id: string, companyId: string, role: MembershipRole) => api.put<NetworkMember>(`${member(id, companyId)}/role`, { role }),
  invitations: (id: string) => api.get<NetworkInvitation[]>(`${base(id)}/invitations`),
  inviteByEmail: (id: string, email: string) => api.post<NetworkInvitation>(`${base(id)}/invitations/email`, { email }),
  createLink: (id: string, body: NetworkInvitationLinkRequest) => api.post<NetworkInvitation>(`${base(id)}/invitations/link`, body),
  revokeInvitation: (id: string, invitationId: string) => api.delete(`${base(id)}/invitations/${encodeURIComponent(invitationId)}`),
  previewInvitation: (token: string) => api.post<NetworkInvitationPreview>('/networks/invitations/preview', { token }),
  acceptInvitation: (token: string, companyId: string) => api.post<Network>('/networks/invitations/accept', { token, companyId }),
  /** The company leaves (its owners and admins) or is removed (the managers). */
  remove: (id: string, companyId: string) => api.delete(member(id, companyId)),
};
