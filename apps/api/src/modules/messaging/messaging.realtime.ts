import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Message, PresenceStatus, RealtimeAck, RealtimeRoom } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { RealtimeService, type RealtimeSocket, userRoom } from '../../core/realtime/realtime.service';

export const conversationRoom = (id: string): RealtimeRoom => `conversation:${id}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{ key: string }` and nothing else, or null. */
function only<K extends string>(payload: unknown, key: K, valid: (value: unknown) => boolean): Record<K, string> | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const keys = Object.keys(payload);
  const value = (payload as Record<string, unknown>)[key];
  return keys.length === 1 && keys[0] === key && valid(value) ? (payload as Record<K, string>) : null;
}

/**
 * Messaging's real-time side: the `conversation:<id>` rooms (current participants the other person has not
 * blocked), the `typing` and `presence` client events, presence of contacts on connect and disconnect, and
 * the emits of the services (always after their transaction commits).
 */
@Injectable()
export class MessagingRealtime implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  /** Set when the app shuts down: the sockets it closes then need no presence (the database may be gone). */
  private closing = false;
  /** Presence updates under way, finished before the app closes. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly realtime: RealtimeService,
    private readonly access: AccessPolicy,
  ) {}

  onModuleInit(): void {
    this.realtime.registerRoom('conversation', async (actor, id) =>
      this.access.canFollowConversation(await this.access.conversationStanding(actor, id)),
    );
    this.realtime.registerClientEvent('typing', (socket, payload) => this.typing(socket, payload));
    this.realtime.registerClientEvent('presence', (socket, payload) => this.presenceSet(socket, payload));
    this.realtime.onConnectionChange((personId, change) => {
      const update = this.connectionChanged(personId, change);
      this.pending.add(update);
      void update.finally(() => this.pending.delete(update));
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.pending]);
  }

  /** Relayed to the room's other people only; the socket must follow the room (so it was authorised). */
  private async typing(socket: RealtimeSocket, payload: unknown): Promise<RealtimeAck> {
    const request = only(payload, 'conversationId', (v) => typeof v === 'string' && UUID.test(v));
    if (!request) return { ok: false, code: 'invalid_payload' };
    const room = conversationRoom(request.conversationId.toLowerCase());
    if (!socket.rooms.has(room)) return { ok: false, code: 'room_unavailable' };
    const personId = socket.data.actor.personId;
    socket.to(room).except(userRoom(personId)).emit('typing', { conversationId: request.conversationId.toLowerCase(), personId });
    return { ok: true };
  }

  private async presenceSet(socket: RealtimeSocket, payload: unknown): Promise<RealtimeAck> {
    const request = only(payload, 'status', (v) => v === 'online' || v === 'away');
    if (!request) return { ok: false, code: 'invalid_payload' };
    await this.publishPresence(socket.data.actor.personId, request.status as PresenceStatus);
    return { ok: true };
  }

  /** Online when a socket connects; offline when the person's last socket (on any process) is gone. */
  private async connectionChanged(personId: string, change: 'connected' | 'disconnected'): Promise<void> {
    if (this.closing) return;
    try {
      if (change === 'connected') return await this.publishPresence(personId, 'online');
      if (!(await this.realtime.isOnline(personId))) await this.publishPresence(personId, 'offline');
    } catch (error) {
      this.logger.error(`Presence of ${personId} not published: ${(error as Error).message}`);
    }
  }

  private async publishPresence(personId: string, status: PresenceStatus): Promise<void> {
    const contacts = await this.access.presenceContacts(personId);
    this.realtime.emitToRoom(contacts.map(userRoom), 'presence', { personId, status });
  }

  /** Those of the person's contacts who are online now. */
  async onlineContacts(personId: string): Promise<string[]> {
    return [...(await this.realtime.onlineAmong(await this.access.presenceContacts(personId)))];
  }

  /** Those of `personIds` with no socket open. */
  async offlineAmong(personIds: string[]): Promise<string[]> {
    const online = await this.realtime.onlineAmong(personIds);
    return personIds.filter((id) => !online.has(id));
  }

  /** To the conversation's room and to its current participants' own rooms (badges, lists): once per socket. */
  messageNew(message: Message, participantIds: string[]): void {
    this.realtime.emitToRoom([conversationRoom(message.conversationId), ...participantIds.map(userRoom)], 'message:new', message);
  }

  messageUpdated(message: Message): void {
    this.realtime.emitToRoom(conversationRoom(message.conversationId), 'message:updated', message);
  }

  read(conversationId: string, personId: string, seq: number): void {
    this.realtime.emitToRoom(conversationRoom(conversationId), 'message:read', { conversationId, personId, seq });
  }

  /** Tells these people to refetch the conversation (created, renamed, participants changed, left, blocked). */
  changed(conversationId: string, personIds: string[]): void {
    this.realtime.emitToRoom([...new Set(personIds)].map(userRoom), 'conversation:changed', { conversationId });
  }

  /** Makes the sockets of these people leave the conversation rooms they lost. */
  revalidate(personIds: string[]): Promise<void> {
    return this.realtime.revalidatePeople(personIds);
  }
}
