import type {
  Conversation,
  ConversationListItem,
  CreateConversationRequest,
  Message,
  MessageAttachment,
  MessagePage,
  MessageReaction,
  MessagingPerson,
  Page,
  PresenceSnapshot,
  ReadState,
  SendMessageRequest,
  UnreadSummary,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export interface ConversationListQuery {
  q?: string;
  page: number;
  pageSize: number;
}

export const messagingKeys = {
  all: ['messaging'] as const,
  lists: ['messaging', 'list'] as const,
  list: (query: ConversationListQuery) => ['messaging', 'list', query] as const,
  conversation: (id: string) => ['messaging', 'conversation', id] as const,
  unread: ['messaging', 'unread'] as const,
  presence: ['messaging', 'presence'] as const,
  blocks: ['messaging', 'blocks'] as const,
};

const conversation = (id: string) => `/conversations/${encodeURIComponent(id)}`;
const message = (id: string) => `/messages/${encodeURIComponent(id)}`;

export const messagingApi = {
  list: (query: ConversationListQuery, signal?: AbortSignal) => api.get<Page<ConversationListItem>>('/conversations', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Conversation>(conversation(id), undefined, signal),
  create: (request: CreateConversationRequest) => api.post<Conversation>('/conversations', request),
  /** History backwards (`beforeSeq`, or the latest page), or catch-up (`afterSeq`); items oldest first. */
  messages: (id: string, query: { afterSeq?: number; beforeSeq?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<MessagePage>(`${conversation(id)}/messages`, { ...query }, signal),
  send: (id: string, request: SendMessageRequest) => api.post<Message>(`${conversation(id)}/messages`, request),
  markRead: (id: string, seq: number) => api.post<ReadState>(`${conversation(id)}/read`, { seq }),
  mute: (id: string, muted: boolean) => api.put<Conversation>(`${conversation(id)}/muted`, { muted }),
  leave: (id: string) => api.post(`${conversation(id)}/leave`),
  upload: (id: string, file: File) => api.upload<MessageAttachment>(`${conversation(id)}/attachments`, file),
  edit: (messageId: string, body: string) => api.put<Message>(message(messageId), { body }),
  remove: (messageId: string) => api.delete(message(messageId)),
  react: (messageId: string, reaction: MessageReaction, on: boolean) =>
    on
      ? api.put<Message>(`${message(messageId)}/reactions/${reaction}`)
      : api.delete<Message>(`${message(messageId)}/reactions/${reaction}`),
  block: (personId: string) => api.post(`/people/${encodeURIComponent(personId)}/block`),
  unblock: (personId: string) => api.delete(`/people/${encodeURIComponent(personId)}/block`),
  blocks: () => api.get<MessagingPerson[]>('/messaging/blocks'),
  unread: (signal?: AbortSignal) => api.get<UnreadSummary>('/messaging/unread', undefined, signal),
  presence: (signal?: AbortSignal) => api.get<PresenceSnapshot>('/messaging/presence', undefined, signal),
  /** People to start a conversation with, by name: those of shared networks, those one talks with, experts. */
  searchPeople: async (q: string, signal?: AbortSignal): Promise<MessagingPerson[]> =>
    q.trim().length < 2 ? [] : api.get<MessagingPerson[]>('/messaging/contacts', { q: q.trim() }, signal),
};
