import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type FileToSend, type UploadSource } from '../../core/storage/upload-source';
import { DataSource, type EntityManager } from 'typeorm';
import {
  FORUM_REACTIONS,
  MESSAGE_ATTACHMENT_TYPES,
  type Message,
  type MessageAttachment as MessageAttachmentView,
  type MessagePage,
  type MessageReaction,
  type ReadState,
} from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { AppException } from '../../core/errors/app-exception';
import { markdownToText, renderMarkdown } from '../../core/markdown';
import { FilesService } from '../../core/storage/files.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ConversationsService } from './conversations.service';
import type { MessagePageQueryDto, SendMessageDto } from './dto/messaging.dto';
import { ATTACHMENT, MESSAGE, MessagingErrors } from './messaging.errors';
import { MessagingRealtime } from './messaging.realtime';
import { attachmentUrl, conversationPath, type MessageRow, messageOf, MessagingRepository, returned } from './messaging.repository';

/** A message just written or read under the caller's checks (a 404 should it have vanished meanwhile). */
function found(message: Message | null): Message {
  if (!message) throw AppException.notFound(MESSAGE);
  return message;
}

/** What the sending statement answers: the stored message's own columns, and who to tell about it. */
interface SentRow {
  id: string;
  seq: string;
  created_at: Date;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  participant_ids: string[];
  /** The current participants who muted the conversation (few, usually none). */
  muted_ids: string[];
}

/** The error of a message insert whose clientId this sender already used in the conversation (TypeORM or bare pg). */
function isDuplicateClientId(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const cause = e.driverError ?? e;
  return cause.code === '23505' && cause.constraint === 'uq_messages_client_id';
}

/**
 * Sends a message ($1 conversation, $2 sender, $3 clientId, $4 body, $5 its HTML) in one statement: the conversation's
 * row is numbered only if the sender currently takes part and may post there (`postable`, the access policy's
 * condition on `me` and `c`), so the check and the write see the same state; the row stays locked (every other
 * sender of the conversation waits) only while the statement runs and commits. The same clientId sent twice at
 * once: the unique index refuses the second insert, and its numbering is rolled back with it. It answers the
 * message's own columns (the rest is known) and who to tell about it, so that nothing more is read before the
 * emit; no row when the sender may not post.
 */
const sendStatement = (postable: string) => `
  WITH numbered AS (
    UPDATE conversations c SET last_seq = c.last_seq + 1, last_message_at = now()
    FROM conversation_participants me
    WHERE c.id = $1 AND me.conversation_id = c.id AND me.person_id = $2 AND me.left_at IS NULL AND ${postable}
    RETURNING c.last_seq, c.title
  ), inserted AS (
    INSERT INTO messages (conversation_id, seq, sender_id, client_id, body, body_html)
    SELECT $1, last_seq, $2, $3, $4, $5 FROM numbered RETURNING id, seq, created_at
  ), receipt AS (
    UPDATE conversation_participants p SET last_read_seq = GREATEST(p.last_read_seq, i.seq)
    FROM inserted i WHERE p.conversation_id = $1 AND p.person_id = $2
  ), participants AS (
    SELECT person_id, muted FROM conversation_participants WHERE conversation_id = $1 AND left_at IS NULL
  )
  SELECT i.id, i.seq, i.created_at, n.title, pe.first_name, pe.last_name,
         ARRAY(SELECT person_id::text FROM participants) AS participant_ids,
         ARRAY(SELECT person_id::text FROM participants WHERE muted) AS muted_ids
  FROM inserted i CROSS JOIN numbered n LEFT JOIN people pe ON pe.id = $2`;

