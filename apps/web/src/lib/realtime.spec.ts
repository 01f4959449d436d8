import { act, renderHook } from '@testing-library/react';
import { io } from 'socket.io-client';
import { useRoom } from './realtime';

/** A stand-in for the socket.io client socket: listeners, emits and connection state. */
class FakeSocket {
  connected = false;
  active = false;
  emitted: [string, unknown][] = [];
  private listeners = new Map<string, Set<(payload?: unknown) => void>>();
  connect = jest.fn(() => {
    this.active = true;
  });
  on(event: string, listener: (payload?: unknown) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: (payload?: unknown) => void) {
    this.listeners.get(event)?.delete(listener);
  }
  emit(event: string, payload: unknown, ack: (result: unknown) => void) {
    this.emitted.push([event, payload]);
    ack(
      event === 'room:join' && (payload as { room: string }).room === 'test:forbidden'
        ? { ok: false, code: 'room_unavailable' }
        : { ok: true },
    );
  }
  receive(event: string, payload?: unknown) {
    this.listeners.get(event)?.forEach((listener) => listener(payload));
  }
  open() {
    this.connected = true;
    this.receive('connect');
  }
}

jest.mock('socket.io-client', () => ({ io: jest.fn() }));
const fake = new FakeSocket();
(io as jest.Mock).mockReturnValue(fake);

describe('useRoom', () => {
  it('connects lazily, joins on every connection, calls the handlers and leaves on unmount', () => {
    const handlers = { 'forum:post-created': jest.fn(), onReconnect: jest.fn() };
    const view = renderHook(({ room }) => useRoom(room, handlers), { initialProps: { room: null as string | null } });
    expect(io).not.toHaveBeenCalled();

    view.rerender({ room: 'topic:1' });
    expect(io).toHaveBeenCalledWith('/realtime', expect.objectContaining({ path: '/socket.io', withCredentials: true }));
    expect(fake.connect).toHaveBeenCalled();
    act(() => fake.open());
    expect(fake.emitted).toEqual([['room:join', { room: 'topic:1' }]]);
    expect(handlers.onReconnect).toHaveBeenCalledTimes(1);

    act(() => fake.receive('forum:post-created', { topicId: '1' }));
    expect(handlers['forum:post-created']).toHaveBeenCalledWith({ topicId: '1' });

    fake.connected = false;
    act(() => fake.open());
    expect(fake.emitted).toHaveLength(2);
    expect(handlers.onReconnect).toHaveBeenCalledTimes(2);

    view.unmount();
    expect(fake.emitted.at(-1)).toEqual(['room:leave', { room: 'topic:1' }]);
    fake.receive('forum:post-created', { topicId: '1' });
    expect(handlers['forum:post-created']).toHaveBeenCalledTimes(1);
  });

  it('tells the page when a room is refused or revoked, and keeps a room followed twice until both leave', () => {
    fake.emitted = [];
    const onUnavailable = jest.fn();
    renderHook(() => useRoom('test:forbidden', { onUnavailable }));
    expect(onUnavailable).toHaveBeenCalledTimes(1);

    const first = renderHook(() => useRoom('topic:2', { onUnavailable }));
    const second = renderHook(() => useRoom('topic:2', {}));
    act(() => fake.receive('room:revoked', { room: 'topic:2' }));
    expect(onUnavailable).toHaveBeenCalledTimes(2);
    first.unmount();
    expect(fake.emitted.filter(([event]) => event === 'room:leave')).toEqual([]);
    second.unmount();
    expect(fake.emitted.filter(([event]) => event === 'room:leave')).toEqual([['room:leave', { room: 'topic:2' }]]);
  });
});
