import type { Message, MessagePage } from '@maillage/contracts';
import { fetchAfter, initialThread, mergeMessages, plainExcerpt, skipsSeq, threadReducer, type ThreadState } from './thread';

const msg = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: `client-${seq}`,
  sender: { id: 'p2', firstName: 'Thomas', lastName: 'Bernard' },
  body: `Message ${seq}`,
  bodyHtml: `<p>Message ${seq}</p>`,
  attachments: [],
  reactions: [],
  createdAt: `2026-11-26T10:00:${String(seq).padStart(2, '0')}Z`,
  editedAt: null,
  deletedAt: null,
  ...extra,
});
const page = (items: Message[], hasMore = false): MessagePage => ({ items, hasMore, lastSeq: items.at(-1)?.seq ?? 0 });
const seqs = (messages: Message[]) => messages.map((m) => m.seq);

describe('merging messages by seq', () => {
  it('keeps each seq once, in order, whatever the arrival order', () => {
    const merged = mergeMessages([msg(1), msg(2)], [msg(5), msg(3), msg(2), msg(4), msg(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns the same array when nothing is new', () => {
    const current = [msg(1), msg(2)];
    expect(mergeMessages(current, [current[1]!])).toBe(current);
    expect(mergeMessages(current, [])).toBe(current);
  });

  it('takes edits and deletions, but never an older copy over a newer one', () => {
    const edited = msg(2, { body: 'corrigé', editedAt: '2026-11-26T11:00:00Z' });
    const afterEdit = mergeMessages([msg(1), msg(2)], [edited]);
    expect(afterEdit[1]!.body).toBe('corrigé');
    // A catch-up answered before the edit arrives late: the edit stays.
    expect(mergeMessages(afterEdit, [msg(2)])[1]!.body).toBe('corrigé');
    const deleted = msg(2, { body: null, bodyHtml: null, deletedAt: '2026-11-26T12:00:00Z' });
    expect(mergeMessages(afterEdit, [deleted])[1]!.deletedAt).not.toBeNull();
  });

  it('detects a skipped seq', () => {
    expect(skipsSeq([], msg(7))).toBe(false);
    expect(skipsSeq([msg(1), msg(2)], msg(3))).toBe(false);
    expect(skipsSeq([msg(1), msg(2)], msg(2))).toBe(false);
    expect(skipsSeq([msg(1), msg(2)], msg(4))).toBe(true);
  });
});

describe('catch-up', () => {
  it('fetches page after page from the last seq held until nothing more', async () => {
    const load = jest.fn(async (afterSeq: number) => (afterSeq === 3 ? page([msg(4), msg(5)], true) : page([msg(6)])));
    expect(seqs(await fetchAfter(load, 3))).toEqual([4, 5, 6]);
    expect(load.mock.calls).toEqual([[3], [5]]);
  });

  it('stops on an empty page even if it claims more', async () => {
    const load = jest.fn(async () => page([], true));
    expect(await fetchAfter(load, 9)).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('thread state', () => {
  const ready: ThreadState = threadReducer(initialThread, { type: 'loaded', page: page([msg(1), msg(2)], true) });

  it('loads, then prepends older pages', () => {
    expect(ready.status).toBe('ready');
    expect(ready.hasOlder).toBe(true);
    const older = threadReducer({ ...ready, messages: [msg(3), msg(4)] }, { type: 'older', page: page([msg(1), msg(2)]) });
    expect(seqs(older.messages)).toEqual([1, 2, 3, 4]);
    expect(older.hasOlder).toBe(false);
  });

  it('settles a pending message when its clientId comes back, from the answer or from an event', () => {
    let state = threadReducer(ready, {
      type: 'queue',
      message: { clientId: 'client-3', body: 'Bonjour', attachments: [], status: 'sending' },
    });
    state = threadReducer(state, { type: 'sendFailed', clientId: 'client-3' });
    expect(state.pending[0]!.status).toBe('failed');
    state = threadReducer(state, { type: 'retry', clientId: 'client-3' });
    expect(state.pending[0]!.status).toBe('sending');
    state = threadReducer(state, { type: 'merge', messages: [msg(3)] });
    expect(state.pending).toEqual([]);
    const again = threadReducer(state, { type: 'merge', messages: [msg(3)] });
    expect(again).toBe(state);
    expect(seqs(again.messages)).toEqual([1, 2, 3]);
  });

  it('keeps the messages when a later load fails', () => {
    expect(threadReducer(ready, { type: 'failed', error: new Error('x') })).toBe(ready);
    expect(threadReducer(initialThread, { type: 'failed', error: 'boom' }).status).toBe('error');
  });
});

it('makes a plain excerpt of Markdown', () => {
  expect(plainExcerpt('**Bonjour** [le site](https://exemple.fr) _vite_')).toBe('Bonjour le site vite');
  expect(plainExcerpt('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
});
