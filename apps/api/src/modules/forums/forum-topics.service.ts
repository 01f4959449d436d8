import type { ModerationActionKind } from '@maillage/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ForumCategory as ForumCategoryView,
  ForumMentionCandidate,
  ForumOverview,
  ForumPostsAfter,
  ForumShareTarget,
  ForumTopic as ForumTopicView,
  ForumTopicListItem,
  ForumTopicPage,
  Page,
} from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { markdownToText } from '../../core/markdown';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { ModerationService } from '../moderation/moderation.service';
import type {
  CreateForumTopicDto,
  ForumCategoryDto,
  ForumModerationDto,
  ForumPageQueryDto,
  ForumPostsAfterQueryDto,
  ForumTopicListQueryDto,
  UpdateForumCategoryDto,
} from './dto/forum.dto';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { ForumCategory } from './entities/forum-category.entity';
import { ForumTopic } from './entities/forum-topic.entity';
import { ForumNotifier } from './forum-notifier';
import { ForumContextService, type ForumNeed } from './forum-context.service';
import { ForumReader } from './forum-reader';
import { ForumPostsService } from './forum-posts.service';
import { postView, topicView, type TopicContext } from './forum-views';
import { CATEGORY, ForumErrors } from './forums.errors';
import { ForumsRepository } from './forums.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person's rights on a topic, as other modules see them (ForumTopicsService.topicRights). */
export interface TopicRights {
  topicId: string;
  /** The topic's network and the networks it is shared with. */
  networkIds: string[];
  read: boolean;
  /** Post in it now (a locked topic refuses replies except to moderators). */
  reply: boolean;
  moderate: boolean;
  author: boolean;
}

