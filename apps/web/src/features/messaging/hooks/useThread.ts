import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Conversation, Message, MessageAttachment, MessageReadEvent } from '@maillage/contracts';
import { realtimeSocket, useRoom } from '../../../lib/realtime';
import { messagingApi, messagingKeys } from '../api/messaging.api';
import { useRefreshMessaging } from './useMessaging';
import { fetchAfter, initialThread, lastSeqOf, skipsSeq, threadReducer, type PendingMessage } from './thread';

/** How long a "is typing" stays shown without a new signal, and how often one's own typing is signalled. */
export const TYPING_SHOWN_MS = 6000;
export const TYPING_SIGNAL_MS = 2500;

/**
 * One conversation's messages, live: the latest page, older pages on demand, new messages from the room,
 * a catch-up (`?afterSeq`) whenever a sequence number is skipped, after any reconnect, on window focus and
 * when the browser comes back online; sending with a clientId generated once and reused on retry.
 */
export function useThread(conversationId: string, meId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshMessaging();
  const [state, dispatch] = useReducer(threadReducer, initialThread);
  const latest = useRef(state);
  latest.current = state;
  const catching = useRef<Promise<void> | null>(null);
  const [typing, setTyping] = useState<Record<string, number>>({});

  const catchUp = useCallback((): Promise<void> => {
    // Before the first page there is nothing to catch up: that page brings the latest messages.
    if (latest.current.status !== 'ready') return Promise.resolve();
    // One at a time; a call made during one waits for it (it will have seen the same gap).
    catching.current ??= fetchAfter((afterSeq) => messagingApi.messages(conversationId, { afterSeq }), lastSeqOf(latest.current.messages))
      .then((messages) => dispatch({ type: 'merge', messages }))
      .catch(() => undefined)
      .finally(() => {
        catching.current = null;
      });
    return catching.current;
  }, [conversationId]);

  const setParticipantRead = (event: MessageReadEvent) => {
    const key = messagingKeys.conversation(conversationId);
    // A fetch already under way was answered before this read: it would put the old read marks back.
    if (queryClient.isFetching({ queryKey: key })) void queryClient.invalidateQueries({ queryKey: key });
    queryClient.setQueryData<Conversation>(key, (c) =>
      c
        ? {
            ...c,
            lastReadSeq: event.personId === meId ? Math.max(c.lastReadSeq, event.seq) : c.lastReadSeq,
            participants: c.participants.map((p) =>
              p.id === event.personId ? { ...p, lastReadSeq: Math.max(p.lastReadSeq, event.seq) } : p,
            ),
          }
        : c,
    );
  };

  const receive = (message: Message) => {
    if (message.conversationId !== conversationId) return;
    const senderId = message.sender?.id;
    if (senderId) setTyping((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== senderId)));
    if (skipsSeq(latest.current.messages, message)) void catchUp().then(() => dispatch({ type: 'merge', messages: [message] }));
    else dispatch({ type: 'merge', messages: [message] });
  };

  useRoom(`conversation:${conversationId}`, {
    'message:new': receive,
    'message:updated': receive,
    'message:read': (event) => {
      if (event.conversationId === conversationId) setParticipantRead(event);
    },
    typing: (event) => {
      if (event.conversationId === conversationId && event.personId !== meId)
        setTyping((current) => ({ ...current, [event.personId]: Date.now() + TYPING_SHOWN_MS }));
    },
    onReconnect: () => {
      void catchUp();
      refresh(conversationId);
    },
  });

  // The first page.
  useEffect(() => {
    const controller = new AbortController();
    messagingApi.messages(conversationId, {}, controller.signal).then(
      (page) => dispatch({ type: 'loaded', page }),
      (error: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [conversationId]);

  // Focus and back online: what happened meanwhile.
  useEffect(() => {
    const onWake = () => {
      if (latest.current.status === 'ready') void catchUp();
    };
    window.addEventListener('focus', onWake);
    window.addEventListener('online', onWake);
    return () => {
      window.removeEventListener('focus', onWake);
      window.removeEventListener('online', onWake);
    };
  }, [catchUp]);

  // Typing signals expire.
  const typingIds = Object.keys(typing);
  useEffect(() => {
    if (!typingIds.length) return;
    const next = Math.min(...Object.values(typing)) - Date.now();
    const timer = setTimeout(
      () => setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, until]) => until > Date.now()))),
      Math.max(next, 50),
    );
    return () => clearTimeout(timer);
  }, [typing]);

  const [olderBusy, setOlderBusy] = useState(false);
  const loadOlder = useCallback(async () => {
    const first = latest.current.messages[0];
    if (!first || !latest.current.hasOlder || olderBusy) return;
    setOlderBusy(true);
    try {
      dispatch({ type: 'older', page: await messagingApi.messages(conversationId, { beforeSeq: first.seq }) });
    } finally {
      setOlderBusy(false);
    }
  }, [conversationId, olderBusy]);

  const deliver = async (pending: PendingMessage) => {
    try {
      const message = await messagingApi.send(conversationId, {
        clientId: pending.clientId,
        body: pending.body,
        ...(pending.attachments.length ? { attachmentIds: pending.attachments.map((a) => a.id) } : {}),
      });
      if (skipsSeq(latest.current.messages, message)) await catchUp();
      dispatch({ type: 'merge', messages: [message] });
    } catch {
      dispatch({ type: 'sendFailed', clientId: pending.clientId });
    }
  };

  const send = (body: string, attachments: MessageAttachment[] = []) => {
    const pending: PendingMessage = { clientId: crypto.randomUUID(), body, attachments, status: 'sending' };
    dispatch({ type: 'queue', message: pending });
    return deliver(pending);
  };

  /** Sends a failed message again with the same clientId: the server never stores it twice. */
  const retry = (clientId: string) => {
    const pending = latest.current.pending.find((p) => p.clientId === clientId);
    if (!pending) return Promise.resolve();
    dispatch({ type: 'retry', clientId });
    return deliver({ ...pending, status: 'sending' });
  };

  const lastTypingSignal = useRef(0);
  const signalTyping = () => {
    if (Date.now() - lastTypingSignal.current < TYPING_SIGNAL_MS) return;
    lastTypingSignal.current = Date.now();
    const socket = realtimeSocket();
    if (socket.connected) socket.emit('typing', { conversationId });
  };

  return {
    ...state,
    olderBusy,
    typingIds,
    loadOlder,
    catchUp,
    send,
    retry,
    signalTyping,
    /** An edited, deleted or reacted-to message, as the API answered. */
    replace: (message: Message) => dispatch({ type: 'merge', messages: [message] }),
  };
}

/** Marks the conversation read up to `seq` (when the latest message is visible), then updates the badge. */
export function useMarkRead(conversation: Conversation | undefined) {
  const queryClient = useQueryClient();
  const refresh = useRefreshMessaging();
  const asked = useRef(0);
  return useCallback(
    (seq: number) => {
      if (!conversation || seq <= conversation.lastReadSeq || seq <= asked.current || document.visibilityState === 'hidden') return;
      asked.current = seq;
      messagingApi.markRead(conversation.id, seq).then(
        (state) => {
          queryClient.setQueryData<Conversation>(messagingKeys.conversation(conversation.id), (c) =>
            c ? { ...c, lastReadSeq: Math.max(c.lastReadSeq, state.lastReadSeq), unreadCount: 0 } : c,
          );
          refresh();
        },
        () => {
          asked.current = 0;
        },
      );
    },
    [conversation, queryClient],
  );
}
