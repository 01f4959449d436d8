import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreference, UnreadCount } from '@maillage/contracts';
import { useRealtimeEvent } from '../../../lib/realtime';
import { notificationKeys, notificationsApi, type NotificationListQuery } from '../api/notifications.api';

/** The unread count of the badge: fetched again when the window gets the focus. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchOnWindowFocus: 'always',
    enabled,
    select: (answer) => answer.unreadCount,
  });
}

export function useNotificationList(query: NotificationListQuery, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => notificationsApi.list(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A new unread count (from an answer or a live event): the badge changes and the lists are fetched again. */
function useApplyCount() {
  const queryClient = useQueryClient();
  return (answer: UnreadCount) => {
    queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount, { unreadCount: answer.unreadCount });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
  };
}

/** Keeps the badge and the lists up to date with the live events of the person's own room. */
export function useLiveNotifications(enabled: boolean) {
  const apply = useApplyCount();
  useRealtimeEvent('notification:new', apply, enabled);
  useRealtimeEvent('notification:count', apply, enabled);
}

export function useMarkRead() {
  const apply = useApplyCount();
  return useMutation({ mutationFn: notificationsApi.markRead, onSuccess: apply });
}

export function useMarkAllRead() {
  const apply = useApplyCount();
  return useMutation({ mutationFn: notificationsApi.markAllRead, onSuccess: apply });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.setPreferences,
    onSuccess: (preferences: NotificationPreference[]) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}
