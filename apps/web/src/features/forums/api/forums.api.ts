import type {
  CreateForumPostRequest,
  CreateForumTopicRequest,
  ForumAttachment,
  ForumCategory,
  ForumCategoryInput,
  ForumMentionCandidate,
  ForumOverview,
  ForumPost,
  ForumPostRevision,
  ForumPostsAfter,
  ForumReaction,
  ForumReactionSummary,
  ForumTopic,
  ForumTopicFilter,
  ForumTopicListItem,
  ForumTopicPage,
  Page,
  ForumShareTarget,
} from '@maillage/contracts';
import type { CreatePollRequest, PollView } from '@maillage/contracts';
import { api } from '../../../lib/api';

export interface TopicListQuery {
  categoryId?: string;
  filter: ForumTopicFilter;
  page: number;
  pageSize: number;
}

export const forumKeys = {
  all: ['forums'] as const,
  overview: (networkId: string) => ['forums', 'network', networkId] as const,
  topics: (networkId: string, query?: TopicListQuery) =>
    (query ? ['forums', 'network', networkId, 'topics', query] : ['forums', 'network', networkId, 'topics']) as readonly unknown[],
  topic: (topicId: string) => ['forums', 'topic', topicId] as const,
  poll: (topicId: string) => ['forums', 'poll', topicId] as const,
  topicPage: (topicId: string, page: number) => ['forums', 'topic', topicId, 'page', page] as const,
  revisions: (postId: string) => ['forums', 'post', postId, 'revisions'] as const,
};

const id = encodeURIComponent;
const network = (networkId: string) => `/networks/${id(networkId)}/forum`;
const topic = (topicId: string) => `/forum/topics/${id(topicId)}`;
const post = (postId: string) => `/forum/posts/${id(postId)}`;

export const forumsApi = {
  overview: (networkId: string) => api.get<ForumOverview>(network(networkId)),
  createCategory: (networkId: string, body: ForumCategoryInput) => api.post<ForumCategory>(`${network(networkId)}/categories`, body),
  updateCategory: (categoryId: string, body: Partial<ForumCategoryInput>) =>
    api.patch<ForumCategory>(`/forum/categories/${id(categoryId)}`, body),
  deleteCategory: (categoryId: string) => api.delete(`/forum/categories/${id(categoryId)}`),
  topics: (networkId: string, query: TopicListQuery, signal?: AbortSignal) =>
    api.get<Page<ForumTopicListItem>>(`${network(networkId)}/topics`, { ...query }, signal),
  createTopic: (networkId: string, body: CreateForumTopicRequest) => api.post<ForumTopic>(`${network(networkId)}/topics`, body),
  mentions: (networkId: string, q: string, signal?: AbortSignal) =>
    api.get<ForumMentionCandidate[]>(`${network(networkId)}/mentions`, { q }, signal),
  upload: (networkId: string, file: File) => api.upload<ForumAttachment>(`${network(networkId)}/attachments`, file),

  topicPage: (topicId: string, page: number, pageSize: number) => api.get<ForumTopicPage>(topic(topicId), { page, pageSize }),
  postsAfter: (topicId: string, after: number) => api.get<ForumPostsAfter>(`${topic(topicId)}/posts`, { after, limit: 50 }),
  rename: (topicId: string, title: string) => api.patch<ForumTopic>(topic(topicId), { title }),
  deleteTopic: (topicId: string) => api.delete(topic(topicId)),
  pin: (topicId: string, pinned: boolean) => api.put<ForumTopic>(`${topic(topicId)}/pin`, { pinned }),
  lock: (topicId: string, locked: boolean) => api.put<ForumTopic>(`${topic(topicId)}/lock`, { locked }),
  solve: (topicId: string, postId: string | null) => api.put<ForumTopic>(`${topic(topicId)}/solution`, { postId }),
  move: (topicId: string, categoryId: string) => api.post<ForumTopic>(`${topic(topicId)}/move`, { categoryId }),
  /** Sibling networks (sharing a parent federation) the topic can be shared with. */
  shareTargets: (topicId: string) => api.get<ForumShareTarget[]>(`${topic(topicId)}/shares`),
  share: (topicId: string, networkId: string, shared: boolean) =>
    shared
      ? api.put<ForumShareTarget[]>(`${topic(topicId)}/shares/${networkId}`, {})
      : api.delete<ForumShareTarget[]>(`${topic(topicId)}/shares/${networkId}`),
  follow: (topicId: string, following: boolean) => api.put<ForumTopic>(`${topic(topicId)}/follow`, { following }),
  markRead: (topicId: string, sequence: number) => api.put(`${topic(topicId)}/read`, { sequence }),
  reply: (topicId: string, body: CreateForumPostRequest) => api.post<ForumPost>(`${topic(topicId)}/posts`, body),

  getPost: (postId: string) => api.get<ForumPost>(post(postId)),
  editPost: (postId: string, body: string) => api.patch<ForumPost>(post(postId), { body }),
  deletePost: (postId: string) => api.delete<ForumPost>(post(postId)),
  revisions: (postId: string) => api.get<ForumPostRevision[]>(`${post(postId)}/revisions`),
  hidePost: (postId: string, reason: string | null) => api.post<ForumPost>(`${post(postId)}/hide`, { reason }),
  restorePost: (postId: string) => api.post<ForumPost>(`${post(postId)}/restore`),
  react: (postId: string, reaction: ForumReaction, on: boolean) =>
    on
      ? api.put<ForumReactionSummary[]>(`${post(postId)}/reactions/${id(reaction)}`)
      : api.delete<ForumReactionSummary[]>(`${post(postId)}/reactions/${id(reaction)}`),
};

/** A topic's poll (the polls module, under the topic's path). */
export const pollsApi = {
  get: (topicId: string) => api.get<PollView>(`/forum/topics/${encodeURIComponent(topicId)}/poll`),
  create: (topicId: string, body: CreatePollRequest) => api.post<PollView>(`/forum/topics/${encodeURIComponent(topicId)}/poll`, body),
  vote: (topicId: string, optionIds: string[]) =>
    api.put<PollView>(`/forum/topics/${encodeURIComponent(topicId)}/poll/vote`, { optionIds }),
  close: (topicId: string) => api.post<PollView>(`/forum/topics/${encodeURIComponent(topicId)}/poll/close`),
};
