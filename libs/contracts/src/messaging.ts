// Messaging: direct and group conversations, messages with per-conversation sequence numbers.
//
// REST, under /api/v1 (signed-in only; a conversation the caller is not a current participant of is a 404,
// exactly like an absent one):
//   POST   /conversations                               CreateConversationRequest → Conversation
//                                                       (201; 200 with the existing one for a direct conversation)
//   GET    /conversations?q=&page=&pageSize=            → Page<ConversationListItem> (mine, newest activity first;
//                                                       q searches the title and the participants' names)
//   GET    /conversations/:id                           → Conversation
//   PATCH  /conversations/:id                           UpdateConversationRequest → Conversation (group owner)
//   PUT    /conversations/:id/muted                     MuteConversationRequest → Conversation
//   GET    /conversations/:id/messages?afterSeq=&beforeSeq=&limit=
//                                                       → MessagePage (afterSeq: catch-up, oldest first;
//                                                       beforeSeq or nothing: history backwards, returned oldest first)
//   POST   /conversations/:id/messages                  SendMessageRequest → Message (201; 200 with the existing
//                                                       message when this clientId was already sent: nothing emitted)
//   POST   /conversations/:id/read                      MarkReadRequest → ReadState (204-free: returns the new marker)
//   POST   /conversations/:id/leave                     → 204 (group conversations)
//   POST   /conversations/:id/participants              AddParticipantsRequest → Conversation (group owner)
//   DELETE /conversations/:id/participants/:personId    → 204 (group owner)
//   POST   /conversations/:id/attachments               multipart `file` → MessageAttachment (attach it with
//                                                       SendMessageRequest.attachmentIds)
//   GET    /messaging/attachments/:id                   → the file (participants; the uploader until it is sent)
//   PUT    /messages/:id                                EditMessageRequest → Message (own messages only)
//   DELETE /messages/:id                                → 204 (own messages only; the message stays as "deleted")
//   PUT    /messages/:id/reactions/:reaction            → Message
//   DELETE /messages/:id/reactions/:reaction            → Message
//   POST   /people/:id/block                            → 204; DELETE /people/:id/block → 204
//   GET    /messaging/blocks                            → MessagingPerson[] (people I blocked)
//   GET    /messaging/unread                            → UnreadSummary (header badge)
//   GET    /messaging/presence                          → PresenceSnapshot (my contacts who are online)
//
// Real time (namespace /realtime, see realtime.ts): join room `conversation:<id>` (current participants only)
// to receive `message:new`, `message:updated`, `message:read`, `typing`; send `typing` {conversationId} and
// `presence` {status: 'online' | 'away'}. Every socket also receives in its `user:<id>` room: `presence` of its
// contacts (see PresenceSnapshot), `conversation:changed`, and `message:new` of all its conversations (for the
// header badge and the list; a socket that also follows the conversation's room gets each message once).
// Delivery: a message is committed, then emitted. Events of concurrent senders may arrive out of order: keep
// messages ordered by `seq`, and when a `seq` is skipped (or after any reconnect) fetch
// GET /conversations/:id/messages?afterSeq=<highest seq held>. Send with a clientId generated once per message
// and retry with the same one: the server never stores it twice.
//
// Who may write to whom: any signed-in person may start a conversation with any other existing person,
// unless that person has blocked them (403 MESSAGING_BLOCKED). A person blocked by the other participant of a
// direct conversation keeps its history but can no longer post in it or follow it live. Blocks do not apply
// inside group conversations, except that nobody can add to a group someone who has blocked them.

import type { ForumReaction } from './forums';

export type ConversationKind = 'direct' | 'group';
export const CONVERSATION_KINDS: readonly ConversationKind[] = ['direct', 'group'];
export type ConversationRole = 'owner' | 'member';

export const MESSAGE_BODY_MAX = 10_000;
export const CONVERSATION_TITLE_MAX = 120;
/** Other people in a group conversation, the creator aside. */
export const CONVERSATION_PARTICIPANTS_MAX = 200;
/**
 * Groups of at most this many current participants share their members' presence; bigger ones do not (each
 * change would go to every member: n members coming online would send n² events).
 */
export const PRESENCE_GROUP_MAX = 20;
export const MESSAGE_ATTACHMENTS_MAX = 10;
export const MESSAGE_PAGE_MAX = 100;
export const MESSAGE_PAGE_DEFAULT = 50;
export const MESSAGE_ATTACHMENT_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'];

