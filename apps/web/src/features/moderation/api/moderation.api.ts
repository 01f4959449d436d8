import type { ModerationDecisionRequest, ModerationLogEntry, ModerationQueueItem, Page, WarnMemberRequest } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const MODERATION_PAGE_SIZE = 20;

/** What a moderator decides on the reports of one target. */
export type ReportDecision = 'hide' | 'dismiss' | 'restore';

export const moderationKeys = {
  all: (networkId: string) => ['moderation', networkId] as const,
  queue: (networkId: string, page: number) => ['moderation', networkId, 'queue', page] as const,
  log: (networkId: string, page: number) => ['moderation', networkId, 'log', page] as const,
};

const network = (networkId: string) => `/networks/${encodeURIComponent(networkId)}/moderation`;

export const moderationApi = {
  queue: (networkId: string, page: number) =>
    api.get<Page<ModerationQueueItem>>(`${network(networkId)}/queue`, { page, pageSize: MODERATION_PAGE_SIZE }),
  decide: (reportId: string, decision: ReportDecision, body: ModerationDecisionRequest = {}) =>
    api.post<ModerationLogEntry>(`/moderation/reports/${encodeURIComponent(reportId)}/${decision}`, body),
  warn: (networkId: string, body: WarnMemberRequest) => api.post(`${network(networkId)}/warnings`, body),
  log: (networkId: string, page: number) =>
    api.get<Page<ModerationLogEntry>>(`${network(networkId)}/log`, { page, pageSize: MODERATION_PAGE_SIZE }),
};
