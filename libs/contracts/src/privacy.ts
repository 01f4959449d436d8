// Privacy: visibility settings, legal documents and consents, data exports, erasure, retention
// (apps/api/src/modules/privacy).

/** Who sees a person's profile: members of their networks, signed-in people, or everyone (listed experts). */
export type ProfileVisibility = 'networks' | 'signed_in' | 'everyone';
export const PROFILE_VISIBILITIES: readonly ProfileVisibility[] = ['networks', 'signed_in', 'everyone'];
/** Who sees a person's e-mail or phone. */
export type ContactVisibility = 'nobody' | 'networks' | 'signed_in';
export const CONTACT_VISIBILITIES: readonly ContactVisibility[] = ['nobody', 'networks', 'signed_in'];
export interface PrivacySettings {
  profileVisibility: ProfileVisibility;
  emailVisibility: ContactVisibility;
  phoneVisibility: ContactVisibility;
  /** Found in contact search: messaging contacts, mentions, the expert directory. */
  inContactsSearch: boolean;
  /** Listed among the people of public networks. */
  inPublicMemberLists: boolean;
}
export type UpdatePrivacySettingsRequest = Partial<PrivacySettings>;

export type LegalDocumentKind = 'terms' | 'privacy';
export const LEGAL_DOCUMENT_KINDS: readonly LegalDocumentKind[] = ['terms', 'privacy'];
export interface LegalDocument {
  kind: LegalDocumentKind;
  version: number;
  /** Markdown. */
  body: string;
  /** Sanitised HTML rendered from the Markdown. */
  html: string;
  publishedAt: string;
}
export interface PublishLegalDocumentRequest {
  body: string;
}
export interface ConsentRecord {
  kind: LegalDocumentKind;
  version: number;
  acceptedAt: string;
}
export interface ConsentStatus {
  /** The current versions, with whether the person accepted them. */
  current: { kind: LegalDocumentKind; version: number; accepted: boolean }[];
  history: ConsentRecord[];
}
export interface AcceptConsentsRequest {
  terms: number;
  privacy: number;
}

export type DataExportStatus = 'pending' | 'running' | 'ready' | 'failed' | 'expired';
export interface DataExportView {
  id: string;
  status: DataExportStatus;
  /** 0–100. */
  progress: number;
  createdAt: string;
  expiresAt: string | null;
  /** A link valid until expiresAt, for the person it was made for only. */
  downloadUrl: string | null;
}
export interface DeleteAccountRequest {
  password: string;
  /** Delete my forum posts rather than leave them signed "Ancien membre". */
  deleteForumPosts?: boolean;
}
export interface AdminAuditEntry {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  targetPersonId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
export interface RetentionSettings {
  /** E-mails of the outbox are purged this many days after they were written. */
  outboxDays: number;
  /** Ended sessions are purged this many days after they expired. */
  endedSessionsDays: number;
}
export interface AdminDeleteUserRequest {
  deleteForumPosts?: boolean;
}
