import type {
  AcceptConsentsRequest,
  ConsentStatus,
  LegalDocument,
  LegalDocumentKind,
  PublishLegalDocumentRequest,
} from '@maillage/contracts';
import { api } from './api';

/** Legal texts and consents: read by the sign-up form, the consent gate and the legal pages (several features). */
export const legalKeys = {
  versions: ['legal', 'versions'] as const,
  document: (kind: LegalDocumentKind) => ['legal', kind] as const,
};

export const legalApi = {
  versions: () => api.get<{ kind: LegalDocumentKind; version: number }[]>('/legal'),
  document: (kind: LegalDocumentKind) => api.get<LegalDocument>(`/legal/${kind}`),
  publish: (kind: LegalDocumentKind, body: PublishLegalDocumentRequest) => api.put<LegalDocument>(`/legal/${kind}`, body),
  accept: (body: AcceptConsentsRequest) => api.post<ConsentStatus>('/privacy/consents', body),
};

/** The versions to send back with a consent: 0 when nothing is published (nothing to accept yet). */
export function versionsOf(list: { kind: LegalDocumentKind; version: number }[] | undefined): AcceptConsentsRequest {
  return { terms: list?.find((v) => v.kind === 'terms')?.version ?? 0, privacy: list?.find((v) => v.kind === 'privacy')?.version ?? 0 };
}
