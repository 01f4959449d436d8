// Forums: types shared by the API (apps/api/src/modules/forums) and the web app.
//
// Endpoints (all under /api/v1; JSON unless noted; "page" is 1-based, "pageSize" ≤ FORUM_PAGE_SIZE_MAX):
//
// Network forum
//   GET    /networks/:networkId/forum                          → ForumOverview (categories + the caller's rights)
//   GET    /networks/:networkId/forum/categories               → ForumCategory[]
//   POST   /networks/:networkId/forum/categories               ForumCategoryInput → ForumCategory       (animators, host staff, admins)
//   PATCH  /forum/categories/:categoryId                       Partial<ForumCategoryInput> → ForumCategory
//   DELETE /forum/categories/:categoryId                       → 204 (409 FORUM_CATEGORY_NOT_EMPTY when it holds topics)
//   GET    /networks/:networkId/forum/topics?categoryId&filter&page&pageSize  → Page<ForumTopicListItem>
//            (pinned first, then by last post; includes topics shared with this network by sibling networks)
//   POST   /networks/:networkId/forum/topics                   CreateForumTopicRequest → ForumTopic
//   GET    /networks/:networkId/forum/mentions?q=               → ForumMentionCandidate[] (active members matching q, ≤ 10)
//   POST   /networks/:networkId/forum/attachments              multipart (one file: PNG, JPEG, WebP, GIF or PDF) → ForumAttachment
//
// Topics
//   GET    /forum/topics/:topicId?page&pageSize                → ForumTopicPage (page defaults to 1)
//   GET    /forum/topics/:topicId/posts?after=<sequence>&limit → ForumPostsAfter (catch-up after a reconnect)
//   PATCH  /forum/topics/:topicId                              UpdateForumTopicRequest → ForumTopic  (author or moderator)
//   DELETE /forum/topics/:topicId                              ForumModerationRequest? → 204        (soft delete: author or moderator)
//   PUT    /forum/topics/:topicId/pin                          PinForumTopicRequest → ForumTopic    (moderators)
//   PUT    /forum/topics/:topicId/lock                         LockForumTopicRequest → ForumTopic   (moderators)
//   PUT    /forum/topics/:topicId/solution                     SolveForumTopicRequest → ForumTopic  (topic author or moderators)
//   POST   /forum/topics/:topicId/move                         MoveForumTopicRequest → ForumTopic   (moderators; same network only)
//   PUT    /forum/topics/:topicId/follow                       FollowForumTopicRequest → ForumTopic
//   PUT    /forum/topics/:topicId/read                         MarkForumTopicReadRequest → 204      (the read marker only moves forward)
//   GET    /forum/topics/:topicId/shares                       → ForumShareTarget[]                 (animators; never for secret networks)
//   PUT    /forum/topics/:topicId/shares/:networkId            → ForumShareTarget[]                 (into a sibling network the caller also manages)
//   DELETE /forum/topics/:topicId/shares/:networkId            → ForumShareTarget[]                 (the topic's managers, or that network's moderators)
//   POST   /forum/topics/:topicId/posts                        CreateForumPostRequest → ForumPost   (403 FORUM_TOPIC_LOCKED when locked)
//
// Posts
//   GET    /forum/posts/:postId                                → ForumPost
//   PATCH  /forum/posts/:postId                                UpdateForumPostRequest → ForumPost   (author; keeps a revision)
//   DELETE /forum/posts/:postId                                ForumModerationRequest? → ForumPost  (soft delete: author or moderator)
//   GET    /forum/posts/:postId/revisions                      → ForumPostRevision[] (newest first)
//   POST   /forum/posts/:postId/hide                           ForumModerationRequest → ForumPost   (moderators)
//   POST   /forum/posts/:postId/restore                        → ForumPost                          (moderators)
//   PUT    /forum/posts/:postId/reactions/:reaction            → ForumReactionSummary[]
//   DELETE /forum/posts/:postId/reactions/:reaction            → ForumReactionSummary[]
//
// Attachments
//   GET    /forum/attachments/:attachmentId                    → the file (Content-Disposition: attachment, nosniff), access-checked
//
// Real time: join room `topic:<topicId>`; events `forum:post-created` and `forum:post-updated` carry ForumPostEvent.
//
// Mentions: the composer inserts `@[First Last](person:<personId>)` (see forumMentionMarkdown). The server renders a
// mention of an active member of the topic's network as <span class="mention" data-person-id="…">@First Last</span>
// and notifies that person; any other mention is rendered as plain text "@label" and notifies nobody.
//
// Images in posts: `![alt](/api/v1/forum/attachments/<attachmentId>)` (only relative /api/ image sources are kept).

