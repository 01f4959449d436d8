// A conversation's messages on screen: merged by sequence number from every source (first page, history,
// the answer to one's own POST, live events, catch-up after a reconnect) so that none shows twice or out of order.
import type { Conversation, ConversationParticipant, Message, MessageAttachment, MessagePage } from '@maillage/contracts';

/** A message typed here and not yet confirmed by the API: shown as "sending", or "failed" with a retry. */
export interface PendingMessage {
  clientId: string;
  body: string;
  attachments: MessageAttachment[];
  status: 'sending' | 'failed';
}

export interface ThreadState {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** Confirmed messages, ascending `seq`, each seq once. */
  messages: Message[];
  /** Older messages exist before the first one held. */
  hasOlder: boolean;
  pending: PendingMessage[];
}

export const initialThread: ThreadState = { status: 'loading', error: null, messages: [], hasOlder: false, pending: [] };

export type ThreadAction =
  | { type: 'loaded'; page: MessagePage }
  | { type: 'failed'; error: unknown }
  | { type: 'older'; page: MessagePage }
  | { type: 'merge'; messages: Message[] }
  | { type: 'queue'; message: PendingMessage }
  | { type: 'sendFailed'; clientId: string }
  | { type: 'retry'; clientId: string };

/** When a message last changed (an edit or a deletion); reaction changes carry no date and count as equal. */
function version(message: Message): number {
  return Date.parse(message.deletedAt ?? message.editedAt ?? message.createdAt);
}

/**
 * `current` with `incoming` merged in: matched by `seq` (then the newer version of the two wins, the
 * later arrival on a tie, e.g. a reaction), sorted by `seq`. Returns `current` itself when nothing changed.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (!incoming.length) return current as Message[];
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  let changed = false;
  for (const message of incoming) {
    const held = bySeq.get(message.seq);
    if (held && (held === message || version(held) > version(message) || JSON.stringify(held) === JSON.stringify(message))) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return current as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest sequence number held (0 when none). */
export function lastSeqOf(messages: readonly Message[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** True when `message` is not the next one after those held: some were missed, catch up first. */
export function skipsSeq(messages: readonly Message[], message: Message): boolean {
  return messages.length > 0 && message.seq > lastSeqOf(messages) + 1;
}

/** Pending messages the API confirmed (same clientId) leave the queue. */
function settle(pending: PendingMessage[], confirmed: readonly Message[]): PendingMessage[] {
  const ids = new Set(confirmed.map((m) => m.clientId));
  const left = pending.filter((p) => !ids.has(p.clientId));
  return left.length === pending.length ? pending : left;
}

const withStatus = (pending: PendingMessage[], clientId: string, status: PendingMessage['status']) =>
  pending.map((p) => (p.clientId === clientId ? { ...p, status } : p));

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        status: 'ready',
        error: null,
        messages: mergeMessages(state.messages, action.page.items),
        hasOlder: action.page.hasMore,
        pending: settle(state.pending, action.page.items),
      };
    case 'failed':
      return state.status === 'ready' ? state : { ...state, status: 'error', error: action.error };
    case 'older':
      return { ...state, messages: mergeMessages(state.messages, action.page.items), hasOlder: action.page.hasMore };
    case 'merge': {
      const messages = mergeMessages(state.messages, action.messages);
      const pending = settle(state.pending, action.messages);
      return messages === state.messages && pending === state.pending ? state : { ...state, messages, pending };
    }
    case 'queue':
      return { ...state, pending: [...state.pending.filter((p) => p.clientId !== action.message.clientId), action.message] };
    case 'sendFailed':
      return { ...state, pending: withStatus(state.pending, action.clientId, 'failed') };
    case 'retry':
      return { ...state, pending: withStatus(state.pending, action.clientId, 'sending') };
  }
}

/**
 * Every message after `afterSeq`, page after page (the catch-up after a reconnect, a focus, a skipped seq).
 */
export async function fetchAfter(load: (afterSeq: number) => Promise<MessagePage>, afterSeq: number, maxPages = 20): Promise<Message[]> {
  const found: Message[] = [];
  let after = afterSeq;
  for (let i = 0; i < maxPages; i++) {
    const page = await load(after);
    found.push(...page.items);
    if (!page.hasMore || !page.items.length) break;
    after = lastSeqOf(page.items);
  }
  return found;
}

/** The other participants who have read up to `seq` (read receipts under one's own last message). */
export function readersOf(conversation: Conversation, seq: number, meId: string): ConversationParticipant[] {
  return conversation.participants.filter((p) => p.id !== meId && p.lastReadSeq >= seq);
}

/** The conversation's name as `meId` sees it: a group's title, or the other person's name. */
export function conversationName(conversation: Pick<Conversation, 'kind' | 'title' | 'participants'>, meId: string): string {
  if (conversation.kind === 'group' && conversation.title) return conversation.title;
  const others = conversation.participants.filter((p) => p.id !== meId);
  return others.map((p) => `${p.firstName} ${p.lastName}`.trim()).join(', ');
}

/** The other person of a direct conversation. */
export function otherPerson(conversation: Pick<Conversation, 'kind' | 'participants'>, meId: string): ConversationParticipant | null {
  return conversation.kind === 'direct' ? (conversation.participants.find((p) => p.id !== meId) ?? null) : null;
}

/** A plain-text excerpt of a Markdown body (list previews). */
export function plainExcerpt(markdown: string, max = 90): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
