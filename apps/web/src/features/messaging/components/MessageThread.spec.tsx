import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { io } from 'socket.io-client';
import type { Conversation, Message, MessagePage } from '@maillage/contracts';
import { renderWithProviders, testUser } from '../../../test/render';
import { messagingApi } from '../api/messaging.api';
import { useConversation } from '../hooks/useMessaging';
import { MessageThread } from './MessageThread';

jest.mock('../api/messaging.api', () => ({
  ...jest.requireActual('../api/messaging.api'),
  messagingApi: {
    get: jest.fn(),
    messages: jest.fn(),
    send: jest.fn(),
    markRead: jest.fn(),
    blocks: jest.fn(),
    unread: jest.fn(),
    list: jest.fn(),
    edit: jest.fn(),
    remove: jest.fn(),
    react: jest.fn(),
  },
}));
const mocked = messagingApi as jest.Mocked<typeof messagingApi>;

/** The socket.io client: the test plays the server's events. */
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const fakeSocket = {
  connected: true,
  active: true,
  connect: jest.fn(),
  emit: jest.fn((event: string, _payload: unknown, ack?: (result: unknown) => void) => {
    if (event === 'room:join') ack?.({ ok: true });
  }),
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
  },
  off: (event: string, listener: (payload: unknown) => void) => listeners.get(event)?.delete(listener),
};
jest.mock('socket.io-client', () => ({ io: jest.fn() }));
(io as jest.Mock).mockReturnValue(fakeSocket);
const receive = (event: string, payload?: unknown) => act(() => listeners.get(event)?.forEach((listener) => listener(payload)));

const ME = testUser.id;
const THOMAS = { id: '22222222-2222-4222-8222-222222222222', firstName: 'Thomas', lastName: 'Bernard' };
const CONVERSATION: Conversation = {
  id: '33333333-3333-4333-8333-333333333333',
  kind: 'direct',
  title: null,
  createdById: ME,
  participants: [
    { ...THOMAS, role: 'member', joinedAt: '2026-11-01T10:00:00Z', lastReadSeq: 0 },
    { id: ME, firstName: 'Ada', lastName: 'Lovelace', role: 'owner', joinedAt: '2026-11-01T10:00:00Z', lastReadSeq: 3 },
  ],
  myRole: 'owner',
  muted: false,
  lastSeq: 3,
  lastReadSeq: 3,
  unreadCount: 0,
  canPost: true,
  createdAt: '2026-11-01T10:00:00Z',
  lastMessageAt: '2026-11-26T10:00:03Z',
};

const message = (seq: number, from = THOMAS, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  conversationId: CONVERSATION.id,
  seq,
  clientId: `00000000-0000-4000-8000-00000000000${seq}`,
  sender: from,
  body: `Message numéro ${seq}`,
  bodyHtml: `<p>Message numéro ${seq}</p>`,
  attachments: [],
  reactions: [],
  createdAt: `2026-11-26T10:00:0${seq}Z`,
  editedAt: null,
  deletedAt: null,
  ...extra,
});
const page = (items: Message[], hasMore = false): MessagePage => ({ items, hasMore, lastSeq: items.at(-1)?.seq ?? 0 });

/** The texts of the messages shown, in order. */
const shown = () =>
  within(screen.getByRole('log'))
    .getAllByRole('listitem')
    .map((item) => /Message numéro \d+|Bonjour|Salut/.exec(item.textContent ?? '')?.[0]);

/** The thread as the page shows it: its conversation comes from the query cache (read receipts update it). */
function Thread() {
  const conversation = useConversation(CONVERSATION.id).data;
  return conversation ? <MessageThread conversation={conversation} meId={ME} presence={{ [THOMAS.id]: 'online' }} /> : null;
}

function setup(conversation = CONVERSATION) {
  mocked.get.mockResolvedValue(conversation);
  return renderWithProviders(<Thread />, { user: testUser });
}