/** Messages: sending (numbered, deduplicated), history and catch-up, edits, deletion, reactions, receipts, attachments. */
@Injectable()
export class MessagesService implements OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private readonly sendStatement: string;
  /** Work started after a commit and not awaited by the request (offline notifications). */
  private readonly background = new Set<Promise<void>>();
  /** Set when the app shuts down: requests still answered then wait for their own background work. */
  private closing = false;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly repo: MessagingRepository,
    private readonly conversations: ConversationsService,
    private readonly live: MessagingRealtime,
    private readonly files: FilesService,
    private readonly notifications: NotificationsService,
  ) {
    this.sendStatement = sendStatement(access.conversationPostableCondition('me', 'c'));
  }

  async page(actor: Actor, conversationId: string, query: MessagePageQueryDto): Promise<MessagePage> {
    await this.conversations.standing(actor, conversationId);
    const [{ last_seq }]: { last_seq: string }[] = await this.db.query('SELECT last_seq FROM conversations WHERE id = $1', [
      conversationId,
    ]);
    const take = query.limit + 1;
    let items: Message[];
    if (query.afterSeq !== undefined) {
      const params: unknown[] = [conversationId, query.afterSeq];
      const upper = query.beforeSeq !== undefined ? `AND m.seq < $${params.push(query.beforeSeq)}` : '';
      items = await this.repo.messages(`m.conversation_id = $1 AND m.seq > $2 ${upper}`, params, `ORDER BY m.seq ASC LIMIT ${take}`);
    } else {
      const params: unknown[] = [conversationId];
      const upper = query.beforeSeq !== undefined ? `AND m.seq < $${params.push(query.beforeSeq)}` : '';
      items = (await this.repo.messages(`m.conversation_id = $1 ${upper}`, params, `ORDER BY m.seq DESC LIMIT ${take}`)).reverse();
    }
    const hasMore = items.length > query.limit;
    if (hasMore) items = query.afterSeq !== undefined ? items.slice(0, query.limit) : items.slice(1);
    return { items, hasMore, lastSeq: Number(last_seq) };
  }

  /**
   * Commits the message with the next sequence number, then emits it. A clientId the sender already used in
   * this conversation returns the stored message (`created: false`) and emits nothing, even under concurrency:
   * the unique (conversation, sender, clientId) index decides, and the loser's statement is rolled back.
   */
  send(actor: Actor, conversationId: string, dto: SendMessageDto): Promise<{ message: Message; created: boolean }> {
    return this.store(actor, conversationId, dto, false);
  }

  private async store(
    actor: Actor,
    conversationId: string,
    dto: SendMessageDto,
    retried: boolean,
  ): Promise<{ message: Message; created: boolean }> {
    const clientId = dto.clientId.toLowerCase();
    const html = renderMarkdown(dto.body);
    const attachmentIds = [...new Set((dto.attachmentIds ?? []).map((id) => id.toLowerCase()))];
    const params = [conversationId, actor.personId, clientId, dto.body, html];
    let sent: SentRow | undefined;
    try {
      // One statement checks that the sender may post, numbers the message, stores it, marks it read by its
      // sender and answers who to tell (see sendStatement); without attachments, as a prepared statement.
      sent = attachmentIds.length
        ? await this.db.transaction(async (tx) => {
            const [row] = await preparedQuery<SentRow>(tx, this.sendStatement, params);
            if (row) await this.attach(tx, row.id, conversationId, actor, attachmentIds);
            return row;
          })
        : (await preparedQuery<SentRow>(this.db, this.sendStatement, params))[0];
    } catch (error) {
      if (!isDuplicateClientId(error)) throw error;
      return { message: found(await this.byClientId(actor, conversationId, clientId)), created: false };
    }
    if (!sent) {
      // Nothing stored: a 404 if the sender does not take part, the message already sent with this clientId
      // (before a block, say), or a block. Allowed now: the standing changed in between (a block lifted): once more.
      const standing = await this.conversations.standing(actor, conversationId);
      const existing = await this.byClientId(actor, conversationId, clientId);
      if (existing) return { message: existing, created: false };
      if (retried || !this.access.canPostInConversation(standing)) throw MessagingErrors.blocked();
      return this.store(actor, conversationId, dto, true);
    }
    const row: MessageRow = {
      ...sent,
      conversation_id: conversationId,
      client_id: clientId,
      sender_id: actor.personId,
      body: dto.body,
      body_html: html,
      edited_at: null,
      deleted_at: null,
    };
    const message = attachmentIds.length ? found(await this.repo.message(sent.id)) : messageOf(row);
    // Emitted right after the commit. Concurrent senders' events may still cross: clients order by seq and
    // fetch any gap with ?afterSeq (the same path as after a reconnect).
    this.live.messageNew(message, sent.participant_ids);
    // Who is offline is a question to every API process (and the notification a write of its own): the
    // sender does not wait for it. It runs after the commit and re-checks access when it writes.
    const muted = new Set([actor.personId, ...sent.muted_ids]);
    const to = { title: sent.title, unmuted_ids: sent.participant_ids.filter((id) => !muted.has(id)) };
    const notified = this.inBackground(`Offline notification of message ${message.id}`, () => this.notifyOffline(actor, message, to));
    if (this.closing) await notified;
    return { message, created: true };
  }

  /** Resolves once the background work started before the call is done (tests). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.settled();
  }

  /** Starts `work` without waiting for it; it never rejects (failures are logged). */
  private inBackground(what: string, work: () => Promise<void>): Promise<void> {
    const job = work().catch((error: Error) => this.logger.error(`${what} failed: ${error.message}`));
    this.background.add(job);
    void job.finally(() => this.background.delete(job));
    return job;
  }

  private async byClientId(actor: Actor, conversationId: string, clientId: string): Promise<Message | null> {
    return (
      (
        await this.repo.messages('m.conversation_id = $1 AND m.sender_id = $2 AND m.client_id = $3', [
          conversationId,
          actor.personId,
          clientId,
        ])
      )[0] ?? null
    );
  }

  private async attach(tx: EntityManager, messageId: string, conversationId: string, actor: Actor, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows = returned(
      await tx.query(
        `UPDATE message_attachments SET message_id = $1
         WHERE id = ANY($2::uuid[]) AND message_id IS NULL AND uploader_id = $3 AND conversation_id = $4 RETURNING id`,
        [messageId, ids, actor.personId, conversationId],
      ),
    );
    if (rows.length !== ids.length) throw MessagingErrors.invalidAttachments();
  }

  /**
   * THE place where a new message reaches the participants who are not connected: the other current
   * participants who have not muted the conversation and have no socket open on any API process get a
   * `messaging.message` notification (in-app, and e-mail per their preference; repeated messages fold into
   * one unread entry per conversation). Runs in the background after the commit (see send), for the
   * participants who had not muted the conversation when the message was stored; notify checks access again.
   */
  private async notifyOffline(actor: Actor, message: Message, to: { title: string | null; unmuted_ids: string[] }): Promise<void> {
    const offline = await this.live.offlineAmong(to.unmuted_ids);
    if (!offline.length) return;
    const author = message.sender ? `${message.sender.firstName} ${message.sender.lastName}` : '';
    await this.notifications.notify(null, {
      type: 'messaging.message',
      recipients: offline,
      actorId: actor.personId,
      subject: { kind: 'conversation', id: message.conversationId },
      data: { author, conversation: to.title ?? author, excerpt: markdownToText(message.body ?? '', 200) },
      path: conversationPath(message.conversationId),
      dedupeKey: `conversation:${message.conversationId}`,
      visibleTo: (personIds, db) => this.access.conversationParticipantsAmong(message.conversationId, personIds, db),
    });
  }

  /** The message with the caller's standing in its conversation; 404 when they may not see it. */
  private async load(actor: Actor, messageId: string) {
    const rows: { conversation_id: string; sender_id: string | null; deleted_at: Date | null }[] = await this.db.query(
      'SELECT conversation_id, sender_id, deleted_at FROM messages WHERE id = $1',
      [messageId],
    );
    const row = rows[0];
    const s = row ? await this.access.conversationStanding(actor, row.conversation_id) : null;
    if (!row || !s) throw AppException.notFound(MESSAGE);
    return { standing: s, conversationId: row.conversation_id, senderId: row.sender_id, deleted: row.deleted_at !== null };
  }

  /** Own messages only, while a block does not stand in the way; the edit is marked. */
  async edit(actor: Actor, messageId: string, body: string): Promise<Message> {
    const m = await this.load(actor, messageId);
    if (!this.access.canEditMessage(actor, m)) throw MessagingErrors.notSender();
    if (m.deleted) throw MessagingErrors.deleted();
    if (!this.access.canPostInConversation(m.standing)) throw MessagingErrors.blocked();
    await this.db.query('UPDATE messages SET body = $2, body_html = $3, edited_at = now() WHERE id = $1', [
      messageId,
      body,
      renderMarkdown(body),
    ]);
    return this.updated(messageId);
  }

  /** Own messages only: the text, attachments and reactions go; the numbered slot stays (shown as deleted). */
  async remove(actor: Actor, messageId: string): Promise<void> {
    const m = await this.load(actor, messageId);
    if (!this.access.canEditMessage(actor, m)) throw MessagingErrors.notSender();
    if (m.deleted) return;
    const fileIds = await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE messages SET body = '', body_html = '', deleted_at = now() WHERE id = $1`, [messageId]);
      await tx.query('DELETE FROM message_reactions WHERE message_id = $1', [messageId]);
      const files = returned<{ file_id: string }>(
        await tx.query('DELETE FROM message_attachments WHERE message_id = $1 RETURNING file_id', [messageId]),
      );
      return files.map((f) => f.file_id);
    });
    for (const fileId of fileIds) await this.files.remove(fileId);
    await this.updated(messageId);
  }

  async react(actor: Actor, messageId: string, reaction: string, on: boolean): Promise<Message> {
    if (!FORUM_REACTIONS.includes(reaction as MessageReaction)) throw MessagingErrors.invalidReaction();
    const m = await this.load(actor, messageId);
    if (m.deleted) throw MessagingErrors.deleted();
    if (on) {
      await this.db.query('INSERT INTO message_reactions (message_id, person_id, reaction) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        messageId,
        actor.personId,
        reaction,
      ]);
    } else {
      await this.db.query('DELETE FROM message_reactions WHERE message_id = $1 AND person_id = $2 AND reaction = $3', [
        messageId,
        actor.personId,
        reaction,
      ]);
    }
    return this.updated(messageId);
  }

  private async updated(messageId: string): Promise<Message> {
    const message = found(await this.repo.message(messageId));
    this.live.messageUpdated(message);
    return message;
  }

  /** Moves the caller's read receipt forward (never back, never past the last message) and tells the room. */
  async markRead(actor: Actor, conversationId: string, seq: number): Promise<ReadState> {
    await this.conversations.standing(actor, conversationId);
    const moved = returned<{ last_read_seq: string }>(
      await this.db.query(
        `UPDATE conversation_participants p SET last_read_seq = LEAST($3::bigint, c.last_seq)
       FROM conversations c WHERE c.id = p.conversation_id AND p.conversation_id = $1 AND p.person_id = $2
         AND p.last_read_seq < LEAST($3::bigint, c.last_seq) RETURNING p.last_read_seq`,
        [conversationId, actor.personId, seq],
      ),
    );
    if (moved.length) {
      const lastReadSeq = Number(moved[0].last_read_seq);
      this.live.read(conversationId, actor.personId, lastReadSeq);
      return { conversationId, lastReadSeq };
    }
    const [row]: { last_read_seq: string }[] = await this.db.query(
      'SELECT last_read_seq FROM conversation_participants WHERE conversation_id = $1 AND person_id = $2',
      [conversationId, actor.personId],
    );
    return { conversationId, lastReadSeq: Number(row.last_read_seq) };
  }

  // ---------- attachments ----------

  async upload(actor: Actor, conversationId: string, source: UploadSource): Promise<MessageAttachmentView> {
    const s = await this.conversations.standing(actor, conversationId);
    if (!this.access.canPostInConversation(s)) throw MessagingErrors.blocked();
    const upload = await this.files.receive(source);
    const { id, file } = await this.db.transaction(async (tx) => {
      const stored = await this.files.store(
        upload,
        { allowedTypes: MESSAGE_ATTACHMENT_TYPES, isPublic: false, uploadedById: actor.personId },
        tx,
      );
      const [row]: { id: string }[] = await tx.query(
        'INSERT INTO message_attachments (conversation_id, file_id, uploader_id) VALUES ($1, $2, $3) RETURNING id',
        [conversationId, stored.id, actor.personId],
      );
      return { id: row.id, file: stored };
    });
    return { id, name: file.originalName, mimeType: file.mimeType, size: file.size, url: attachmentUrl(id) };
  }

  /** To the conversation's current participants once sent; to its uploader only before. */
  async download(actor: Actor, attachmentId: string): Promise<FileToSend> {
    const rows: { conversation_id: string; message_id: string | null; uploader_id: string; file_id: string }[] = await this.db.query(
      'SELECT conversation_id, message_id, uploader_id, file_id FROM message_attachments WHERE id = $1',
      [attachmentId],
    );
    const row = rows[0];
    const allowed =
      row && (row.message_id ? await this.access.conversationStanding(actor, row.conversation_id) : row.uploader_id === actor.personId);
    if (!allowed) throw AppException.notFound(ATTACHMENT);
    const file = await this.files.find(row.file_id);
    if (!file) throw AppException.notFound(ATTACHMENT);
    return { file };
  }
}
