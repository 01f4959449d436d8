import type { CompanyRole } from './companies';

/** The kinds of block of a newsletter: written text, or items picked from the platform (then editable). */
export const NEWSLETTER_BLOCK_KINDS = ['text', 'events', 'topics', 'documents', 'members', 'opportunities'] as const;
export type NewsletterBlockKind = (typeof NEWSLETTER_BLOCK_KINDS)[number];
export type NewsletterPlatformKind = Exclude<NewsletterBlockKind, 'text'>;

/** One line of a platform block: what it says and where it leads (a path of the web app). */
export interface NewsletterItem {
  title: string;
  /** A short line under the title (date and place, author, sector…). */
  detail: string;
  /** A path on the platform ('/evenements/…'); the e-mail links to it through the click counter. */
  path: string;
}

export type NewsletterBlock = { kind: 'text'; markdown: string } | { kind: NewsletterPlatformKind; title: string; items: NewsletterItem[] };

export const NEWSLETTER_STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type NewsletterStatus = (typeof NEWSLETTER_STATUSES)[number];

/** Who receives it among the people of the chosen networks' active member companies (empty lists: everyone). */
export interface NewsletterAudience {
  /** The person's role in the company (owner, admin, member). */
  companyRoles: CompanyRole[];
  /** NAF code prefixes of the company ('62' a division, '62.01' a class). */
  nafCodes: string[];
  /** Départements of the company. */
  departements: string[];
}

export interface NewsletterNetworkRef {
  id: string;
  name: string;
  slug: string;
}

/** The figures of a newsletter (also read by the steering indicators). */
export interface NewsletterFigures {
  recipients: number;
  /** Left out at sending time because they had unsubscribed in the meantime. */
  skipped: number;
  queued: number;
  sent: number;
  failed: number;
  unsubscribed: number;
  /** Clicks on the newsletter's links, and the people who clicked at least once. */
  clicks: number;
  clickers: number;
}

export interface NewsletterSummary {
  id: string;
  subject: string;
  status: NewsletterStatus;
  networks: NewsletterNetworkRef[];
  scheduledAt: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export interface Newsletter extends NewsletterSummary {
  blocks: NewsletterBlock[];
  audience: NewsletterAudience;
  author: { personId: string; firstName: string; lastName: string } | null;
  /** The caller may edit, send and read the figures. */
  canManage: boolean;
  figures: NewsletterFigures | null;
}

export interface NewsletterDraftRequest {
  subject: string;
  networkIds: string[];
  blocks: NewsletterBlock[];
  audience?: Partial<NewsletterAudience>;
}

export interface NewsletterPreview {
  subject: string;
  html: string;
  text: string;
  /** How many people would receive it now. */
  recipientCount: number;
}

/** Send now (no date) or at a future date. */
export interface NewsletterSendRequest {
  scheduledAt?: string | null;
}

export interface NewsletterBlockSuggestion {
  kind: NewsletterPlatformKind;
  title: string;
  items: NewsletterItem[];
}

export interface NewsletterUnsubscribePreview {
  network: NewsletterNetworkRef;
  unsubscribed: boolean;
}

export const NEWSLETTER_SUBJECT_MAX = 150;
export const NEWSLETTER_BLOCKS_MAX = 30;
export const NEWSLETTER_ITEMS_MAX = 12;
