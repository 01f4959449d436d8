import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Conversation, ConversationListItem, MessagingPerson, Page, PresenceSnapshot, UnreadSummary } from '@maillage/contracts';
import { AccessPolicy, type ConversationStanding } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import type { AddParticipantsDto, ConversationListQueryDto, CreateConversationDto } from './dto/messaging.dto';
import { CONVERSATION, MessagingErrors, PERSON } from './messaging.errors';
import { MessagingRealtime } from './messaging.realtime';
import { escapeLike, MessagingRepository, returned } from './messaging.repository';
import { networkMemberPeopleFrom } from '../../core/access/network-standing.sql';

const directKey = (a: string, b: string) => [a, b].sort().join(':');

/** Conversations: creation, listing, participants, leaving, blocks, unread counts. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly repo: MessagingRepository,
    private readonly live: MessagingRealtime,
  ) {}

  /** The actor's standing in a conversation they take part in; 404 otherwise (absent and forbidden alike). */
  async standing(actor: Actor, conversationId: string): Promise<ConversationStanding> {
    const s = await this.access.conversationStanding(actor, conversationId);
    if (!s) throw AppException.notFound(CONVERSATION);
    return s;
  }

  async get(actor: Actor, conversationId: string): Promise<Conversation> {
    const conversation = await this.repo.conversation(actor.personId, conversationId);
    if (!conversation) throw AppException.notFound(CONVERSATION);
    return conversation;
  }

  /** Direct: the existing conversation with that person (created: false) or a new one. Group: always new. */
  async create(actor: Actor, dto: CreateConversationDto): Promise<{ conversation: Conversation; created: boolean }> {
    const { kind, personId, title, personIds } = dto;
    if (kind === 'direct') {
      if (title !== undefined) throw MessagingErrors.invalidKindFields('title');
      if (personIds !== undefined) throw MessagingErrors.invalidKindFields('personIds');
    } else if (personId !== undefined) throw MessagingErrors.invalidKindFields('personId');
    // The DTO's validation guarantees the fields of each kind.
    if (kind === 'direct' && personId) return this.createDirect(actor, personId.toLowerCase());
    if (kind === 'group' && title && personIds) return { conversation: await this.createGroup(actor, title, personIds), created: true };
    throw MessagingErrors.invalidKindFields('kind');
  }

  private async checkPeople(actor: Actor, personIds: string[], field: string): Promise<void> {
    const refusals = await this.access.messagingRefusals(actor, personIds);
    if (refusals.unknown.length) throw MessagingErrors.unknownPeople(field);
    if (refusals.blocked.length) throw MessagingErrors.blocked();
  }

  private async createDirect(actor: Actor, personId: string): Promise<{ conversation: Conversation; created: boolean }> {
    await this.checkPeople(actor, [personId], 'personId');
    const key = directKey(actor.personId, personId);
    // Two concurrent creations: the unique direct key keeps one, the other finds it.
    const id = await this.db.transaction(async (tx) => {
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO conversations (kind, direct_key, created_by_id) VALUES ('direct', $1, $2) ON CONFLICT (direct_key) DO NOTHING RETURNING id`,
        [key, actor.personId],
      );
      if (!inserted.length) return null;
      await this.insertParticipants(tx, inserted[0].id, [actor.personId, personId], 'member');
      return inserted[0].id;
    });
    const existing = id ?? ((await this.db.query('SELECT id FROM conversations WHERE direct_key = $1', [key])) as { id: string }[])[0].id;
    if (id) this.live.changed(id, [actor.personId, personId]);
    return { conversation: await this.get(actor, existing), created: id !== null };
  }

  private async createGroup(actor: Actor, title: string, personIds: string[]): Promise<Conversation> {
    const others = [...new Set(personIds.map((id) => id.toLowerCase()))].filter((id) => id !== actor.personId);
    if (!others.length) throw MessagingErrors.unknownPeople('personIds');
    await this.checkPeople(actor, others, 'personIds');
    const id = await this.db.transaction(async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO conversations (kind, title, created_by_id) VALUES ('group', $1, $2) RETURNING id`,
        [title, actor.personId],
      );
      await this.insertParticipants(tx, row.id, [actor.personId], 'owner');
      await this.insertParticipants(tx, row.id, others, 'member');
      return row.id;
    });
    this.live.changed(id, [actor.personId, ...others]);
    return this.get(actor, id);
  }

  /** Adds people (or brings back those who left), as members. */
  private async insertParticipants(
    tx: EntityManager,
    conversationId: string,
    personIds: string[],
    role: 'owner' | 'member',
  ): Promise<void> {
    await tx.query(
      `INSERT INTO conversation_participants (conversation_id, person_id, role)
       SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (conversation_id, person_id) DO UPDATE SET left_at = NULL, joined_at = now(), role = EXCLUDED.role
       WHERE conversation_participants.left_at IS NOT NULL`,
      [conversationId, personIds, role],
    );
  }

  async list(actor: Actor, query: ConversationListQueryDto): Promise<Page<ConversationListItem>> {
    const params: unknown[] = [];
    let where = 'TRUE';
    if (query.q) {
      params.push(`%${escapeLike(query.q)}%`);
      where = `(c.title ILIKE $2 OR EXISTS (SELECT 1 FROM conversation_participants o JOIN people op ON op.id = o.person_id
                 WHERE o.conversation_id = c.id AND o.person_id <> me.person_id AND o.left_at IS NULL
                   AND (op.first_name || ' ' || op.last_name ILIKE $2 OR op.last_name || ' ' || op.first_name ILIKE $2)))`;
    }
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM conversations c
       JOIN conversation_participants me ON me.conversation_id = c.id AND me.person_id = $1 AND me.left_at IS NULL WHERE ${where}`,
      [actor.personId, ...params],
    );
    const offset = (query.page - 1) * query.pageSize;
    const conversations = await this.repo.conversations(
      actor.personId,
      where,
      params,
      `ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id LIMIT ${query.pageSize} OFFSET ${offset}`,
    );
    const ids = conversations.map((c) => c.id);
    const last = ids.length
      ? await this.repo.messages(
          `m.id IN (SELECT DISTINCT ON (conversation_id) id FROM messages WHERE conversation_id = ANY($1::uuid[]) ORDER BY conversation_id, seq DESC)`,
          [ids],
        )
      : [];
    return {
      items: conversations.map((c) => ({ ...c, lastMessage: last.find((m) => m.conversationId === c.id) ?? null })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async rename(actor: Actor, conversationId: string, title: string): Promise<Conversation> {
    const s = await this.standing(actor, conversationId);
    this.assertManager(s);
    await this.db.query('UPDATE conversations SET title = $2, updated_at = now() WHERE id = $1', [conversationId, title]);
    this.live.changed(conversationId, await this.repo.participantIds(conversationId));
    return this.get(actor, conversationId);
  }

  async mute(actor: Actor, conversationId: string, muted: boolean): Promise<Conversation> {
    await this.standing(actor, conversationId);
    await this.db.query('UPDATE conversation_participants SET muted = $3 WHERE conversation_id = $1 AND person_id = $2', [
      conversationId,
      actor.personId,
      muted,
    ]);
    return this.get(actor, conversationId);
  }

  private assertManager(s: ConversationStanding): void {
    if (s.kind !== 'group') throw MessagingErrors.groupOnly();
    if (!this.access.canManageConversation(s)) throw MessagingErrors.notOwner();
  }

  async addParticipants(actor: Actor, conversationId: string, dto: AddParticipantsDto): Promise<Conversation> {
    const s = await this.standing(actor, conversationId);
    this.assertManager(s);
    const ids = [...new Set(dto.personIds.map((id) => id.toLowerCase()))];
    await this.checkPeople(actor, ids, 'personIds');
    await this.db.transaction((tx) => this.insertParticipants(tx, conversationId, ids, 'member'));
    this.live.changed(conversationId, await this.repo.participantIds(conversationId));
    return this.get(actor, conversationId);
  }

  async removeParticipant(actor: Actor, conversationId: string, personId: string): Promise<void> {
    const s = await this.standing(actor, conversationId);
    this.assertManager(s);
    if (personId === actor.personId) throw MessagingErrors.unknownPeople('personId');
    const removed = returned(
      await this.db.query(
        `UPDATE conversation_participants SET left_at = now() WHERE conversation_id = $1 AND person_id = $2 AND left_at IS NULL RETURNING person_id`,
        [conversationId, personId],
      ),
    );
    if (!removed.length) throw AppException.notFound(PERSON);
    await this.afterDeparture(conversationId, personId);
  }

  /** Leaves a group; the owner's role passes to the longest-standing member. */
  async leave(actor: Actor, conversationId: string): Promise<void> {
    const s = await this.standing(actor, conversationId);
    if (s.kind !== 'group') throw MessagingErrors.groupOnly();
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE conversation_participants SET left_at = now() WHERE conversation_id = $1 AND person_id = $2', [
        conversationId,
        actor.personId,
      ]);
      if (s.role !== 'owner') return;
      await tx.query(
        `UPDATE conversation_participants SET role = 'owner' WHERE conversation_id = $1 AND person_id =
           (SELECT person_id FROM conversation_participants WHERE conversation_id = $1 AND left_at IS NULL ORDER BY joined_at, person_id LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM conversation_participants WHERE conversation_id = $1 AND left_at IS NULL AND role = 'owner')`,
        [conversationId],
      );
    });
    await this.afterDeparture(conversationId, actor.personId);
  }

  /** The person's sockets leave the room now; everyone refetches the conversation. */
  private async afterDeparture(conversationId: string, personId: string): Promise<void> {
    await this.live.revalidate([personId]);
    this.live.changed(conversationId, [personId, ...(await this.repo.participantIds(conversationId))]);
  }

  // ---------- blocks ----------

  async block(actor: Actor, personId: string): Promise<void> {
    if (personId === actor.personId) throw MessagingErrors.selfBlock();
    const exists: unknown[] = await this.db.query('SELECT 1 FROM people WHERE id = $1', [personId]);
    if (!exists.length) throw AppException.notFound(PERSON);
    await this.db.query('INSERT INTO person_blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      actor.personId,
      personId,
    ]);
    await this.afterBlockChange(actor.personId, personId);
  }

  async unblock(actor: Actor, personId: string): Promise<void> {
    await this.db.query('DELETE FROM person_blocks WHERE blocker_id = $1 AND blocked_id = $2', [actor.personId, personId]);
    await this.afterBlockChange(actor.personId, personId);
  }

  private async afterBlockChange(blockerId: string, blockedId: string): Promise<void> {
    await this.live.revalidate([blockedId]);
    const direct: { id: string }[] = await this.db.query('SELECT id FROM conversations WHERE direct_key = $1', [
      directKey(blockerId, blockedId),
    ]);
    if (direct.length) this.live.changed(direct[0].id, [blockerId, blockedId]);
  }

  /**
   * People the caller may start a conversation with, whose name matches `q` (10 at most): their colleagues, the
   * people of the companies that are active members of a network with one of the caller's companies (whose member
   * lists they see), the staff of the organisations hosting those networks (their animators), for a host's staff
   * their colleagues and the people of the member companies of the networks it hosts, the people they already
   * talk with, and the directory's experts (public). Nobody else is
   * found by name: the members of a private network are not listed to outsiders. Blocked people are left out.
   */
  async contacts(actor: Actor, q: string): Promise<MessagingPerson[]> {
    const rows: { id: string; first_name: string; last_name: string }[] = await this.db.query(
      `WITH my_companies AS (SELECT company_id FROM company_members WHERE person_id = $1),
            my_networks AS (SELECT m.network_id FROM ${networkMemberPeopleFrom('m', { person: '$1', statuses: ['active'] })}),
            my_staff AS (SELECT organization_id FROM organization_staff WHERE person_id = $1),
            known AS (
              SELECT cm.person_id FROM company_members cm WHERE cm.company_id IN (SELECT company_id FROM my_companies)
              UNION SELECT m.person_id FROM ${networkMemberPeopleFrom('m', { statuses: ['active'] })}
                    WHERE m.network_id IN (SELECT network_id FROM my_networks)
              UNION SELECT o.person_id FROM conversation_participants me JOIN conversation_participants o ON o.conversation_id = me.conversation_id
                    WHERE me.person_id = $1
              UNION SELECT s.person_id FROM organization_staff s JOIN networks n ON n.host_organization_id = s.organization_id
                    WHERE n.id IN (SELECT network_id FROM my_networks)
              UNION SELECT s.person_id FROM organization_staff s WHERE s.organization_id IN (SELECT organization_id FROM my_staff)
              UNION SELECT m.person_id FROM ${networkMemberPeopleFrom('m', { statuses: ['active'] })}
                    JOIN networks n ON n.id = m.network_id
                    WHERE n.host_organization_id IN (SELECT organization_id FROM my_staff)
              UNION SELECT p.id FROM people p WHERE p.is_expert)
       SELECT p.id, p.first_name, p.last_name FROM known k JOIN people p ON p.id = k.person_id
       WHERE p.id <> $1 AND (p.first_name || ' ' || p.last_name ILIKE $2 OR p.last_name || ' ' || p.first_name ILIKE $2)
         AND NOT EXISTS (SELECT 1 FROM person_blocks b WHERE (b.blocker_id = p.id AND b.blocked_id = $1) OR (b.blocker_id = $1 AND b.blocked_id = p.id))
         AND p.erased_at IS NULL AND ${this.access.listedInContactsSql('p.id')}
       ORDER BY p.last_name, p.first_name, p.id LIMIT 10`,
      [actor.personId, `%${escapeLike(q)}%`],
    );
    return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name }));
  }

  async blocks(actor: Actor): Promise<MessagingPerson[]> {
    const rows: { id: string; first_name: string; last_name: string }[] = await this.db.query(
      `SELECT p.id, p.first_name, p.last_name FROM person_blocks b JOIN people p ON p.id = b.blocked_id
       WHERE b.blocker_id = $1 ORDER BY p.last_name, p.first_name, p.id`,
      [actor.personId],
    );
    return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name }));
  }

  // ---------- badges ----------

  async unread(actor: Actor): Promise<UnreadSummary> {
    const rows: { conversation_id: string; unread: number }[] = await this.db.query(
      `SELECT me.conversation_id, count(*)::int AS unread FROM conversation_participants me
       JOIN messages m ON m.conversation_id = me.conversation_id AND m.seq > me.last_read_seq AND m.deleted_at IS NULL
         AND m.sender_id IS DISTINCT FROM me.person_id
       WHERE me.person_id = $1 AND me.left_at IS NULL AND NOT me.muted GROUP BY me.conversation_id ORDER BY me.conversation_id`,
      [actor.personId],
    );
    return {
      total: rows.reduce((sum, r) => sum + r.unread, 0),
      conversations: rows.map((r) => ({ conversationId: r.conversation_id, unread: r.unread })),
    };
  }

  async presence(actor: Actor): Promise<PresenceSnapshot> {
    return { online: (await this.live.onlineContacts(actor.personId)).sort() };
  }

  // ---------- steering aggregates (read by the steering module's refresh job) ----------

  /** Who sent a message (not deleted) on which Europe/Paris day in [from, to). Messages belong to no network. */
  async steeringSenders(db: Pick<EntityManager, 'query'>, from: string, to: string): Promise<{ person_id: string; day: string }[]> {
    return db.query(
      `SELECT DISTINCT sender_id AS person_id, (created_at AT TIME ZONE 'Europe/Paris')::date::text AS day FROM messages
       WHERE sender_id IS NOT NULL AND deleted_at IS NULL
         AND created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris') AND created_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')`,
      [from, to],
    );
  }
}
