import type { ForumPost, ForumTopic } from '@maillage/contracts';
import type { ForumTopicRights, NetworkStanding } from '../../core/access/access-policy.service';
import type { MaybeActor } from '../../core/access/actor';
import { markdownToText } from '../../core/markdown';
import { authorOrFormer, toAuthor, type PostRow, type TopicRow } from './forums.repository';

/** A topic as the policy sees it: its row, the caller's standings in its networks, and the rights they give. */
export interface TopicContext {
  row: TopicRow;
  home: NetworkStanding;
  /** The caller's standings in the networks the topic is shared with. */
  shared: NetworkStanding[];
  /** The home network and the networks the topic is shared with. */
  networkIds: string[];
  rights: ForumTopicRights;
  /** The networks the topic is shared with whose moderators include the caller (they may take it out of them). */
  removableFrom: string[];
}

/** Nobody's rights: the real-time payload is the same for every viewer. */
export const NO_RIGHTS: ForumTopicRights = {
  read: false,
  post: false,
  reply: false,
  moderate: false,
  author: false,
  editOwn: false,
  share: false,
};

export const attachmentUrl = (id: string) => `/api/v1/forum/attachments/${id}`;

/** Where a post is shown in the web app (e-mails, moderation queue). */
export const postPath = (topicId: string, sequence: number) => `/forum/sujets/${topicId}#post-${sequence}`;

export function topicView(ctx: TopicContext, actor: MaybeActor): ForumTopic {
  const { row, rights } = ctx;
  return {
    id: row.id,
    networkId: row.network_id,
    networkName: row.network_name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    title: row.title,
    author: authorOrFormer(toAuthor(row, 'author')),
    pinned: row.pinned,
    locked: row.locked,
    solvedPostId: row.solved_post_id,
    postCount: row.post_count,
    lastSequence: row.last_sequence,
    lastPostAt: row.last_post_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    following: actor !== null && row.following,
    lastReadSequence: actor ? row.last_read : 0,
    permissions: {
      canReply: rights.reply,
      canEdit: rights.moderate || rights.editOwn,
      canDelete: rights.moderate || (rights.author && rights.post),
      canModerate: rights.moderate,
      canSolve: rights.moderate || (rights.author && rights.post),
      canShare: rights.share,
      canRemoveFrom: ctx.removableFrom,
      canFollow: actor !== null && rights.read,
    },
  };
}

/** What postRights and postView need of a topic. */
type PostScope = Pick<TopicContext, 'row' | 'rights'>;

/** What the caller may do with one post. */
export function postRights(
  ctx: PostScope,
  actor: MaybeActor,
  post: { author_id: string | null; deleted_at: Date | null; hidden_at: Date | null; sequence: number },
) {
  const own = actor !== null && post.author_id === actor.personId;
  const alive = post.deleted_at === null;
  return {
    edit: alive && own && post.hidden_at === null && ctx.rights.post && (!ctx.row.locked || ctx.rights.moderate),
    /** The opening post goes with its topic (DELETE /forum/topics/:id). */
    delete: alive && post.sequence > 1 && (ctx.rights.moderate || (own && ctx.rights.post && !ctx.row.locked)),
    /** Sees hidden content: the moderators. */
    seeHidden: ctx.rights.moderate,
  };
}

/**
 * A post as the topic page shows it to this caller. `neutral` gives the real-time payload, the same
 * for every viewer of the room: no "mine", no rights, no Markdown source, hidden content withheld.
 */
export function postView(ctx: PostScope, actor: MaybeActor, row: PostRow, neutral = false): ForumPost {
  const viewer = neutral ? null : actor;
  const rights = neutral ? { edit: false, delete: false, seeHidden: false } : postRights(ctx, actor, row);
  const state = row.deleted_at ? 'deleted' : row.hidden_at ? 'hidden' : 'visible';
  const shown = state === 'visible' || (state === 'hidden' && rights.seeHidden);
  return {
    id: row.id,
    topicId: row.topic_id,
    sequence: row.sequence,
    author: state === 'deleted' ? null : authorOrFormer(toAuthor(row, 'author')),
    state,
    html: shown ? row.html : null,
    markdown: rights.edit ? row.body : null,
    edited: row.edited_at !== null,
    editedAt: row.edited_at?.toISOString() ?? null,
    hiddenReason: state === 'hidden' && rights.seeHidden ? row.hidden_reason : null,
    createdAt: row.created_at.toISOString(),
    quote:
      shown && row.quote_id && row.quote_sequence !== null
        ? {
            postId: row.quote_id,
            sequence: row.quote_sequence,
            authorId: row.quote_author_id,
            authorIsExpert: row.quote_author_expert === true,
            authorName: `${row.quote_first_name ?? ''} ${row.quote_last_name ?? ''}`.trim(),
            excerpt: row.quote_gone || row.quote_body === null ? null : markdownToText(row.quote_body, 300),
          }
        : null,
    reactions: shown ? row.reactions.map((r) => ({ ...r, mine: viewer !== null && r.mine })) : [],
    attachments: shown ? row.attachments.map((a) => ({ ...a, isImage: a.contentType.startsWith('image/'), url: attachmentUrl(a.id) })) : [],
    isSolution: ctx.row.solved_post_id === row.id,
    canEdit: rights.edit,
    canDelete: rights.delete,
  };
}
