import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { type FileToSend, type UploadSource } from '../../core/storage/upload-source';
import { DataSource, EntityManager } from 'typeorm';
import {
  FORUM_ATTACHMENT_TYPES,
  FORUM_REACTIONS,
  type ForumAttachment as ForumAttachmentView,
  type ForumPost as ForumPostView,
  type ForumPostRevision as ForumPostRevisionView,
  type ForumReaction,
  type ForumReactionSummary,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { markdownToText, renderMarkdown } from '../../core/markdown';
import { AfterCommit } from '../../core/database/after-commit';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService } from '../../core/storage/files.service';
import { ModerationService } from '../moderation/moderation.service';
import type { ReportableTarget } from '../moderation/moderation.types';
import type { CreateForumPostDto, ForumModerationDto, UpdateForumPostDto } from './dto/forum.dto';
import { ForumAttachment } from './entities/forum-attachment.entity';
import { ForumPostRevision } from './entities/forum-post-revision.entity';
import { ForumPost } from './entities/forum-post.entity';
import { ForumContextService } from './forum-context.service';
import { ForumNotifier, type PostAudience } from './forum-notifier';
import { attachmentUrl, NO_RIGHTS, postPath, postRights, postView, type TopicContext } from './forum-views';
import { ATTACHMENT, ForumErrors, POST } from './forums.errors';
import { ForumsRepository, type PostRow } from './forums.repository';

/** A post ready to be written: its HTML (mentions resolved by the policy) and who to notify. */
export interface PreparedPost {
  body: string;
  html: string;
  audience: PostAudience;
}

/** Posts: replies, edits with history, soft delete, moderation (hide/restore), reactions, attachments. */
@Injectable()
export class ForumPostsService implements OnModuleInit {
  private readonly logger = new Logger('Forums');

  constructor(
    private readonly db: DataSource,
    private readonly context: ForumContextService,
    private readonly repo: ForumsRepository,
    private readonly notifier: ForumNotifier,
    private readonly moderation: ModerationService,
    private readonly files: FilesService,
    private readonly search: SearchIndexer,
  ) {}

  /** Work to do once a transaction that is not ours commits. */
  private afterCommit!: AfterCommit;

  onModuleInit(): void {
    this.afterCommit = new AfterCommit(this.db);
    this.moderation.registerResolver({
      kind: 'forum_post',
      load: (actor, id) => this.reportable(actor, id),
      // Decided in the moderation queue, inside moderation's transaction: the viewers are told after its commit.
      setHidden: async (actor, id, hidden, manager) => {
        if (!(await this.applyHidden(manager, actor?.personId ?? null, id, hidden, null))) return;
        this.afterCommit.run(manager, () => void this.emitUpdated(id));
      },
    });
  }

  /** Tells the topic's room that a post changed (its viewer-neutral version). */
  private async emitUpdated(postId: string): Promise<void> {
    try {
      const topicId = await this.repo.topicIdOfPost(postId);
      const row = topicId ? await this.repo.topic(null, topicId) : null;
      const [post] = row ? await this.repo.posts(null, row.id, { id: postId }) : [];
      if (row && post) this.notifier.emit('forum:post-updated', postView({ row, rights: NO_RIGHTS }, null, post, true));
    } catch (error) {
      this.logger.warn(`Real-time update of post ${postId} failed: ${(error as Error).message}`);
    }
  }

  // ---------- writing ----------

  /** Renders the Markdown (mentions of people who may not be mentioned become plain text) and finds who to notify. */
  async prepare(
    where: { networkIds: string[]; topicId: string | null },
    actor: Actor,
    body: string,
    alreadyMentioned?: string[],
  ): Promise<PreparedPost> {
    const audience = await this.notifier.audience(where, actor.personId, body, { alreadyMentioned });
    const html = renderMarkdown(body, { mention: (id) => audience.mentioned.get(id) ?? null });
    return { body, html, audience };
  }

  /** Inserts a post with its mentions and attachments, inside the caller's transaction. */
  async insert(
    tx: EntityManager,
    post: { topicId: string; sequence: number; authorId: string; quotePostId: string | null },
    prepared: PreparedPost,
    attachments: { ids: string[]; networkIds: string[] },
  ): Promise<string> {
    const { id } = await tx.save(ForumPost, tx.create(ForumPost, { ...post, body: prepared.body, html: prepared.html }));
    await this.addMentions(tx, id, prepared);
    if (attachments.ids.length) {
      const [rows]: [{ id: string }[]] = await tx.query(
        `UPDATE forum_attachments SET post_id = $1
         WHERE id = ANY($2::uuid[]) AND post_id IS NULL AND uploader_id = $3 AND network_id = ANY($4::uuid[]) RETURNING id`,
        [id, attachments.ids, post.authorId, attachments.networkIds],
      );
      if (rows.length !== new Set(attachments.ids).size) throw ForumErrors.invalidAttachments();
    }
    return id;
  }