describe('conversation thread', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    listeners.clear();
    mocked.messages.mockResolvedValue(page([message(1), message(2), message(3)]));
    mocked.markRead.mockResolvedValue({ conversationId: CONVERSATION.id, lastReadSeq: 3 });
    mocked.blocks.mockResolvedValue([]);
    mocked.unread.mockResolvedValue({ total: 0, conversations: [] });
  });

  it('merges live messages by seq and catches up a skipped seq and after a reconnect, without duplicates', async () => {
    setup();
    await screen.findByText('Message numéro 3');
    expect(screen.getByText('En ligne')).toBeInTheDocument();
    expect(fakeSocket.emit).toHaveBeenCalledWith('room:join', { room: `conversation:${CONVERSATION.id}` }, expect.any(Function));

    receive('message:new', message(4));
    receive('message:new', message(4));
    await screen.findByText('Message numéro 4');

    // 5 and 6 were missed: 7 triggers a catch-up after seq 4.
    mocked.messages.mockResolvedValueOnce(page([message(5), message(6), message(7)]));
    receive('message:new', message(7));
    await screen.findByText('Message numéro 6');
    expect(mocked.messages).toHaveBeenLastCalledWith(CONVERSATION.id, { afterSeq: 4 });
    expect(shown()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Message numéro ${n}`));

    // Another conversation's message (from the person's own room) is not this thread's.
    receive('message:new', { ...message(8), conversationId: '44444444-4444-4444-8444-444444444444' });

    // The socket comes back: whatever was sent meanwhile is fetched after the last seq held.
    mocked.messages.mockResolvedValueOnce(page([message(8), message(9)], true)).mockResolvedValueOnce(page([message(10)]));
    receive('connect');
    await screen.findByText('Message numéro 10');
    expect(mocked.messages).toHaveBeenCalledWith(CONVERSATION.id, { afterSeq: 7 });
    expect(mocked.messages).toHaveBeenLastCalledWith(CONVERSATION.id, { afterSeq: 9 });
    // The same events arriving late change nothing.
    receive('message:new', message(9));
    receive('message:new', message(8));
    expect(shown()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Message numéro ${n}`));

    // Window focus also catches up.
    mocked.messages.mockResolvedValueOnce(page([]));
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(mocked.messages).toHaveBeenLastCalledWith(CONVERSATION.id, { afterSeq: 10 }));
  });

  it('shows who is typing, and the read receipt moving with the read events', async () => {
    mocked.messages.mockResolvedValue(page([message(1), message(2, { id: ME, firstName: 'Ada', lastName: 'Lovelace' })]));
    setup();
    await screen.findByText('Message numéro 2');
    expect(screen.getByTestId('read-receipt')).toHaveTextContent('Envoyé');

    receive('typing', { conversationId: CONVERSATION.id, personId: THOMAS.id });
    expect(await screen.findByText('Thomas écrit…')).toBeInTheDocument();
    receive('message:read', { conversationId: CONVERSATION.id, personId: THOMAS.id, seq: 2 });
    await waitFor(() => expect(screen.getByTestId('read-receipt')).toHaveTextContent('Vu'));
    // His message clears the typing indicator.
    receive('message:new', message(3));
    await waitFor(() => expect(screen.queryByText('Thomas écrit…')).not.toBeInTheDocument());
  });

  it('sends with a clientId, shows the sending state, and retries a failure with the same clientId once', async () => {
    setup();
    await screen.findByText('Message numéro 3');
    let fail!: (error: unknown) => void;
    mocked.send.mockImplementationOnce(() => new Promise((_resolve, reject) => (fail = reject)));

    const box = screen.getByRole('textbox', { name: 'Votre message' });
    fireEvent.change(box, { target: { value: '  Bonjour  ' } });
    expect(fakeSocket.emit).toHaveBeenCalledWith('typing', { conversationId: CONVERSATION.id });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box).toHaveValue('');
    expect(await screen.findByText('Envoi…')).toBeInTheDocument();
    const first = mocked.send.mock.calls[0]!;
    expect(first[0]).toBe(CONVERSATION.id);
    expect(first[1].body).toBe('Bonjour');
    expect(first[1].clientId).toMatch(/^[0-9a-f-]{36}$/);

    await act(async () => fail(new TypeError('Failed to fetch')));
    expect(await screen.findByText('Échec de l’envoi')).toBeInTheDocument();

    const sent = message(
      4,
      { id: ME, firstName: 'Ada', lastName: 'Lovelace' },
      { clientId: first[1].clientId, body: 'Bonjour', bodyHtml: '<p>Bonjour</p>' },
    );
    mocked.send.mockResolvedValueOnce(sent);
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(mocked.send).toHaveBeenCalledTimes(2));
    expect(mocked.send.mock.calls[1]![1].clientId).toBe(first[1].clientId);
    // The live event of the same message arrives too: it is shown once.
    receive('message:new', sent);
    await waitFor(() => expect(screen.queryByText('Échec de l’envoi')).not.toBeInTheDocument());
    expect(screen.queryByText('Envoi…')).not.toBeInTheDocument();
    expect(shown()).toEqual(['Message numéro 1', 'Message numéro 2', 'Message numéro 3', 'Bonjour']);
  });

  it('edits, reacts to and deletes one’s own message', async () => {
    const ADA = { id: ME, firstName: 'Ada', lastName: 'Lovelace' };
    const mine = message(2, ADA);
    mocked.messages.mockResolvedValue(page([message(1), mine]));
    setup();
    await screen.findByText('Message numéro 2');
    // Only one's own messages have the actions menu.
    const menus = screen.getAllByRole('button', { name: /Actions sur votre message/ });
    expect(menus).toHaveLength(1);

    mocked.edit.mockResolvedValue({
      ...mine,
      body: 'Bonjour corrigé',
      bodyHtml: '<p>Bonjour corrigé</p>',
      editedAt: '2026-11-26T11:00:00Z',
    });
    fireEvent.click(menus[0]!);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Modifier' }));
    const editor = await screen.findByRole('textbox', { name: 'Modifier le message' });
    fireEvent.change(editor, { target: { value: ' Bonjour corrigé ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(mocked.edit).toHaveBeenCalledWith('m2', 'Bonjour corrigé'));
    expect(await screen.findByText('Bonjour corrigé')).toBeInTheDocument();
    expect(screen.getByText('(modifié)')).toBeInTheDocument();

    mocked.react.mockResolvedValue({ ...message(1), reactions: [{ reaction: 'heart', personIds: [THOMAS.id, ME] }] });
    fireEvent.click(screen.getAllByRole('button', { name: 'Ajouter une réaction' })[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Cœur' }));
    await waitFor(() => expect(mocked.react).toHaveBeenCalledWith('m1', 'heart', true));
    expect(await screen.findByRole('button', { name: 'Cœur : 2 personnes', pressed: true })).toBeInTheDocument();

    mocked.remove.mockResolvedValue(undefined);
    fireEvent.click(screen.getByRole('button', { name: /Actions sur votre message/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Supprimer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer ce message ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(mocked.remove).toHaveBeenCalledWith('m2'));
    expect(await screen.findByText('Message supprimé')).toBeInTheDocument();
    expect(screen.queryByText('Bonjour corrigé')).not.toBeInTheDocument();
  });

  it('marks the conversation read up to the last message shown', async () => {
    setup({ ...CONVERSATION, lastReadSeq: 1, unreadCount: 2 });
    await screen.findByText('Message numéro 3');
    await waitFor(() => expect(mocked.markRead).toHaveBeenCalledWith(CONVERSATION.id, 3));
  });

  it('says when it cannot post and when the history fails to load', async () => {
    mocked.messages.mockRejectedValue(new TypeError('Failed to fetch'));
    setup({ ...CONVERSATION, canPost: false });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByText(/Vous ne pouvez plus écrire/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Votre message' })).not.toBeInTheDocument();
  });
});
