import type {
  CloseOpportunityRequest,
  CreateOpportunityRequest,
  Opportunity,
  OpportunityActingCompany,
  OpportunityAttachment,
  OpportunityCompanyRef,
  OpportunityDigestSettings,
  OpportunityDigestUnsubscribe,
  OpportunityGroup,
  OpportunityGroupStatus,
  OpportunityInput,
  OpportunityMatch,
  OpportunityPage,
  OpportunityResponse,
  OpportunityResponseStatus,
  OpportunityStatus,
  OpportunitySuggestion,
  OpportunitySupporterCandidate,
  OpportunityType,
  SearchResponse,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export interface OpportunityListQuery {
  q?: string;
  type?: OpportunityType;
  status?: OpportunityStatus;
  companyId?: string;
  page?: number;
  pageSize?: number;
}

export const opportunityKeys = {
  digest: ['opportunities', 'digest'] as const,
  digestUnsubscribe: (token: string) => ['opportunities', 'digest', 'unsubscribe', token] as const,
  all: ['opportunities'] as const,
  list: (query: OpportunityListQuery) => ['opportunities', 'list', query] as const,
  one: (id: string) => ['opportunities', 'one', id] as const,
  matches: (id: string) => ['opportunities', 'one', id, 'matches'] as const,
  responses: (id: string) => ['opportunities', 'one', id, 'responses'] as const,
  myCompanies: ['opportunities', 'my-companies'] as const,
  group: (id: string) => ['opportunities', 'one', id, 'group'] as const,
  supporterCandidates: (id: string) => ['opportunities', 'one', id, 'group', 'supporter-candidates'] as const,
  suggested: (companyId: string) => ['opportunities', 'suggested', companyId] as const,
};

const id = encodeURIComponent;
const one = (opportunityId: string) => `/opportunities/${id(opportunityId)}`;

export const opportunitiesApi = {
  list: (query: OpportunityListQuery, signal?: AbortSignal) => api.get<OpportunityPage>('/opportunities', { ...query }, signal),
  get: (opportunityId: string) => api.get<Opportunity>(one(opportunityId)),
  create: (body: CreateOpportunityRequest) => api.post<Opportunity>('/opportunities', body),
  update: (opportunityId: string, body: OpportunityInput) => api.put<Opportunity>(one(opportunityId), body),
  publish: (opportunityId: string) => api.post<Opportunity>(`${one(opportunityId)}/publish`),
  close: (opportunityId: string, body: CloseOpportunityRequest) => api.post<Opportunity>(`${one(opportunityId)}/close`, body),
  cancel: (opportunityId: string) => api.post<Opportunity>(`${one(opportunityId)}/cancel`),
  digest: () => api.get<OpportunityDigestSettings>('/opportunities/digest'),
  setDigest: (weekly: boolean) => api.put<OpportunityDigestSettings>('/opportunities/digest', { weekly }),
  digestUnsubscribePreview: (token: string) => api.get<OpportunityDigestUnsubscribe>('/opportunities/digest/unsubscribe', { token }),
  digestUnsubscribe: (token: string) => api.post<OpportunityDigestUnsubscribe>(`/opportunities/digest/unsubscribe?token=${id(token)}`),
  addGroupDocument: (opportunityId: string, file: File) => api.upload<OpportunityGroup>(`${one(opportunityId)}/group/documents`, file),
  upload: (opportunityId: string, file: File) => api.upload<OpportunityAttachment>(`${one(opportunityId)}/attachments`, file),
  uploadResponseAttachment: (opportunityId: string, responseId: string, file: File) =>
    api.upload<OpportunityAttachment>(`${one(opportunityId)}/responses/${id(responseId)}/attachments`, file),
  matches: (opportunityId: string) => api.get<OpportunityMatch[]>(`${one(opportunityId)}/matches`),
  responses: (opportunityId: string) => api.get<OpportunityResponse[]>(`${one(opportunityId)}/responses`),
  respond: (opportunityId: string, companyId: string, message: string) =>
    api.post<OpportunityResponse>(`${one(opportunityId)}/responses`, { companyId, message }),
  openThread: (opportunityId: string, responseId: string) =>
    api.post<OpportunityResponse>(`${one(opportunityId)}/responses/${id(responseId)}/thread`, {}),
  setResponseStatus: (opportunityId: string, responseId: string, status: OpportunityResponseStatus) =>
    api.put<OpportunityResponse>(`${one(opportunityId)}/responses/${id(responseId)}`, { status }),
  group: (opportunityId: string) => api.get<OpportunityGroup>(`${one(opportunityId)}/group`),
  formGroup: (opportunityId: string, companyIds: string[]) => api.post<OpportunityGroup>(`${one(opportunityId)}/group`, { companyIds }),
  acceptGroup: (opportunityId: string, companyId: string) =>
    api.post<OpportunityGroup>(`${one(opportunityId)}/group/accept`, { companyId }),
  postInGroup: (opportunityId: string, body: string) => api.post<OpportunityGroup>(`${one(opportunityId)}/group/messages`, { body }),
  setGroupStatus: (opportunityId: string, status: OpportunityGroupStatus) =>
    api.put<OpportunityGroup>(`${one(opportunityId)}/group`, { status }),
  supporterCandidates: (opportunityId: string) =>
    api.get<OpportunitySupporterCandidate[]>(`${one(opportunityId)}/group/supporter-candidates`),
  designateSupporter: (opportunityId: string, personId: string) =>
    api.put<OpportunityGroup>(`${one(opportunityId)}/group/supporter`, { personId }),
  removeSupporter: (opportunityId: string) => api.delete(`${one(opportunityId)}/group/supporter`),
  invitableCompanies: (opportunityId: string, q: string, signal?: AbortSignal) =>
    api.get<OpportunityCompanyRef[]>(`${one(opportunityId)}/group/invitable`, { q }, signal),
  inviteToGroup: (opportunityId: string, companyIds: string[]) =>
    api.post<OpportunityGroup>(`${one(opportunityId)}/group/invitations`, { companyIds }),
  myCompanies: () => api.get<OpportunityActingCompany[]>('/opportunities/my-companies'),
  suggested: (companyId: string) => api.get<OpportunitySuggestion[]>(`/companies/${id(companyId)}/opportunities/suggested`),
  searchCompanies: (q: string, signal?: AbortSignal) => api.get<SearchResponse>('/search', { q, kind: 'company', pageSize: 8 }, signal),
};