import type { Page } from './common';

export const FORUM_PAGE_SIZE_DEFAULT = 20;
export const FORUM_PAGE_SIZE_MAX = 50;
export const FORUM_TITLE_MAX = 200;
export const FORUM_POST_MAX = 50_000;
export const FORUM_CATEGORY_NAME_MAX = 80;
export const FORUM_CATEGORY_DESCRIPTION_MAX = 500;
export const FORUM_REASON_MAX = 500;
export const FORUM_ATTACHMENTS_MAX = 10;
export const FORUM_ATTACHMENT_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'];

export type ForumReaction = 'thumbs_up' | 'heart' | 'tada' | 'laugh' | 'thinking' | 'eyes';
export const FORUM_REACTIONS: readonly ForumReaction[] = ['thumbs_up', 'heart', 'tada', 'laugh', 'thinking', 'eyes'];
/** Display glyph of each reaction (the API only knows the keys). */
export const FORUM_REACTION_EMOJI: Record<ForumReaction, string> = {
  thumbs_up: '👍',
  heart: '❤️',
  tada: '🎉',
  laugh: '😄',
  thinking: '🤔',
  eyes: '👀',
};

export type ForumTopicFilter = 'all' | 'unread' | 'following' | 'solved' | 'unsolved';
export const FORUM_TOPIC_FILTERS: readonly ForumTopicFilter[] = ['all', 'unread', 'following', 'solved', 'unsolved'];

/** visible: normal; hidden: hidden by a moderator (html null except for moderators); deleted: soft-deleted (html null). */
export type ForumPostState = 'visible' | 'hidden' | 'deleted';

/** The Markdown a composer inserts for a mention picked in the autocomplete. */
export function forumMentionMarkdown(personId: string, label: string): string {
  return `@[${label.replace(/[[\]()]/g, '')}](person:${personId})`;
}

export interface ForumAuthor {
  /** Empty (like the names) for a person this reader may not see (anonymous readers: people who are not listed experts). */
  personId: string;
  firstName: string;
  lastName: string;
  /** Listed in the expert directory (public to everyone). */
  isExpert: boolean;
  photoUrl: string | null;
  /** The author's company that is a member of the network (else their first company), or null. */
  company: { id: string; name: string } | null;
}

export interface ForumCategory {
  id: string;
  networkId: string;
  name: string;
  description: string | null;
  position: number;
  topicCount: number;
  lastPostAt: string | null;
}
export interface ForumCategoryInput {
  name: string;
  description?: string | null;
  position?: number;
}

export interface ForumOverview {
  networkId: string;
  categories: ForumCategory[];
  /** The caller may open topics and reply (active member, host staff or platform admin). */
  canPost: boolean;
  /** Pin, lock, move, solve, hide (moderators, animators, host staff, platform admins). */
  canModerate: boolean;
  canManageCategories: boolean;
}

/** What a topic's line in a list and its page header share. */
export interface ForumTopicSummary {
  id: string;
  /** The topic's home network (differs from the listed network when the topic is shared with it). */
  networkId: string;
  networkName: string;
  categoryId: string;
  categoryName: string;
  title: string;
  author: ForumAuthor;
  pinned: boolean;
  locked: boolean;
  /** Number of visible posts (the opening post included). */
  postCount: number;
  following: boolean;
  lastPostAt: string;
  createdAt: string;
}

