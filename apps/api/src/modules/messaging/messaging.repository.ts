import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Conversation, ConversationParticipant, Message, MessageReaction, MessagingPerson } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';

type Db = Pick<EntityManager, 'query'>;

export const attachmentUrl = (id: string) => `/api/v1/messaging/attachments/${id}`;
/** Where a conversation is shown in the web app (notifications, e-mails). */
export const conversationPath = (id: string) => `/messages/${id}`;
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: string;
  client_id: string;
  sender_id: string | null;
  first_name: string | null;
  last_name: string | null;
  body: string;
  body_html: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

interface ConversationRow {
  id: string;
  kind: Conversation['kind'];
  title: string | null;
  created_by_id: string | null;
  last_seq: string;
  created_at: Date;
  last_message_at: Date | null;
  role: Conversation['myRole'];
  muted: boolean;
  last_read_seq: string;
  unread: number;
  can_post: boolean;
}

/** The rows of an UPDATE or DELETE … RETURNING (TypeORM answers `[rows, affected]` for those on PostgreSQL). */
export const returned = <T>(result: [T[], number]): T[] => result[0];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A message as the API shows it, from its row (with its sender's names) and its attachments and reactions. */
export function messageOf(r: MessageRow, attachments: Message['attachments'] = [], reactions: Message['reactions'] = []): Message {
  const deleted = r.deleted_at !== null;
  const sender: MessagingPerson | null = r.sender_id
    ? { id: r.sender_id, firstName: r.first_name ?? '', lastName: r.last_name ?? '' }
    : null;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    clientId: r.client_id,
    sender,
    body: deleted ? null : r.body,
    bodyHtml: deleted ? null : r.body_html,
    attachments,
    reactions,
    createdAt: r.created_at.toISOString(),
    editedAt: iso(r.edited_at),
    deletedAt: iso(r.deleted_at),
  };
}

/** Reads conversations and messages as the API shows them (views are viewer-neutral for messages). */
@Injectable()
export class MessagingRepository {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * The conversations the person currently takes part in that match `where` (SQL on `c` and `me`, parameters
   * from $2 on; $1 is the person), with `tail` (ORDER BY, LIMIT…).
   */
  async conversations(personId: string, where: string, params: unknown[], tail = '', db: Db = this.db): Promise<Conversation[]> {
    const rows: ConversationRow[] = await db.query(
      `SELECT c.id, c.kind, c.title, c.created_by_id, c.last_seq, c.created_at, c.last_message_at, me.role, me.muted, me.last_read_seq,
              (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.seq > me.last_read_seq
                 AND m.deleted_at IS NULL AND m.sender_id IS DISTINCT FROM me.person_id)::int AS unread,
              ${this.access.conversationPostableCondition('me', 'c')} AS can_post
       FROM conversations c JOIN conversation_participants me ON me.conversation_id = c.id AND me.person_id = $1 AND me.left_at IS NULL
       WHERE ${where} ${tail}`,
      [personId, ...params],
    );
    const participants = await this.participants(
      rows.map((r) => r.id),
      db,
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      createdById: r.created_by_id,
      participants: participants.get(r.id) ?? [],
      myRole: r.role,
      muted: r.muted,
      lastSeq: Number(r.last_seq),
      lastReadSeq: Number(r.last_read_seq),
      unreadCount: r.unread,
      canPost: r.can_post,
      createdAt: r.created_at.toISOString(),
      lastMessageAt: iso(r.last_message_at),
    }));
  }

  /** One conversation of the person, or null. */
  async conversation(personId: string, conversationId: string, db: Db = this.db): Promise<Conversation | null> {
    return (await this.conversations(personId, 'c.id = $2', [conversationId], '', db))[0] ?? null;
  }

  private async participants(conversationIds: string[], db: Db): Promise<Map<string, ConversationParticipant[]>> {
    const byConversation = new Map<string, ConversationParticipant[]>();
    if (!conversationIds.length) return byConversation;
    const rows: {
      conversation_id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      role: ConversationParticipant['role'];
      joined_at: Date;
      last_read_seq: string;
    }[] = await db.query(
      `SELECT p.conversation_id, p.person_id, pe.first_name, pe.last_name, p.role, p.joined_at, p.last_read_seq
         FROM conversation_participants p JOIN people pe ON pe.id = p.person_id
         WHERE p.conversation_id = ANY($1::uuid[]) AND p.left_at IS NULL ORDER BY p.joined_at, pe.last_name, pe.first_name`,
      [conversationIds],
    );
    for (const r of rows) {
      const list = byConversation.get(r.conversation_id) ?? [];
      list.push({
        id: r.person_id,
        firstName: r.first_name,
        lastName: r.last_name,
        role: r.role,
        joinedAt: r.joined_at.toISOString(),
        lastReadSeq: Number(r.last_read_seq),
      });
      byConversation.set(r.conversation_id, list);
    }
    return byConversation;
  }

  /** The current participants' ids of a conversation. */
  async participantIds(conversationId: string, db: Db = this.db): Promise<string[]> {
    const rows: { person_id: string }[] = await db.query(
      'SELECT person_id FROM conversation_participants WHERE conversation_id = $1 AND left_at IS NULL',
      [conversationId],
    );
    return rows.map((r) => r.person_id);
  }

  /** Messages matching `where` (SQL on `m`, parameters from $1), with `tail`; attachments and reactions loaded. */
  async messages(where: string, params: unknown[], tail = '', db: Db = this.db): Promise<Message[]> {
    const rows: MessageRow[] = await db.query(
      `SELECT m.id, m.conversation_id, m.seq, m.client_id, m.sender_id, p.first_name, p.last_name, m.body, m.body_html,
              m.created_at, m.edited_at, m.deleted_at
       FROM messages m LEFT JOIN people p ON p.id = m.sender_id WHERE ${where} ${tail}`,
      params,
    );
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const attachments: { id: string; message_id: string; original_name: string; mime_type: string; size: number }[] = await db.query(
      `SELECT a.id, a.message_id, f.original_name, f.mime_type, f.size FROM message_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.message_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [ids],
    );
    const reactions: { message_id: string; reaction: MessageReaction; person_ids: string[] }[] = await db.query(
      `SELECT message_id, reaction, array_agg(person_id::text ORDER BY created_at, person_id) AS person_ids FROM message_reactions
       WHERE message_id = ANY($1::uuid[]) GROUP BY message_id, reaction ORDER BY min(created_at), reaction`,
      [ids],
    );
    return rows.map((r) =>
      messageOf(
        r,
        attachments
          .filter((a) => a.message_id === r.id)
          .map((a) => ({ id: a.id, name: a.original_name, mimeType: a.mime_type, size: a.size, url: attachmentUrl(a.id) })),
        reactions.filter((x) => x.message_id === r.id).map((x) => ({ reaction: x.reaction, personIds: x.person_ids })),
      ),
    );
  }

  async message(id: string, db: Db = this.db): Promise<Message | null> {
    return (await this.messages('m.id = $1', [id], '', db))[0] ?? null;
  }
}
