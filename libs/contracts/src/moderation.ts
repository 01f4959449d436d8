// Moderation: reports, the per-network queue, warnings and the audit log (shared by the API and the web app).

/** What can be reported; extended when messages, events… become reportable. */
export type ReportTargetKind = 'forum_post' | 'opportunity';
export const REPORT_TARGET_KINDS: readonly ReportTargetKind[] = ['forum_post', 'opportunity'];

export type ReportReason = 'spam' | 'abuse' | 'off_topic' | 'illegal' | 'personal_data' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'abuse', 'off_topic', 'illegal', 'personal_data', 'other'];

export type ReportStatus = 'open' | 'resolved' | 'dismissed';
export const REPORT_STATUSES: readonly ReportStatus[] = ['open', 'resolved', 'dismissed'];

/** Every action written to the audit log: a closed list, so that each one has a label in every language. */
export const MODERATION_ACTION_KINDS = [
  'hide',
  'restore',
  'dismiss',
  'warn',
  'ban',
  'unban',
  'delete',
  'delete_topic',
  'pin',
  'unpin',
  'lock',
  'unlock',
  'solve',
  'unsolve',
  'move',
  'share',
  'unshare',
] as const;
export type ModerationActionKind = (typeof MODERATION_ACTION_KINDS)[number];

/** What an audit-log entry is about. */
export const MODERATION_TARGET_KINDS = ['forum_post', 'forum_topic', 'opportunity', 'company', 'person'] as const;
export type ModerationTargetKind = (typeof MODERATION_TARGET_KINDS)[number];

export const REPORT_COMMENT_MAX_LENGTH = 2000;
export const MODERATION_REASON_MAX_LENGTH = 2000;

/** POST /moderation/reports */
export interface CreateReportRequest {
  targetKind: ReportTargetKind;
  targetId: string;
  reason: ReportReason;
  /** Free text, up to REPORT_COMMENT_MAX_LENGTH characters. */
  comment?: string;
}

/** A report as its author sees it (answer of POST /moderation/reports). */
export interface ModerationReport {
  id: string;
  targetKind: ReportTargetKind;
  targetId: string;
  networkId: string;
  reason: ReportReason;
  comment: string | null;
  status: ReportStatus;
  createdAt: string;
}

/** One report inside a queue item (moderators only). */
export interface ModerationQueueReport {
  id: string;
  reporterPersonId: string | null;
  reporterName: string | null;
  reason: ReportReason;
  comment: string | null;
  createdAt: string;
}

/** GET /networks/:id/moderation/queue: open reports grouped by target, most reported first. */
export interface ModerationQueueItem {
  targetKind: ReportTargetKind;
  targetId: string;
  networkId: string;
  /** A short plain-text excerpt of the reported content; null when it no longer exists. */
  excerpt: string | null;
  /** Where the content lives in the web app; null when it no longer exists. */
  url: string | null;
  hidden: boolean;
  authorPersonId: string | null;
  reportCount: number;
  reasons: ReportReason[];
  firstReportedAt: string;
  lastReportedAt: string;
  reports: ModerationQueueReport[];
}

/** POST /moderation/reports/:id/{hide,dismiss,restore}: an optional note kept in the audit log. */
export interface ModerationDecisionRequest {
  note?: string;
}

/** POST /networks/:id/moderation/warnings */
export interface WarnMemberRequest {
  companyId: string;
  /** Warn one person of the company; without it, the warning goes to all its people. */
  personId?: string;
  reason: string;
}

/** GET /networks/:id/moderation/log: one audit-log entry (newest first). */
export interface ModerationLogEntry {
  id: string;
  networkId: string;
  actorPersonId: string | null;
  actorName: string | null;
  action: ModerationActionKind;
  targetKind: ModerationTargetKind;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}
