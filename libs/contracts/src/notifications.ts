// Notifications (modules/notifications): the in-app notification centre, per-type preferences,
// one-click unsubscribe. Shared by the API and the web app.

/** Every kind of notification. Later issues append theirs here (and a default in the API's registry). */
export type NotificationType =
  | 'forum.mention'
  | 'forum.reply'
  | 'network.membership_request'
  | 'network.membership_decision'
  | 'network.federation_request'
  | 'network.invitation'
  | 'messaging.message'
  | 'agenda.promoted'
  | 'agenda.reminder'
  | 'agenda.event_cancelled'
  | 'company.claim_request'
  | 'company.claim_decision'
  | 'moderation.report'
  | 'opportunity.match'
  | 'opportunity.response'
  | 'opportunity.deadline'
  | 'opportunity.group_support'
  | 'opportunity.group_invitation'
  | 'survey.invitation'
  | 'survey.reminder'
  | 'network.announcement'
  | 'network.new_topic'
  | 'network.new_event'
  | 'network.new_document';
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'forum.mention',
  'forum.reply',
  'network.membership_request',
  'network.membership_decision',
  'network.federation_request',
  'network.invitation',
  'messaging.message',
  'agenda.promoted',
  'agenda.reminder',
  'agenda.event_cancelled',
  'company.claim_request',
  'company.claim_decision',
  'moderation.report',
  'opportunity.match',
  'opportunity.response',
  'opportunity.deadline',
  'opportunity.group_support',
  'opportunity.group_invitation',
  'survey.invitation',
  'survey.reminder',
  'network.announcement',
  'network.new_topic',
  'network.new_event',
  'network.new_document',
];

/** The news of a network's life: each member's level for that network decides whether they hear of it at all. */
export const NETWORK_NEWS_TYPES = ['network.announcement', 'network.new_topic', 'network.new_event', 'network.new_document'] as const;
/** The news a member hears at the `highlights` level. */
export const NETWORK_HIGHLIGHT_TYPES: readonly NotificationType[] = ['network.announcement', 'network.new_event'];

/**
 * How a person wants one type of notification: in the notification centre only, also by e-mail at
 * once, also in the daily digest e-mail, or not at all (`off`: neither in-app nor e-mail).
 */
export type NotificationChannel = 'in_app' | 'email_immediate' | 'email_digest' | 'off';
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['in_app', 'email_immediate', 'email_digest', 'off'];

/** What a notification is about (the web links to it through `path`). */
export interface NotificationSubject {
  /** e.g. `forum_post`, `network_membership`, `conversation`. */
  kind: string;
  id: string;
  networkId?: string | null;
}

/** One entry of the notification centre. */
export interface NotificationView {
  id: string;
  type: NotificationType;
  subject: NotificationSubject;
  /** Who caused it (absent for system events or when that person was deleted). */
  actor: { id: string; name: string } | null;
  /** Small rendering data set by the producing module (e.g. author, topic, network, excerpt, company, decision). */
  data: Record<string, unknown>;
  /** Where the web app leads when the notification is opened (a path of the web app, e.g. `/forums/sujets/…`). */
  path: string;
  /** How many events were folded into this entry (e.g. several messages of one conversation while unread). */
  count: number;
  read: boolean;
  createdAt: string;
}

/** `GET /notifications?unread=true&page=&pageSize=`: newest first. */
export interface NotificationPage {
  items: NotificationView[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

export interface UnreadCount {
  unreadCount: number;
}

/** `POST /notifications/read`. */
export interface MarkNotificationsReadRequest {
  ids: string[];
}

export interface NotificationPreference {
  type: NotificationType;
  channel: NotificationChannel;
  /** The platform's default for this type (what `channel` is until the person changes it). */
  defaultChannel: NotificationChannel;
}

/** `PUT /notifications/preferences`: the types to change (others keep their setting). Answers every preference. */
export interface UpdateNotificationPreferencesRequest {
  preferences: { type: NotificationType; channel: NotificationChannel }[];
}

/** `GET /notifications/unsubscribe?token=` (no login): what the link would turn off; changes nothing. */
export interface UnsubscribePreview {
  scope: NotificationType | 'digest';
}

/**
 * `POST /notifications/unsubscribe?token=` (no login: the signed link of an e-mail). A type's link
 * sets that type to `off`; the digest's link (`scope: 'digest'`) sets the digest types to `in_app`.
 */
export interface UnsubscribeResult {
  scope: NotificationType | 'digest';
  channel: NotificationChannel;
  /** A sentence in the person's language saying what changed. */
  message: string;
}

/** Real-time `notification:new`, to room `user:<recipient>` after the notification is committed. */
export interface NotificationNewEvent {
  notification: NotificationView;
  unreadCount: number;
}

/** Real-time `notification:count`, to room `user:<id>` when the unread count changed otherwise (read in another tab). */
export interface NotificationCountEvent {
  unreadCount: number;
}
