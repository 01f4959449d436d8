import type {
  Company,
  CompanyClaim,
  CompanyOffer,
  CompanyOfferInput,
  CompanyInvitation,
  CompanyMember,
  CompanyRole,
  CompanySummary,
  CreateCompanyRequest,
  InviteColleagueRequest,
  UpdateCompanyRequest,
} from '@maillage/contracts';
import { api } from '../../../lib/api';
import { MY_COMPANIES_KEY } from '../../../lib/my-companies';

export const companyKeys = {
  all: ['companies'] as const,
  mine: MY_COMPANIES_KEY,
  detail: (id: string) => ['companies', id] as const,
  members: (id: string) => ['companies', id, 'members'] as const,
  invitations: (id: string) => ['companies', id, 'invitations'] as const,
  claims: (id: string) => ['companies', id, 'claims'] as const,
  offers: (id: string) => ['companies', id, 'offers'] as const,
};

const base = (id: string) => `/companies/${encodeURIComponent(id)}`;

export const companiesApi = {
  get: (id: string) => api.get<Company>(base(id)),
  create: (body: CreateCompanyRequest) => api.post<Company>('/companies', body),
  update: (id: string, body: UpdateCompanyRequest) => api.patch<Company>(base(id), body),
  uploadLogo: (id: string, file: File) => api.upload<Company>(`${base(id)}/logo`, file),
  removeLogo: (id: string) => api.delete<Company>(`${base(id)}/logo`),
  uploadCover: (id: string, file: File) => api.upload<Company>(`${base(id)}/cover`, file, 'PUT'),
  removeCover: (id: string) => api.delete<Company>(`${base(id)}/cover`),
  members: (id: string) => api.get<CompanyMember[]>(`${base(id)}/members`),
  updateMember: (id: string, personId: string, role: CompanyRole) =>
    api.patch<CompanyMember[]>(`${base(id)}/members/${encodeURIComponent(personId)}`, { role }),
  removeMember: (id: string, personId: string) => api.delete(`${base(id)}/members/${encodeURIComponent(personId)}`),
  invitations: (id: string) => api.get<CompanyInvitation[]>(`${base(id)}/invitations`),
  invite: (id: string, body: InviteColleagueRequest) => api.post<CompanyInvitation>(`${base(id)}/invitations`, body),
  revokeInvitation: (id: string, invitationId: string) => api.delete(`${base(id)}/invitations/${encodeURIComponent(invitationId)}`),
  offers: (id: string) => api.get<CompanyOffer[]>(`${base(id)}/offers`),
  createOffer: (id: string, body: CompanyOfferInput) => api.post<CompanyOffer>(`${base(id)}/offers`, body),
  updateOffer: (id: string, offerId: string, body: CompanyOfferInput) =>
    api.put<CompanyOffer>(`${base(id)}/offers/${encodeURIComponent(offerId)}`, body),
  deleteOffer: (id: string, offerId: string) => api.delete(`${base(id)}/offers/${encodeURIComponent(offerId)}`),
  claim: (id: string, message: string | null) => api.post<CompanyClaim>(`${base(id)}/claims`, { message }),
  claims: (id: string) => api.get<CompanyClaim[]>(`${base(id)}/claims`),
  decideClaim: (id: string, claimId: string, decision: 'accept' | 'refuse') =>
    api.post<CompanyClaim>(`${base(id)}/claims/${encodeURIComponent(claimId)}/${decision}`),
  acceptInvitation: (token: string) => api.post<CompanySummary>('/companies/invitations/accept', { token }),
};