/** Categories, topic lists and pages, opening topics, and the topic-level actions (pin, lock, solve, move, follow, read, share). */
@Injectable()
export class ForumTopicsService implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly context: ForumContextService,
    private readonly repo: ForumsRepository,
    private readonly posts: ForumPostsService,
    private readonly notifier: ForumNotifier,
    private readonly moderation: ModerationService,
    private readonly realtime: RealtimeService,
    private readonly search: SearchIndexer,
    private readonly reader: ForumReader,
  ) {}

  /**
   * Rooms `topic:<id>` (whoever may read the topic) and `forum:<networkId>` (whoever may read the forum: its
   * topic lists follow new topics and replies), checked again after a reconnect.
   */
  onModuleInit(): void {
    const allowed = (check: Promise<unknown>) =>
      check.then(
        () => true,
        () => false,
      );
    this.realtime.registerRoom('topic', async (actor, id) => UUID.test(id) && allowed(this.context.topic(actor, id)));
    this.realtime.registerRoom('forum', async (actor, id) => UUID.test(id) && allowed(this.context.network(actor, id)));
  }

  // ---------- categories ----------

  async overview(actor: MaybeActor, networkId: string): Promise<ForumOverview> {
    const standing = await this.context.network(actor, networkId);
    return {
      networkId,
      categories: await this.repo.categories(networkId),
      canPost: actor !== null && this.access.canPostInForum(standing),
      canModerate: this.access.canModerateForum(standing),
      canManageCategories: this.access.canManageForum(standing),
    };
  }

  async categories(actor: MaybeActor, networkId: string): Promise<ForumCategoryView[]> {
    await this.context.network(actor, networkId);
    return this.repo.categories(networkId);
  }

  async createCategory(actor: Actor, networkId: string, dto: ForumCategoryDto): Promise<ForumCategoryView> {
    await this.context.network(actor, networkId, 'manage');
    const saved = await this.db.manager.save(ForumCategory, {
      networkId,
      name: dto.name,
      description: dto.description ?? null,
      position: dto.position ?? 0,
    });
    return this.category(saved.networkId, saved.id);
  }

  async updateCategory(actor: Actor, categoryId: string, dto: UpdateForumCategoryDto): Promise<ForumCategoryView> {
    const category = await this.categoryFor(actor, categoryId, 'manage');
    const changes: Partial<ForumCategory> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.position !== undefined) changes.position = dto.position;
    if (Object.keys(changes).length) await this.db.manager.update(ForumCategory, categoryId, changes);
    return this.category(category.networkId, categoryId);
  }

  async deleteCategory(actor: Actor, categoryId: string): Promise<void> {
    await this.categoryFor(actor, categoryId, 'manage');
    await this.db.transaction(async (tx) => {
      const [topic] = await tx.query('SELECT 1 FROM forum_topics WHERE category_id = $1 LIMIT 1', [categoryId]);
      if (topic) throw ForumErrors.categoryNotEmpty();
      await tx.delete(ForumCategory, categoryId);
    });
  }

  private async categoryFor(actor: MaybeActor, categoryId: string, need: ForumNeed): Promise<ForumCategory> {
    const category = await this.db.manager.findOneBy(ForumCategory, { id: categoryId });
    if (!category) throw AppException.notFound(CATEGORY);
    await this.context.network(actor, category.networkId, need).catch((error: unknown) => {
      throw error instanceof AppException && error.getStatus() === 404 ? AppException.notFound(CATEGORY) : error;
    });
    return category;
  }

  private async category(networkId: string, categoryId: string): Promise<ForumCategoryView> {
    const found = (await this.repo.categories(networkId)).find((c) => c.id === categoryId);
    if (!found) throw AppException.notFound(CATEGORY);
    return found;
  }

  // ---------- topics ----------

  /** A page of a network's topic list (ForumReader: kept while current). */
  list(actor: MaybeActor, networkId: string, query: ForumTopicListQueryDto): Promise<Page<ForumTopicListItem>> {
    return this.reader.list(actor, networkId, query);
  }

  /** A topic page with its posts (ForumReader: kept while current). */
  page(actor: MaybeActor, topicId: string, query: ForumPageQueryDto): Promise<ForumTopicPage> {
    return this.reader.page(actor, topicId, query);
  }

  /** The posts after a sequence number (what a client missed while disconnected). */
  async postsAfter(actor: MaybeActor, topicId: string, query: ForumPostsAfterQueryDto): Promise<ForumPostsAfter> {
    const ctx = await this.context.topic(actor, topicId);
    const rows = await this.repo.posts(actor, ctx.row.id, { after: query.after, limit: query.limit + 1 });
    return { items: rows.slice(0, query.limit).map((row) => postView(ctx, actor, row)), hasMore: rows.length > query.limit };
  }

  /**
   * What a person may do with a topic, for the modules that attach something to topics (polls): the same decision
   * as the topic page (404 when the topic is absent, deleted or unreadable for them).
   */
  async topicRights(actor: MaybeActor, topicId: string): Promise<TopicRights> {
    const ctx = await this.context.topic(actor, topicId);
    const { rights } = ctx;
    return {
      topicId: ctx.row.id,
      networkIds: ctx.networkIds,
      read: rights.read,
      reply: rights.reply,
      moderate: rights.moderate,
      author: rights.author,
    };
  }

  async get(actor: MaybeActor, topicId: string): Promise<ForumTopicView> {
    return topicView(await this.context.topic(actor, topicId), actor);
  }

  async create(actor: Actor, networkId: string, dto: CreateForumTopicDto): Promise<ForumTopicView> {
    await this.context.network(actor, networkId, 'post');
    const [category] = await this.db.query('SELECT 1 FROM forum_categories WHERE id = $1 AND network_id = $2', [dto.categoryId, networkId]);
    if (!category) throw ForumErrors.invalidCategory();
    const prepared = await this.posts.prepare({ networkIds: [networkId], topicId: null }, actor, dto.body);
    const [network]: { name: string }[] = await this.db.query('SELECT name FROM networks WHERE id = $1', [networkId]);
    const topicId = await this.db.transaction(async (tx) => {
      await this.moderation.assertMayPost(tx, { networkId, personId: actor.personId });
      const topic = await tx.save(
        ForumTopic,
        tx.create(ForumTopic, {
          networkId,
          categoryId: dto.categoryId,
          authorId: actor.personId,
          title: dto.title,
          postCount: 1,
          lastSequence: 1,
          lastPostAt: new Date(),
          lastPostAuthorId: actor.personId,
        }),
      );
      await this.posts.insert(tx, { topicId: topic.id, sequence: 1, authorId: actor.personId, quotePostId: null }, prepared, {
        ids: dto.attachmentIds ?? [],
        networkIds: [networkId],
      });
      await this.posts.markParticipation(tx, topic.id, actor.personId, 1);
      await this.search.enqueue(tx, 'topic', [topic.id]);
      await this.posts.notify(tx, { id: topic.id, title: dto.title, networkName: network.name }, prepared, 1);
      await this.notifier.newTopic(tx, {
        id: topic.id,
        networkId,
        title: dto.title,
        networkName: network.name,
        authorId: actor.personId,
        authorName: prepared.audience.authorName,
        excerpt: markdownToText(prepared.body, 300),
      });
      return topic.id;
    });
    this.notifier.activity(topicId, [networkId]);
    return this.get(actor, topicId);
  }

  /** The title: its author (while they may post and the topic is open) or a moderator. */
  async update(actor: Actor, topicId: string, title: string): Promise<ForumTopicView> {
    const ctx = await this.context.topic(actor, topicId);
    if (!ctx.rights.moderate && !ctx.rights.editOwn) {
      if (ctx.rights.author && ctx.row.locked) throw ForumErrors.locked();
      throw AppException.forbidden();
    }
    await this.db.transaction(async (tx) => {
      await tx.update(ForumTopic, topicId, { title });
      await this.search.enqueue(tx, 'topic', [topicId]);
    });
    return this.get(actor, topicId);
  }

  /** Soft delete by its author or a moderator (audited when a moderator deletes someone else's topic). */
  async remove(actor: Actor, topicId: string, dto: ForumModerationDto): Promise<void> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assert(ctx.rights.moderate || (ctx.rights.author && ctx.rights.post));
    await this.moderated(ctx, actor, ctx.rights.author ? null : 'delete_topic', { deletedAt: new Date() }, { reason: dto.reason ?? null });
  }

  async pin(actor: Actor, topicId: string, pinned: boolean): Promise<ForumTopicView> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assert(ctx.rights.moderate);
    await this.moderated(ctx, actor, pinned ? 'pin' : 'unpin', { pinned });
    return this.get(actor, topicId);
  }

  async lock(actor: Actor, topicId: string, locked: boolean): Promise<ForumTopicView> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assert(ctx.rights.moderate);
    await this.moderated(ctx, actor, locked ? 'lock' : 'unlock', { locked });
    return this.get(actor, topicId);
  }

  /** The solution: a visible post of the topic, chosen by the topic's author or a moderator. */
  async solve(actor: Actor, topicId: string, postId: string | null): Promise<ForumTopicView> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assert(ctx.rights.moderate || (ctx.rights.author && ctx.rights.post));
    if (postId) {
      const [post] = await this.db.query(
        'SELECT 1 FROM forum_posts WHERE id = $1 AND topic_id = $2 AND hidden_at IS NULL AND deleted_at IS NULL',
        [postId, topicId],
      );
      if (!post) throw ForumErrors.invalidSolution();
    }
    await this.moderated(ctx, actor, postId ? 'solve' : 'unsolve', { solvedPostId: postId }, { details: { postId } });
    return this.get(actor, topicId);
  }

  /** Moves the topic to another category of the same network (moderators); any other category is refused alike. */
  async move(actor: Actor, topicId: string, categoryId: string): Promise<ForumTopicView> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assert(ctx.rights.moderate);
    const [category] = await this.db.query('SELECT 1 FROM forum_categories WHERE id = $1 AND network_id = $2', [
      categoryId,
      ctx.row.network_id,
    ]);
    if (!category) throw ForumErrors.invalidCategory();
    await this.moderated(ctx, actor, 'move', { categoryId }, { details: { from: ctx.row.category_id, to: categoryId } });
    return this.get(actor, topicId);
  }

  /** Updates the topic and writes the audit row in one transaction (`action` null: the author's own change, not audited). */
  private async moderated(
    ctx: TopicContext,
    actor: Actor,
    action: ModerationActionKind | null,
    changes: Partial<ForumTopic>,
    extra: { reason?: string | null; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.db.transaction(async (tx: EntityManager) => {
      await tx.update(ForumTopic, ctx.row.id, changes);
      // Deletions leave the index first.
      await this.search.enqueue(tx, 'topic', [ctx.row.id], { priority: changes.deletedAt ? 0 : 1 });
      if (action) {
        await this.context.audit(tx, ctx, actor.personId, action, { kind: 'forum_topic', id: ctx.row.id }, extra);
      }
    });
  }

  async follow(actor: Actor, topicId: string, following: boolean): Promise<ForumTopicView> {
    await this.context.topic(actor, topicId);
    if (following) {
      await this.db.query('INSERT INTO forum_topic_follows (topic_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        topicId,
        actor.personId,
      ]);
    } else {
      await this.db.query('DELETE FROM forum_topic_follows WHERE topic_id = $1 AND person_id = $2', [topicId, actor.personId]);
    }
    return this.get(actor, topicId);
  }

  /** Moves the read marker forward (never past the last post). */
  async markRead(actor: Actor, topicId: string, sequence: number): Promise<void> {
    const ctx = await this.context.topic(actor, topicId);
    await this.posts.markRead(this.db, topicId, actor.personId, Math.min(sequence, ctx.row.last_sequence));
  }

  // ---------- sharing with sibling networks ----------

  /**
   * For the topic's managers: the sibling networks (same federation, accepted links) they also manage, where they
   * may share it, and the networks it is already shared with.
   */
  async shareTargets(actor: Actor, topicId: string): Promise<ForumShareTarget[]> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assert(ctx.rights.share);
    return (await this.targets(actor, ctx))
      .filter((t) => t.shared || t.sharable)
      .map(({ networkId, name, shared }) => ({ networkId, name, shared }));
  }

  /**
   * Shares a topic into a sibling network the caller manages (AccessPolicy.canShareInto), or takes it out: the
   * topic's managers, or the moderators of the network it was shared into (AccessPolicy.canRemoveSharedFrom).
   * Answers the networks the caller may still act on.
   */
  async share(actor: Actor, topicId: string, networkId: string, shared: boolean): Promise<ForumShareTarget[]> {
    const ctx = await this.context.topic(actor, topicId);
    const target = (await this.targets(actor, ctx)).find((t) => t.networkId === networkId);
    if (shared) {
      this.context.assert(ctx.rights.share);
      if (!target?.sharable) throw ForumErrors.invalidShareTarget();
    } else {
      this.context.assert(ctx.rights.share || ctx.removableFrom.includes(networkId));
      if (!target) throw ForumErrors.invalidShareTarget();
    }
    await this.db.transaction(async (tx) => {
      if (shared) {
        await tx.query('INSERT INTO forum_topic_shares (topic_id, network_id, shared_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          topicId,
          networkId,
          actor.personId,
        ]);
      } else {
        await tx.query('DELETE FROM forum_topic_shares WHERE topic_id = $1 AND network_id = $2', [topicId, networkId]);
      }
      await this.context.audit(
        tx,
        ctx,
        actor.personId,
        shared ? 'share' : 'unshare',
        { kind: 'forum_topic', id: topicId },
        { details: { networkId } },
      );
      await this.search.enqueue(tx, 'topic', [topicId], { priority: 0 });
    });
    if (ctx.rights.share) return this.shareTargets(actor, topicId);
    // A moderator of the receiving network who no longer reads the topic gets the empty list.
    return [];
  }

  private async targets(actor: Actor, ctx: TopicContext): Promise<(ForumShareTarget & { sharable: boolean })[]> {
    const rows: { id: string; name: string; sibling: boolean; shared: boolean }[] = await this.db.query(
      `SELECT n.id, n.name,
              EXISTS (SELECT 1 FROM network_parents mine JOIN network_parents sib ON sib.parent_id = mine.parent_id AND sib.status = 'accepted'
                      WHERE mine.network_id = $1 AND mine.status = 'accepted' AND sib.network_id = n.id) AS sibling,
              EXISTS (SELECT 1 FROM forum_topic_shares s WHERE s.topic_id = $2 AND s.network_id = n.id) AS shared
       FROM networks n
       WHERE n.id <> $1 AND (n.id IN (SELECT sib.network_id FROM network_parents mine JOIN network_parents sib ON sib.parent_id = mine.parent_id AND sib.status = 'accepted'
                                      WHERE mine.network_id = $1 AND mine.status = 'accepted')
                             OR n.id IN (SELECT s.network_id FROM forum_topic_shares s WHERE s.topic_id = $2))
       ORDER BY n.name, n.id`,
      [ctx.row.network_id, ctx.row.id],
    );
    const standings = await this.access.networkStandings(
      actor,
      rows.map((r) => r.id),
    );
    return rows.flatMap((r) => {
      const standing = standings.get(r.id) ?? null;
      if (!this.access.canSeeNetwork(standing)) return [];
      return [{ networkId: r.id, name: r.name, shared: r.shared, sharable: r.sibling && this.access.canShareInto(standing) }];
    });
  }

  // ---------- mentions ----------

  /** Autocomplete for the composer: people of the network's active member companies (for those who may post there). */
  async mentionCandidates(actor: Actor, networkId: string, q: string | undefined): Promise<ForumMentionCandidate[]> {
    await this.context.network(actor, networkId, 'post');
    return this.repo.mentionCandidates(networkId, q, actor.personId);
  }
}
