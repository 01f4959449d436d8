// Merging posts into a topic page as they arrive: the answer to one's own POST, live events, catch-up.
import type { ForumPost, ForumReactionSummary, ForumTopicPage } from '@maillage/contracts';

/**
 * Where a post comes from: 'viewer' answers (POST, PATCH, GET) carry the caller's rights and
 * Markdown; 'event' payloads are viewer-neutral (`mine`, `can*` false, `markdown` null).
 */
export type PostSource = 'viewer' | 'event';

function keepMine(previous: ForumReactionSummary[], next: ForumReactionSummary[]): ForumReactionSummary[] {
  const mine = new Set(previous.filter((r) => r.mine).map((r) => r.reaction));
  return next.map((r) => ({ ...r, mine: mine.has(r.reaction) && r.count > 0 }));
}

/** A viewer-neutral copy of a post keeps what the viewer already knew of it (rights, own reactions, Markdown). */
function fromEvent(previous: ForumPost | undefined, next: ForumPost): ForumPost {
  if (!previous) return next;
  const sameText = previous.html === next.html;
  return {
    ...next,
    canEdit: previous.canEdit && next.state === 'visible',
    canDelete: previous.canDelete && next.state !== 'deleted',
    markdown: sameText ? previous.markdown : null,
    reactions: keepMine(previous.reactions, next.reactions),
  };
}

/**
 * Inserts or replaces `post` (matched by id, so one's own post never shows twice when both the POST
 * answer and the live event arrive, in either order); posts stay in sequence order. Returns the same
 * array when nothing changed.
 */
export function upsertPost(posts: readonly ForumPost[], post: ForumPost, source: PostSource): ForumPost[] {
  const index = posts.findIndex((p) => p.id === post.id);
  if (index === -1) return [...posts, post].sort((a, b) => a.sequence - b.sequence);
  const merged = source === 'event' ? fromEvent(posts[index], post) : post;
  const next = posts.slice();
  next[index] = merged;
  return next;
}

/** True when the page shows the end of the topic (where new posts belong). */
export function isLastPage(data: ForumTopicPage): boolean {
  const { page, pageSize, total } = data.posts;
  return page * pageSize >= total;
}

/**
 * A topic page with `post` merged in. An unknown post joins the items only on the last page (in
 * sequence order, even when events arrive out of order); on earlier pages only the counts move.
 */
export function mergeIntoTopicPage(data: ForumTopicPage, post: ForumPost, source: PostSource): ForumTopicPage {
  const { items } = data.posts;
  if (items.some((p) => p.id === post.id)) return { ...data, posts: { ...data.posts, items: upsertPost(items, post, source) } };
  const belongsHere = isLastPage(data) && post.sequence > (items[0]?.sequence ?? 0);
  const newer = post.sequence > data.topic.lastSequence;
  if (!belongsHere && !newer) return data;
  const topic = newer
    ? { ...data.topic, lastSequence: post.sequence, postCount: data.topic.postCount + 1, lastPostAt: post.createdAt }
    : data.topic;
  return {
    topic,
    posts: { ...data.posts, items: belongsHere ? upsertPost(items, post, source) : items, total: data.posts.total + (newer ? 1 : 0) },
  };
}