/** Message reactions use the forum's set (same keys, same glyphs: FORUM_REACTION_EMOJI). */
export type MessageReaction = ForumReaction;

/** Error codes specific to messaging (besides NOT_FOUND, VALIDATION_FAILED…). */
export type MessagingErrorCode =
  /** The other person blocked you (or you blocked them): you cannot write to them. */
  | 'MESSAGING_BLOCKED'
  /** Group-only action on a direct conversation, or a direct conversation with yourself. */
  | 'MESSAGING_INVALID_CONVERSATION'
  /** Someone in personIds does not exist. */
  | 'MESSAGING_UNKNOWN_PERSON'
  /** The message was deleted: it cannot be edited or reacted to. */
  | 'MESSAGING_MESSAGE_DELETED';

export interface MessagingPerson {
  id: string;
  firstName: string;
  lastName: string;
}

export interface ConversationParticipant extends MessagingPerson {
  role: ConversationRole;
  joinedAt: string;
  /** Read receipt: the highest sequence number this participant has read. */
  lastReadSeq: number;
}

export interface MessageAttachment {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  /** GET it to download (same origin, cookie). */
  url: string;
}

export interface MessageReactionSummary {
  reaction: MessageReaction;
  personIds: string[];
}

/** A message as every participant sees it (viewer-neutral, so the same payload is emitted to the room). */
export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  /** Null when the sender's account was deleted. */
  sender: MessagingPerson | null;
  /** Markdown source; null once deleted. */
  body: string | null;
  /** Sanitised HTML rendering of body; null once deleted. */
  bodyHtml: string | null;
  attachments: MessageAttachment[];
  reactions: MessageReactionSummary[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface Conversation {
  id: string;
  kind: ConversationKind;
  /** Groups only. */
  title: string | null;
  createdById: string | null;
  /** Current participants (the caller included), with their read receipts. */
  participants: ConversationParticipant[];
  myRole: ConversationRole;
  muted: boolean;
  lastSeq: number;
  lastReadSeq: number;
  unreadCount: number;
  /** Direct conversations: false when a block stands between the two people. */
  canPost: boolean;
  createdAt: string;
  lastMessageAt: string | null;
}

export interface ConversationListItem extends Conversation {
  lastMessage: Message | null;
}

export interface MessagePage {
  items: Message[];
  /** More messages exist in the direction asked (older for history, newer for catch-up). */
  hasMore: boolean;
  lastSeq: number;
}

export type CreateConversationRequest = { kind: 'direct'; personId: string } | { kind: 'group'; title: string; personIds: string[] };
export interface UpdateConversationRequest {
  title: string;
}
export interface MuteConversationRequest {
  muted: boolean;
}
export interface SendMessageRequest {
  /** A UUID the client generates once per message and reuses for retries. */
  clientId: string;
  body: string;
  attachmentIds?: string[];
}
export interface EditMessageRequest {
  body: string;
}
export interface MarkReadRequest {
  seq: number;
}
export interface ReadState {
  conversationId: string;
  lastReadSeq: number;
}
export interface AddParticipantsRequest {
  personIds: string[];
}
export interface UnreadSummary {
  /** Unread messages over every conversation that is not muted. */
  total: number;
  conversations: { conversationId: string; unread: number }[];
}

export type PresenceStatus = 'online' | 'away' | 'offline';
export interface PresenceSnapshot {
  /**
   * Contacts with at least one socket open: the other people of my direct conversations and of my groups of at
   * most PRESENCE_GROUP_MAX people (bigger groups share no presence).
   */
  online: string[];
}

// ---------- real-time payloads ----------
/** Client → server: I am typing in this conversation (relayed to the other participants). */
export interface TypingRequest {
  conversationId: string;
}
export interface TypingEvent {
  conversationId: string;
  personId: string;
}
export interface MessageReadEvent {
  conversationId: string;
  personId: string;
  seq: number;
}
export interface PresenceEvent {
  personId: string;
  status: PresenceStatus;
}
/** Client → server: I am away (tab hidden, idle) or back. */
export interface PresenceRequest {
  status: Exclude<PresenceStatus, 'offline'>;
}
/** To `user:<id>`: a conversation of mine appeared, changed (participants, title) or I left it: refetch it. */
export interface ConversationChangedEvent {
  conversationId: string;
}
