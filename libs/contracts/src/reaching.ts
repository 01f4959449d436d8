// Announcements, per-network notification levels and the activity feed (issue "Reaching members"). Shared by the
// API and the web app.

/** An announcement of a network, written by its managers, pinned on its page and notified to its members. */
export interface Announcement {
  id: string;
  networkId: string;
  networkName: string;
  title: string;
  /** Markdown as written (for editing). */
  body: string;
  /** Sanitised HTML of the body. */
  html: string;
  author: { id: string; name: string } | null;
  /** Shown at the top of the network's page while pinned and not expired. */
  pinned: boolean;
  /** When it stops being pinned (null: until a manager unpins it). */
  pinnedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  /** The caller may edit, unpin and delete it (the network's managers). */
  canManage: boolean;
}

/** `POST /networks/:id/announcements` and `PUT /announcements/:id`. */
export interface AnnouncementRequest {
  title: string;
  body: string;
  /** Default true. */
  pinned?: boolean;
  /** ISO date-time in the future, or null. */
  pinnedUntil?: string | null;
}

/**
 * What a member hears of one network's life: everything (new topics, events, documents, announcements), highlights
 * only (announcements and events: the default) or nothing.
 */
export const NETWORK_NOTIFICATION_LEVELS = ['all', 'highlights', 'none'] as const;
export type NetworkNotificationLevel = (typeof NETWORK_NOTIFICATION_LEVELS)[number];
export const DEFAULT_NETWORK_NOTIFICATION_LEVEL: NetworkNotificationLevel = 'highlights';

/** `GET /notifications/networks`: the levels the caller chose (other networks are at the default). */
export interface NetworkNotificationSetting {
  networkId: string;
  level: NetworkNotificationLevel;
}

/** `PUT /notifications/networks/:networkId`. */
export interface NetworkNotificationLevelRequest {
  level: NetworkNotificationLevel;
}

export const ACTIVITY_KINDS = ['member', 'topic', 'event', 'document', 'announcement'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One line of an activity feed: what happened, in which network, when, and where it leads (a web path). */
export interface ActivityItem {
  kind: ActivityKind;
  /** The object's id (company, topic, event, document, announcement). */
  id: string;
  networkId: string;
  networkName: string;
  networkSlug: string;
  title: string;
  /** Who did it, when known and visible (author, uploader); null otherwise. */
  actor: string | null;
  at: string;
  path: string;
}

/** `GET /networks/:id/activity` and `GET /home/activity`: newest first. */
export interface ActivityFeed {
  items: ActivityItem[];
}
