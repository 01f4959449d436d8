import type { ModerationActionKind } from '@maillage/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { ModerationService } from '../moderation/moderation.service';
import { FORUM, ForumErrors, POST, TOPIC } from './forums.errors';
import { ForumsRepository } from './forums.repository';
import type { TopicContext } from './forum-views';

export type ForumNeed = 'read' | 'post' | 'moderate' | 'manage';

/**
 * A read started side by side with the access check (one round trip less): its result is used only once the
 * check allowed it, and a refusal leaves no unhandled rejection behind.
 */
export function besideCheck<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/**
 * Loads what the access policy needs to decide on a forum, a topic or a post, and applies its
 * answer: an object the caller may not read is "not found", whatever the reason.
 */
@Injectable()
export class ForumContextService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repo: ForumsRepository,
    private readonly moderation: ModerationService,
  ) {}

  /** The audit row of a moderation action on a topic or post of `ctx`, in the caller's transaction. */
  async audit(
    tx: EntityManager,
    ctx: TopicContext,
    actorId: string,
    action: ModerationActionKind,
    target: { kind: 'forum_topic' | 'forum_post'; id: string },
    extra: { reason?: string | null; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.moderation.audit(tx, {
      networkId: ctx.row.network_id,
      actorPersonId: actorId,
      action,
      targetKind: target.kind,
      targetId: target.id,
      reason: extra.reason ?? null,
      details: extra.details ?? null,
    });
  }

  /** The caller's standing in a network whose forum they may read; 404 otherwise, 403 when they read but lack `need`. */
  async network(actor: MaybeActor, networkId: string, need: ForumNeed = 'read'): Promise<NetworkStanding> {
    return this.allow(actor, await this.access.networkStanding(actor, networkId), need);
  }

  /** The same decision on a standing the caller read with something else. */
  allow(actor: MaybeActor, standing: NetworkStanding | null, need: ForumNeed = 'read'): NetworkStanding {
    if (!this.access.canReadForum(standing)) throw AppException.notFound(FORUM);
    const allowed = {
      read: true,
      post: actor !== null && this.access.canPostInForum(standing),
      moderate: this.access.canModerateForum(standing),
      manage: this.access.canManageForum(standing),
    }[need];
    if (!allowed) throw AppException.forbidden();
    return standing;
  }

  /**
   * A topic the caller may read (one query: the topic with the caller's standings in its networks and, given
   * posts of the topic, the caller's reactions on them), or 404.
   */
  async topic(actor: MaybeActor, topicId: string, reactionsOn?: string[]): Promise<TopicContext> {
    const row = await this.repo.topic(actor, topicId, undefined, reactionsOn);
    if (!row) throw AppException.notFound(TOPIC);
    const networkIds = [row.network_id, ...(row.shared_ids ?? [])];
    const standings = this.access.networkStandingsOf(actor, row.standings);
    const home = standings.get(row.network_id);
    if (!home) throw AppException.notFound(TOPIC);
    const shared = (row.shared_ids ?? []).flatMap((id) => standings.get(id) ?? []);
    const rights = this.access.forumTopicRights(
      actor,
      { authorId: row.author_id, locked: row.locked, deleted: row.deleted_at !== null },
      home,
      shared,
    );
    if (!rights.read) throw AppException.notFound(TOPIC);
    const removableFrom = (row.shared_ids ?? []).filter((id) => {
      const standing = standings.get(id);
      return standing !== undefined && this.access.canRemoveSharedFrom(standing);
    });
    return { row, home, shared, networkIds, rights, removableFrom };
  }

  /** The topic of a post the caller may read, or 404 (for the post). */
  async topicOfPost(actor: MaybeActor, postId: string): Promise<TopicContext> {
    const topicId = await this.repo.topicIdOfPost(postId);
    if (!topicId) throw AppException.notFound(POST);
    try {
      return await this.topic(actor, topicId);
    } catch (error) {
      if (error instanceof AppException && error.getStatus() === 404) throw AppException.notFound(POST);
      throw error;
    }
  }

  /** 403 unless the rights allow it (the topic is already known to be readable). */
  assert(allowed: boolean): void {
    if (!allowed) throw AppException.forbidden();
  }

  /** Replying or editing: a locked topic gives its own clear error. */
  assertReply(ctx: TopicContext): void {
    if (ctx.rights.reply) return;
    if (ctx.rights.post && ctx.row.locked) throw ForumErrors.locked();
    throw AppException.forbidden();
  }
}
