import type {
  NetworkNotificationLevel,
  NetworkNotificationSetting,
  NotificationChannel,
  NotificationPage,
  NotificationPreference,
  NotificationType,
  UnreadCount,
  UnsubscribePreview,
  UnsubscribeResult,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export interface NotificationListQuery {
  unread?: boolean;
  page: number;
  pageSize: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  lists: ['notifications', 'list'] as const,
  list: (query: NotificationListQuery) => ['notifications', 'list', query] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  preferences: ['notifications', 'preferences'] as const,
  networkLevels: ['notifications', 'network-levels'] as const,
};

export const notificationsApi = {
  list: (query: NotificationListQuery, signal?: AbortSignal) =>
    api.get<NotificationPage>('/notifications', { unread: query.unread || undefined, page: query.page, pageSize: query.pageSize }, signal),
  unreadCount: (signal?: AbortSignal) => api.get<UnreadCount>('/notifications/unread-count', undefined, signal),
  markRead: (ids: string[]) => api.post<UnreadCount>('/notifications/read', { ids }),
  markAllRead: () => api.post<UnreadCount>('/notifications/read-all'),
  preferences: () => api.get<NotificationPreference[]>('/notifications/preferences'),
  unsubscribePreview: (token: string, signal?: AbortSignal) => api.get<UnsubscribePreview>('/notifications/unsubscribe', { token }, signal),
  unsubscribe: (token: string) => api.post<UnsubscribeResult>(`/notifications/unsubscribe?token=${encodeURIComponent(token)}`),
  networkLevels: () => api.get<NetworkNotificationSetting[]>('/notifications/networks'),
  setNetworkLevel: (networkId: string, level: NetworkNotificationLevel) =>
    api.put<NetworkNotificationSetting>(`/notifications/networks/${encodeURIComponent(networkId)}`, { level }),
  setPreferences: (preferences: { type: NotificationType; channel: NotificationChannel }[]) =>
    api.put<NotificationPreference[]>('/notifications/preferences', { preferences }),
};
