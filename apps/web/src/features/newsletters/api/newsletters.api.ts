import type {
  Newsletter,
  NewsletterBlockSuggestion,
  NewsletterDraftRequest,
  NewsletterNetworkRef,
  NewsletterPlatformKind,
  NewsletterPreview,
  NewsletterSummary,
  NewsletterUnsubscribePreview,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export const newsletterKeys = {
  all: ['newsletters'] as const,
  network: (networkId: string) => ['newsletters', 'network', networkId] as const,
  one: (id: string) => ['newsletters', 'one', id] as const,
  archive: (id: string) => ['newsletters', 'archive', id] as const,
  writable: ['newsletters', 'writable'] as const,
  unsubscribe: (token: string) => ['newsletters', 'unsubscribe', token] as const,
};

const id = encodeURIComponent;

export const newslettersApi = {
  writable: () => api.get<NewsletterNetworkRef[]>('/newsletters/networks'),
  ofNetwork: (networkId: string) => api.get<NewsletterSummary[]>(`/networks/${id(networkId)}/newsletters`),
  get: (newsletterId: string) => api.get<Newsletter>(`/newsletters/${id(newsletterId)}`),
  archive: (newsletterId: string) => api.get<{ html: string }>(`/newsletters/${id(newsletterId)}/archive`),
  create: (body: NewsletterDraftRequest) => api.post<Newsletter>('/newsletters', body),
  update: (newsletterId: string, body: NewsletterDraftRequest) => api.put<Newsletter>(`/newsletters/${id(newsletterId)}`, body),
  remove: (newsletterId: string) => api.delete(`/newsletters/${id(newsletterId)}`),
  preview: (newsletterId: string) => api.post<NewsletterPreview>(`/newsletters/${id(newsletterId)}/preview`),
  sendTest: (newsletterId: string) => api.post(`/newsletters/${id(newsletterId)}/test`),
  send: (newsletterId: string, scheduledAt: string | null) =>
    api.post<Newsletter>(`/newsletters/${id(newsletterId)}/send`, scheduledAt ? { scheduledAt } : {}),
  unschedule: (newsletterId: string) => api.post<Newsletter>(`/newsletters/${id(newsletterId)}/unschedule`),
  suggest: (kind: NewsletterPlatformKind, networkIds: string[]) =>
    api.post<NewsletterBlockSuggestion>('/newsletters/suggestions', { kind, networkIds }),
  unsubscribePreview: (token: string) => api.get<NewsletterUnsubscribePreview[]>('/newsletters/unsubscribe', { token }),
  unsubscribe: (token: string) => api.post<NewsletterUnsubscribePreview[]>(`/newsletters/unsubscribe?token=${id(token)}`),
};

/** The web app's path of a newsletter (its composer while a draft, its archive once sent). */
export const newsletterPath = (newsletterId: string) => `/lettres/${newsletterId}`;
export const newNewsletterPath = (networkId: string) => `/lettres/nouvelle?reseau=${encodeURIComponent(networkId)}`;
