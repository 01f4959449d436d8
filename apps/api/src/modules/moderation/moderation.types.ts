import type { EntityManager } from 'typeorm';
import type { ModerationActionKind, ModerationTargetKind, ReportTargetKind } from '@maillage/contracts';
import type { MaybeActor } from '../../core/access/actor';

export type { ReportTargetKind } from '@maillage/contracts';

/** What moderation needs to know of a reportable object (a forum post, later a message, an event…). */
export interface ReportableTarget {
  networkId: string;
  authorPersonId: string | null;
  /** Short plain text shown in the moderation queue (the resolver shortens and strips markup). */
  excerpt: string;
  /** Path in the web app, e.g. `/networks/<id>/forums/topics/<id>#post-<id>`. */
  url: string;
  hidden: boolean;
}

/**
 * Registered by the feature that owns a reportable kind (ForumsModule registers 'forum_post' in its
 * service's onModuleInit: `moderation.registerResolver({ kind: 'forum_post', load, setHidden })`).
 */
export interface ReportableResolver {
  kind: ReportTargetKind;
  /**
   * The target as this actor may see it, or null when it does not exist or the actor may not see it
   * (moderation then answers 404). Moderation also calls it with the actor deciding a report.
   */
  load(actor: MaybeActor, id: string): Promise<ReportableTarget | null>;
  /** Hides or restores the target, inside moderation's transaction (use only `manager`). */
  setHidden(actor: MaybeActor, id: string, hidden: boolean, manager: EntityManager): Promise<void>;
}

/** One row of the audit log, written in the caller's transaction by ModerationService.audit(). */
export interface AuditEntry {
  networkId: string;
  actorPersonId: string | null;
  /** 'hide' | 'restore' | 'dismiss' | 'warn' | 'ban' | 'unban' | a feature's own verb (≤ 32 chars). */
  action: ModerationActionKind;
  targetKind: ModerationTargetKind;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** Who posts where, for ModerationService.assertMayPost(). */
export interface PostingKey {
  networkId: string;
  personId: string;
}

export interface PostingWindowLimits {
  /** At most `perTenMinutes` posts in any 10 minutes… */
  perTenMinutes: number;
  /** …and `perDay` in any 24 hours. */
  perDay: number;
}

export interface PostingLimits {
  /** People none of whose companies has been an active member of the network for `newMemberDays` days. */
  newMember: PostingWindowLimits;
  established: PostingWindowLimits;
  newMemberDays: number;
}

/**
 * Defaults. Moderators, animators, host staff and platform admins are not limited. Tests that post
 * many times may raise them: `app.get(ModerationService).setPostingLimits({...})`.
 */
export const DEFAULT_POSTING_LIMITS: PostingLimits = {
  newMember: { perTenMinutes: 3, perDay: 20 },
  established: { perTenMinutes: 10, perDay: 100 },
  newMemberDays: 7,
};
