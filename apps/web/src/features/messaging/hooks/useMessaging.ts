import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Conversation, PresenceStatus } from '@maillage/contracts';
import { useNavigate } from 'react-router';
import { realtimeSocket, useRealtimeEvent } from '../../../lib/realtime';
import { messagingApi, messagingKeys, type ConversationListQuery } from '../api/messaging.api';

/** The header badge: unread messages over every conversation that is not muted. */
export function useUnreadMessages(enabled = true) {
  return useQuery({
    queryKey: messagingKeys.unread,
    queryFn: ({ signal }) => messagingApi.unread(signal),
    refetchOnWindowFocus: 'always',
    enabled,
  });
}

export function useConversationList(query: ConversationListQuery) {
  return useQuery({
    queryKey: messagingKeys.list(query),
    queryFn: ({ signal }) => messagingApi.list(query, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: 'always',
  });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: messagingKeys.conversation(id ?? ''),
    queryFn: ({ signal }) => messagingApi.get(id ?? '', signal),
    enabled: !!id,
    refetchOnWindowFocus: 'always',
  });
}

/** Fetches again the lists, the badge and, when given, one conversation. */
export function useRefreshMessaging() {
  const queryClient = useQueryClient();
  return (conversationId?: string) => {
    void queryClient.invalidateQueries({ queryKey: messagingKeys.lists });
    void queryClient.invalidateQueries({ queryKey: messagingKeys.unread });
    if (conversationId) void queryClient.invalidateQueries({ queryKey: messagingKeys.conversation(conversationId) });
  };
}

export type PresenceMap = Record<string, PresenceStatus>;

/** Who of my contacts is online or away (the snapshot, then the live `presence` events). */
export function usePresence(): PresenceMap {
  const queryClient = useQueryClient();
  const snapshot = useQuery({
    queryKey: messagingKeys.presence,
    queryFn: async ({ signal }): Promise<PresenceMap> =>
      Object.fromEntries((await messagingApi.presence(signal)).online.map((id) => [id, 'online' as const])),
    refetchOnWindowFocus: 'always',
  });
  useRealtimeEvent('presence', (event) =>
    queryClient.setQueryData<PresenceMap>(messagingKeys.presence, (current) => ({ ...current, [event.personId]: event.status })),
  );
  return snapshot.data ?? {};
}

/**
 * Mounted once for a signed-in person (the header badge): keeps the badge and the lists live, tells the
 * server when the tab is hidden (away) or back (online), and closes the socket while the browser is
 * offline (its socket would otherwise linger) so that it reconnects, and pages catch up, once back online.
 */
export function useMessagingLive(): void {
  const refresh = useRefreshMessaging();
  useRealtimeEvent('message:new', () => refresh());
  useRealtimeEvent('conversation:changed', (event) => refresh(event.conversationId));

  useEffect(() => {
    const socket = realtimeSocket();
    const visibility = () => {
      // Not buffered while disconnected: a reconnection announces the person online anyway.
      if (socket.connected) socket.emit('presence', { status: document.visibilityState === 'hidden' ? 'away' : 'online' });
    };
    const offline = () => socket.disconnect();
    const online = () => {
      if (!socket.active) socket.connect();
      refresh();
    };
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
    // `refresh` only invalidates queries of the shared client.
  }, []);
}

/** Starts (or finds) the direct conversation with a person and opens it. */
export function useStartConversation() {
  const navigate = useNavigate();
  const refresh = useRefreshMessaging();
  return useMutation({
    mutationFn: messagingApi.create,
    onSuccess: (conversation: Conversation) => {
      refresh();
      void navigate(`/messages/${conversation.id}`);
    },
  });
}