  private async addMentions(tx: EntityManager, postId: string, prepared: PreparedPost): Promise<void> {
    const ids = [...prepared.audience.mentioned.keys()];
    if (ids.length) {
      await tx.query('INSERT INTO forum_mentions (post_id, person_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [postId, ids]);
    }
  }

  /** The e-mails to mentioned people and followers, written in the post's transaction. */
  notify(
    tx: EntityManager,
    topic: { id: string; title: string; networkName: string },
    prepared: PreparedPost,
    sequence: number,
  ): Promise<void> {
    return this.notifier.sendMails(tx, topic, prepared.audience, { sequence, body: prepared.body });
  }

  /** The author follows the topics they write in and has read up to their own post. */
  async markParticipation(tx: EntityManager, topicId: string, personId: string, sequence: number): Promise<void> {
    await tx.query('INSERT INTO forum_topic_follows (topic_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [topicId, personId]);
    await this.markRead(tx, topicId, personId, sequence);
  }

  async markRead(db: Pick<EntityManager, 'query'>, topicId: string, personId: string, sequence: number): Promise<void> {
    await db.query(
      `INSERT INTO forum_topic_reads (topic_id, person_id, last_read_sequence) VALUES ($1, $2, $3)
       ON CONFLICT (topic_id, person_id) DO UPDATE SET last_read_sequence = GREATEST(forum_topic_reads.last_read_sequence, EXCLUDED.last_read_sequence), updated_at = now()`,
      [topicId, personId, sequence],
    );
  }

  async create(actor: Actor, topicId: string, dto: CreateForumPostDto): Promise<ForumPostView> {
    const ctx = await this.context.topic(actor, topicId);
    this.context.assertReply(ctx);
    const quotePostId = dto.quotePostId ?? null;
    if (quotePostId) {
      const [quoted] = await this.db.query(
        'SELECT 1 FROM forum_posts WHERE id = $1 AND topic_id = $2 AND hidden_at IS NULL AND deleted_at IS NULL',
        [quotePostId, topicId],
      );
      if (!quoted) throw ForumErrors.invalidQuote();
    }
    const prepared = await this.prepare({ networkIds: ctx.networkIds, topicId }, actor, dto.body);
    const id = await this.db.transaction(async (tx) => {
      await this.moderation.assertMayPost(tx, { networkId: ctx.row.network_id, personId: actor.personId });
      const [rows]: [{ last_sequence: number }[]] = await tx.query(
        `UPDATE forum_topics SET last_sequence = last_sequence + 1, post_count = post_count + 1, last_post_at = now(),
                last_post_author_id = $2, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL AND (NOT locked OR $3) RETURNING last_sequence`,
        [topicId, actor.personId, ctx.rights.moderate],
      );
      if (!rows.length) throw ForumErrors.locked();
      const next = rows[0].last_sequence;
      const postId = await this.insert(tx, { topicId, sequence: next, authorId: actor.personId, quotePostId }, prepared, {
        ids: dto.attachmentIds ?? [],
        networkIds: ctx.networkIds,
      });
      await this.markParticipation(tx, topicId, actor.personId, next);
      await this.notify(tx, { id: topicId, title: ctx.row.title, networkName: ctx.row.network_name }, prepared, next);
      return postId;
    });
    return this.afterWrite(ctx, actor, id, 'forum:post-created');
  }

  async update(actor: Actor, postId: string, dto: UpdateForumPostDto): Promise<ForumPostView> {
    const { ctx, row } = await this.load(actor, postId);
    if (!postRights(ctx, actor, row).edit) {
      if (row.author_id === actor.personId && ctx.row.locked && row.deleted_at === null) throw ForumErrors.locked();
      throw AppException.forbidden();
    }
    const already: { person_id: string }[] = await this.db.query('SELECT person_id FROM forum_mentions WHERE post_id = $1', [postId]);
    const prepared = await this.prepare(
      { networkIds: ctx.networkIds, topicId: null },
      actor,
      dto.body,
      already.map((m) => m.person_id),
    );
    await this.db.transaction(async (tx) => {
      await tx.insert(ForumPostRevision, { postId, body: row.body, html: row.html, editorId: actor.personId });
      await tx.update(ForumPost, postId, { body: prepared.body, html: prepared.html, editedAt: new Date() });
      await this.addMentions(tx, postId, prepared);
      await this.notify(tx, { id: ctx.row.id, title: ctx.row.title, networkName: ctx.row.network_name }, prepared, row.sequence);
      // The opening post is the topic's text in search.
      if (row.sequence === 1) await this.search.enqueue(tx, 'topic', [ctx.row.id]);
    });
    return this.afterWrite(ctx, actor, postId, 'forum:post-updated');
  }

  /** Soft delete by the author or a moderator (audited when a moderator deletes someone else's post). */
  async remove(actor: Actor, postId: string, dto: ForumModerationDto): Promise<ForumPostView> {
    const { ctx, row } = await this.load(actor, postId);
    if (!postRights(ctx, actor, row).delete) {
      if (row.sequence === 1 && row.deleted_at === null) throw ForumErrors.openingPost();
      if (row.author_id === actor.personId && ctx.row.locked && row.deleted_at === null) throw ForumErrors.locked();
      throw AppException.forbidden();
    }
    await this.db.transaction(async (tx) => {
      await tx.update(ForumPost, postId, { deletedAt: new Date(), deletedBy: actor.personId });
      await tx.query(
        `UPDATE forum_topics SET post_count = post_count - $2::int,
                solved_post_id = CASE WHEN solved_post_id = $3 THEN NULL ELSE solved_post_id END
         WHERE id = $1`,
        [ctx.row.id, row.hidden_at ? 0 : 1, postId],
      );
      if (row.author_id !== actor.personId) {
        await this.context.audit(tx, ctx, actor.personId, 'delete', { kind: 'forum_post', id: postId }, { reason: dto.reason });
      }
    });
    return this.afterWrite(ctx, actor, postId, 'forum:post-updated');
  }

  /** Hides or restores a post (moderators), audited. */
  async setHidden(actor: Actor, postId: string, hidden: boolean, dto: ForumModerationDto): Promise<ForumPostView> {
    const { ctx, row } = await this.load(actor, postId);
    this.context.assert(ctx.rights.moderate);
    if (row.deleted_at) throw ForumErrors.postGone();
    await this.db.transaction(async (tx) => {
      if (!(await this.applyHidden(tx, actor.personId, postId, hidden, dto.reason ?? null))) return;
      await this.context.audit(
        tx,
        ctx,
        actor.personId,
        hidden ? 'hide' : 'restore',
        { kind: 'forum_post', id: postId },
        { reason: dto.reason },
      );
    });
    return this.afterWrite(ctx, actor, postId, 'forum:post-updated');
  }

  /** Hides or restores inside a transaction; false when the post was already in that state (or deleted). */
  private async applyHidden(
    tx: EntityManager,
    actorId: string | null,
    postId: string,
    hidden: boolean,
    reason: string | null,
  ): Promise<boolean> {
    const [rows]: [{ topic_id: string }[]] = await tx.query(
      `UPDATE forum_posts SET hidden_at = CASE WHEN $2 THEN now() END, hidden_by = CASE WHEN $2 THEN $3::uuid END,
              hidden_reason = CASE WHEN $2 THEN $4 END
       WHERE id = $1 AND deleted_at IS NULL AND (hidden_at IS NULL) = $2 RETURNING topic_id`,
      [postId, hidden, actorId, reason],
    );
    if (!rows.length) return false;
    await tx.query('UPDATE forum_topics SET post_count = post_count + $2::int WHERE id = $1', [rows[0].topic_id, hidden ? -1 : 1]);
    // A hidden opening post leaves the topic's search text at once.
    await this.search.enqueue(tx, 'topic', [rows[0].topic_id], { priority: hidden ? 0 : 1 });
    return true;
  }

  // ---------- reading ----------

  async get(actor: MaybeActor, postId: string): Promise<ForumPostView> {
    const { ctx, row } = await this.load(actor, postId);
    return postView(ctx, actor, row);
  }

  async revisions(actor: MaybeActor, postId: string): Promise<ForumPostRevisionView[]> {
    const { ctx, row } = await this.load(actor, postId);
    if (row.deleted_at || (row.hidden_at && !ctx.rights.moderate)) throw AppException.notFound(POST);
    const revisions = await this.db.manager.find(ForumPostRevision, { where: { postId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return revisions.map((r) => ({ id: r.id, html: r.html, markdown: r.body, editorId: r.editorId, createdAt: r.createdAt.toISOString() }));
  }

  // ---------- reactions ----------

  async react(actor: Actor, postId: string, reaction: string, on: boolean): Promise<ForumReactionSummary[]> {
    if (!FORUM_REACTIONS.includes(reaction as ForumReaction)) throw ForumErrors.invalidReaction();
    const { ctx, row } = await this.load(actor, postId);
    this.context.assertReply(ctx);
    if (row.deleted_at || row.hidden_at) throw ForumErrors.postGone();
    if (on) {
      await this.db.query('INSERT INTO forum_reactions (post_id, person_id, reaction) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        postId,
        actor.personId,
        reaction,
      ]);
    } else {
      await this.db.query('DELETE FROM forum_reactions WHERE post_id = $1 AND person_id = $2 AND reaction = $3', [
        postId,
        actor.personId,
        reaction,
      ]);
    }
    const view = await this.afterWrite(ctx, actor, postId, 'forum:post-updated');
    return view.reactions;
  }

  // ---------- attachments ----------

  /** Uploads a file for a post to come in this network's forum (people who may post there). */
  async upload(actor: Actor, networkId: string, source: UploadSource): Promise<ForumAttachmentView> {
    await this.context.network(actor, networkId, 'post');
    const upload = await this.files.receive(source);
    const { attachment, file } = await this.db.transaction(async (tx) => {
      const stored = await this.files.store(
        upload,
        { allowedTypes: FORUM_ATTACHMENT_TYPES, isPublic: false, uploadedById: actor.personId },
        tx,
      );
      const saved = await tx.save(
        ForumAttachment,
        tx.create(ForumAttachment, { networkId, fileId: stored.id, uploaderId: actor.personId, postId: null }),
      );
      return { attachment: saved, file: stored };
    });
    return {
      id: attachment.id,
      fileName: file.originalName,
      contentType: file.mimeType,
      size: file.size,
      isImage: file.mimeType.startsWith('image/'),
      url: attachmentUrl(attachment.id),
    };
  }

  /** Serves an attachment to whoever may read its post (its uploader only while it is not attached yet). */
  async download(actor: MaybeActor, attachmentId: string): Promise<FileToSend> {
    const attachment = await this.db.manager.findOneBy(ForumAttachment, { id: attachmentId });
    if (!attachment) throw AppException.notFound(ATTACHMENT);
    if (attachment.postId === null) {
      if (actor?.personId !== attachment.uploaderId) throw AppException.notFound(ATTACHMENT);
    } else {
      const loaded = await this.load(actor, attachment.postId).catch(() => null);
      const visible = loaded && !loaded.row.deleted_at && (!loaded.row.hidden_at || loaded.ctx.rights.moderate);
      if (!visible) throw AppException.notFound(ATTACHMENT);
    }
    const file = await this.files.find(attachment.fileId);
    if (!file) throw AppException.notFound(ATTACHMENT);
    return { file };
  }

  // ---------- moderation resolver ----------

  private async reportable(actor: MaybeActor, postId: string): Promise<ReportableTarget | null> {
    const loaded = await this.load(actor, postId).catch((error: unknown) => {
      if (error instanceof AppException && error.getStatus() === 404) return null;
      throw error;
    });
    if (!loaded || loaded.row.deleted_at) return null;
    const { ctx, row } = loaded;
    return {
      networkId: ctx.row.network_id,
      authorPersonId: row.author_id,
      excerpt: markdownToText(row.body, 200),
      url: postPath(ctx.row.id, row.sequence),
      hidden: row.hidden_at !== null,
    };
  }

  // ---------- helpers ----------

  private async load(actor: MaybeActor, postId: string): Promise<{ ctx: TopicContext; row: PostRow }> {
    const ctx = await this.context.topicOfPost(actor, postId);
    const [row] = await this.repo.posts(actor, ctx.row.id, { id: postId });
    if (!row) throw AppException.notFound(POST);
    return { ctx, row };
  }

  /**
   * After the commit: the post as the caller sees it, and the viewer-neutral version to the topic's
   * room. The topic row is read again (its solution, lock and counters may have changed).
   */
  async afterWrite(
    ctx: TopicContext,
    actor: MaybeActor,
    postId: string,
    event: 'forum:post-created' | 'forum:post-updated',
  ): Promise<ForumPostView> {
    const fresh = (await this.repo.topic(actor, ctx.row.id)) ?? ctx.row;
    const current = { ...ctx, row: fresh };
    const [row] = await this.repo.posts(actor, fresh.id, { id: postId });
    this.notifier.emit(event, postView(current, null, row, true));
    if (event === 'forum:post-created') this.notifier.activity(ctx.row.id, ctx.networkIds);
    return postView(current, actor, row);
  }
}
