// Platform administration: SIRENE imports uploaded from the web app, the search index's health.
import type { SearchIndexStatus, SearchKind } from './directory';
import type { PlatformRole } from './identity';

export type DirectoryImportStatus = 'queued' | 'running' | 'done' | 'failed';
export const DIRECTORY_IMPORT_STATUSES: readonly DirectoryImportStatus[] = ['queued', 'running', 'done', 'failed'];

/** A rejected line of an imported file (1-based line number in the file, the header being line 1). */
export interface DirectoryImportRejection {
  line: number;
  reason: string;
}

/** One upload of an INSEE StockEtablissement file and its progress (as in the history list). */
export interface DirectoryImportSummary {
  id: string;
  status: DirectoryImportStatus;
  fileName: string;
  bytesTotal: number;
  bytesRead: number;
  /** Data lines read (the header excluded). */
  linesRead: number;
  /** Active establishments accepted (a SIRET repeated in the file counts each time). */
  imported: number;
  /** Companies created and updated by those lines. */
  created: number;
  updated: number;
  /** Closed establishments, left out. */
  skippedClosed: number;
  rejectedCount: number;
  /** Why the whole import failed ('interrupted' after a restart, a missing column…). */
  error: string | null;
  startedBy: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DirectoryImport extends DirectoryImportSummary {
  /** The first rejected lines (at most `rejectedKept`); `rejectedCount` is always exact. */
  rejected: DirectoryImportRejection[];
  rejectedKept: number;
}

export interface DirectoryImportPage {
  items: DirectoryImportSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** The largest file the server accepts. */
  maxUploadBytes: number;
}

export interface ReindexRequest {
  /** Only these kinds (default: every kind, the index being emptied first). */
  kinds?: SearchKind[];
}

export type ReindexStatus = 'running' | 'done' | 'failed';

/** The last full rebuild of the search index started from the administration (in this API process). */
export interface ReindexRun {
  status: ReindexStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Documents indexed so far, per kind. */
  done: Partial<Record<SearchKind, number>>;
  error: string | null;
}

/** A change the relay could not push yet. */
export interface SearchOutboxError {
  kind: SearchKind;
  entityId: string;
  attempts: number;
  error: string;
  /** When it is retried next. */
  dueAt: string;
}

export interface AdminSearchStatus extends SearchIndexStatus {
  /** Documents in the index, per kind. */
  documents: Partial<Record<SearchKind, number>>;
  lastErrors: SearchOutboxError[];
  reindex: ReindexRun | null;
}

// Platform admins: the outbox of e-mails and the accounts.
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
  suspended?: boolean;
}
export interface UpdateUserRoleRequest {
  platformRole: PlatformRole;
}
