// Live updates: one socket.io connection (namespace /realtime), opened on first use and shared by every page.
// Import it from pages and features only, never from the app shell: socket.io-client stays out of the entry chunk.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  REALTIME_NAMESPACE,
  REALTIME_PATH,
  type ClientToServerEvents,
  type RealtimeRoom,
  type ServerToClientEvents,
} from '@maillage/contracts';

type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RoomEvents = Omit<ServerToClientEvents, 'error' | 'room:revoked'>;

export type RoomHandlers = { [E in keyof RoomEvents]?: RoomEvents[E] } & {
  /** The connection opened or came back after the room was asked for: fetch what may have been missed. */
  onReconnect?: () => void;
  /** The server refused the room or took it away (rights lost); its events stop. */
  onUnavailable?: () => void;
};

let socket: RealtimeSocket | null = null;
/** Mounted hooks per room: the room is left when the last one unmounts. */
const followers = new Map<string, number>();

/** The shared socket, created on first call. Only signed-in people can connect (the session cookie). */
export function realtimeSocket(): RealtimeSocket {
  // WebSocket first: behind several API replicas, long polling would need sticky sessions.
  socket ??= io(REALTIME_NAMESPACE, {
    path: REALTIME_PATH,
    withCredentials: true,
    transports: ['websocket', 'polling'],
    autoConnect: false,
  });
  return socket;
}

/**
 * Follows `room` while the component is mounted (null: nothing): joins on connect and on every
 * reconnection, calls the handlers of its events, leaves on unmount.
 */
export function useRoom(room: string | null, handlers: RoomHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!room) return;
    const s = realtimeSocket();
    const join = () =>
      s.emit('room:join', { room: room as RealtimeRoom }, (ack) => {
        if (!ack.ok) latest.current.onUnavailable?.();
      });
    const onConnect = () => {
      join();
      latest.current.onReconnect?.();
    };
    const onRevoked = (event: { room: string }) => {
      if (event.room === room) latest.current.onUnavailable?.();
    };
    const listeners = Object.keys(handlers)
      .filter((key) => key !== 'onReconnect' && key !== 'onUnavailable')
      .map(
        (event) =>
          [
            event,
            (payload: unknown) => (latest.current[event as keyof RoomEvents] as ((p: unknown) => void) | undefined)?.(payload),
          ] as const,
      );

    followers.set(room, (followers.get(room) ?? 0) + 1);
    for (const [event, listener] of listeners) s.on(event as keyof RoomEvents, listener);
    s.on('connect', onConnect);
    s.on('room:revoked', onRevoked);
    if (s.connected) join();
    else if (!s.active) s.connect();

    return () => {
      for (const [event, listener] of listeners) s.off(event as keyof RoomEvents, listener);
      s.off('connect', onConnect);
      s.off('room:revoked', onRevoked);
      const left = (followers.get(room) ?? 1) - 1;
      if (left > 0) followers.set(room, left);
      else {
        followers.delete(room);
        if (s.connected) s.emit('room:leave', { room: room as RealtimeRoom }, () => undefined);
      }
    };
    // The handlers are read through `latest`; the events listened to are those given at mount.
  }, [room]);
}

/**
 * Listens to one event of the signed-in person's own room (`user:<id>`, joined by the server on
 * connection) while the component is mounted and `enabled`; opens the shared connection if needed.
 */
export function useRealtimeEvent<E extends keyof RoomEvents>(event: E, handler: RoomEvents[E], enabled = true): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (!enabled) return;
    const s = realtimeSocket();
    const listener = (payload: unknown) => (latest.current as (p: unknown) => void)(payload);
    s.on(event as keyof RoomEvents, listener);
    if (!s.connected && !s.active) s.connect();
    return () => {
      s.off(event as keyof RoomEvents, listener);
    };
  }, [event, enabled]);
}