export interface ForumTopicListItem extends ForumTopicSummary {
  shared: boolean;
  solved: boolean;
  /** Posts after the caller's read marker (0 for anonymous callers). */
  unreadCount: number;
  lastPostAuthor: { personId: string; firstName: string; lastName: string; isExpert: boolean } | null;
}

export interface ForumTopicPermissions {
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canModerate: boolean;
  canSolve: boolean;
  canShare: boolean;
  /** The networks this topic was shared into whose moderators include the caller: they may take it out of them. */
  canRemoveFrom: string[];
  canFollow: boolean;
}

export interface ForumTopic extends ForumTopicSummary {
  solvedPostId: string | null;
  /** Highest post sequence number in the topic. */
  lastSequence: number;
  updatedAt: string;
  /** The caller's read marker (0 when never read or anonymous). */
  lastReadSequence: number;
  permissions: ForumTopicPermissions;
}

export interface ForumReactionSummary {
  reaction: ForumReaction;
  count: number;
  mine: boolean;
}

export interface ForumQuote {
  postId: string;
  sequence: number;
  /** The quoted post's author (null when gone, or not shown to this reader). */
  authorId: string | null;
  authorIsExpert: boolean;
  authorName: string;
  /** Plain text excerpt (≤ 300 characters); null when the quoted post is hidden or deleted. */
  excerpt: string | null;
}

export interface ForumAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  isImage: boolean;
  /** /api/v1/forum/attachments/:id */
  url: string;
}

export interface ForumPost {
  id: string;
  topicId: string;
  sequence: number;
  /** Null when the post is deleted. */
  author: ForumAuthor | null;
  state: ForumPostState;
  /** Sanitised HTML; null when hidden (except for moderators) or deleted. */
  html: string | null;
  /** The Markdown source, only for the caller allowed to edit it; null otherwise. */
  markdown: string | null;
  edited: boolean;
  editedAt: string | null;
  hiddenReason: string | null;
  createdAt: string;
  quote: ForumQuote | null;
  reactions: ForumReactionSummary[];
  attachments: ForumAttachment[];
  isSolution: boolean;
  canEdit: boolean;
  canDelete: boolean;
}

export interface ForumTopicPage {
  topic: ForumTopic;
  posts: Page<ForumPost>;
}

export interface ForumPostsAfter {
  items: ForumPost[];
  hasMore: boolean;
}

export interface ForumPostRevision {
  id: string;
  /** Sanitised HTML of the previous version. */
  html: string;
  markdown: string;
  editorId: string | null;
  createdAt: string;
}

export interface ForumMentionCandidate {
  personId: string;
  firstName: string;
  lastName: string;
  photoUrl: string | null;
  companyName: string | null;
}

export interface ForumShareTarget {
  networkId: string;
  name: string;
  shared: boolean;
}

/** Real-time payload of `forum:post-created` / `forum:post-updated` (viewer-neutral: `mine`, `can*` false, `markdown` null). */
export interface ForumPostEvent {
  topicId: string;
  post: ForumPost;
}

/** Activity of a network's forum (federation pages). */
export interface ForumActivity {
  networkId: string;
  topicsLast30Days: number;
  postsLast30Days: number;
  lastPostAt: string | null;
}

// ---------- request bodies ----------
export interface CreateForumTopicRequest {
  categoryId: string;
  title: string;
  body: string;
  attachmentIds?: string[];
}
export interface UpdateForumTopicRequest {
  title: string;
}
export interface CreateForumPostRequest {
  body: string;
  quotePostId?: string | null;
  attachmentIds?: string[];
}
export interface UpdateForumPostRequest {
  body: string;
}
export interface ForumModerationRequest {
  reason?: string | null;
}
export interface PinForumTopicRequest {
  pinned: boolean;
}
export interface LockForumTopicRequest {
  locked: boolean;
}
export interface SolveForumTopicRequest {
  /** The solution post of this topic, or null to clear it. */
  postId: string | null;
}
export interface MoveForumTopicRequest {
  categoryId: string;
}
export interface FollowForumTopicRequest {
  following: boolean;
}
export interface MarkForumTopicReadRequest {
  sequence: number;
}
