// Real-time events (socket.io, namespace `/realtime`, path `/socket.io`), shared by the API and the web app.
// Feature helpers add their events to the two maps below (one line each, in their own section).

import type { ForumPostEvent } from './forums';
import type { NotificationCountEvent, NotificationNewEvent } from './notifications';
import type {
  ConversationChangedEvent,
  Message,
  MessageReadEvent,
  PresenceEvent,
  PresenceRequest,
  TypingEvent,
  TypingRequest,
} from './messaging';

export const REALTIME_NAMESPACE = '/realtime';
export const REALTIME_PATH = '/socket.io';

/**
 * A room name: `<prefix>:<id>`, e.g. `user:<uuid>` (joined automatically), `topic:<uuid>`, `network:<uuid>`.
 * Prefixes are registered by the API's feature modules together with their authoriser.
 */
export type RealtimeRoom = `${string}:${string}`;

/** Error codes of acknowledgements and of the `error` event. */
export type RealtimeErrorCode =
  /** The room is unknown, malformed or forbidden (the three look the same). */
  | 'room_unavailable'
  /** The payload does not have the expected shape. */
  | 'invalid_payload'
  /** The socket already follows as many rooms as the server allows. */
  | 'too_many_rooms'
  /** The event name is not one the server knows. */
  | 'unknown_event'
  /** Too many events: slow down (repeated abuse disconnects). */
  | 'rate_limited'
  /** The message is larger than the server accepts. */
  | 'payload_too_large'
  /** The server failed; retry later. */
  | 'internal';

export type RealtimeAck = { ok: true } | { ok: false; code: RealtimeErrorCode };

export interface RoomRequest {
  room: RealtimeRoom;
}

/** Sent when the server leaves a socket out of a room (rights lost): the client should stop showing its live data. */
export interface RoomRevokedEvent {
  room: RealtimeRoom;
}

export interface RealtimeErrorEvent {
  code: RealtimeErrorCode;
  /** The event the error answers, when known. */
  event?: string;
}

// ---------- forums (payload types filled by the forums module) ----------
/** A post was committed in room `topic:<topicId>` (the post as the topic page shows it, viewer-neutral). */
export type ForumPostCreatedEvent = ForumPostEvent;
/** A post was edited, hidden, restored or deleted in room `topic:<topicId>`. */
export type ForumPostUpdatedEvent = ForumPostEvent;
/**
 * Room `forum:<networkId>` (the forum's readers): a topic was opened or got a reply, in this network's forum or
 * one shared with it. Ids only: the list fetches what its reader may see.
 */
export interface ForumActivityEvent {
  networkId: string;
  topicId: string;
}

/** Events the client sends. Every one takes an acknowledgement callback. */
export interface ClientToServerEvents {
  'room:join': (request: RoomRequest, ack: (result: RealtimeAck) => void) => void;
  'room:leave': (request: RoomRequest, ack: (result: RealtimeAck) => void) => void;
  // messaging (the acknowledgement is optional for these two)
  typing: (request: TypingRequest, ack?: (result: RealtimeAck) => void) => void;
  presence: (request: PresenceRequest, ack?: (result: RealtimeAck) => void) => void;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  error: (event: RealtimeErrorEvent) => void;
  'room:revoked': (event: RoomRevokedEvent) => void;
  // forums
  'forum:post-created': (event: ForumPostCreatedEvent) => void;
  'forum:post-updated': (event: ForumPostUpdatedEvent) => void;
  'forum:activity': (event: ForumActivityEvent) => void;
  // messaging (room `conversation:<id>`; message:new also to the participants' `user:<id>`; presence and
  // conversation:changed to `user:<id>` only)
  'message:new': (event: Message) => void;
  'message:updated': (event: Message) => void;
  'message:read': (event: MessageReadEvent) => void;
  typing: (event: TypingEvent) => void;
  presence: (event: PresenceEvent) => void;
  'conversation:changed': (event: ConversationChangedEvent) => void;
  // notifications (room `user:<id>`: a new entry with the badge count; the count after reading elsewhere)
  'notification:new': (event: NotificationNewEvent) => void;
  'notification:count': (event: NotificationCountEvent) => void;
}

export type ServerToClientEventName = keyof ServerToClientEvents;
export type ServerToClientPayload<E extends ServerToClientEventName> = Parameters<ServerToClientEvents[E]>[0];
