import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { io } from 'socket.io-client';
import type { ConversationListItem, Page } from '@maillage/contracts';
import { renderWithProviders, testUser } from '../../../test/render';
import { messagingApi } from '../api/messaging.api';
import { ConversationList } from './ConversationList';
import MessagesBadge from './MessagesBadge';

jest.mock('../api/messaging.api', () => ({
  ...jest.requireActual('../api/messaging.api'),
  messagingApi: { list: jest.fn(), unread: jest.fn() },
}));
const mocked = messagingApi as jest.Mocked<typeof messagingApi>;

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const fakeSocket = {
  connected: true,
  active: true,
  connect: jest.fn(),
  disconnect: jest.fn(),
  emit: jest.fn(),
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
const CLAIRE = { id: '55555555-5555-4555-8555-555555555555', firstName: 'Claire', lastName: 'Dubois' };
const participant = (p: typeof THOMAS) => ({ ...p, role: 'member' as const, joinedAt: '2026-11-01T10:00:00Z', lastReadSeq: 0 });

const item = (id: string, extra: Partial<ConversationListItem>): ConversationListItem => ({
  id,
  kind: 'direct',
  title: null,
  createdById: ME,
  participants: [participant({ id: ME, firstName: 'Ada', lastName: 'Lovelace' }), participant(THOMAS)],
  myRole: 'owner',
  muted: false,
  lastSeq: 2,
  lastReadSeq: 0,
  unreadCount: 0,
  canPost: true,
  createdAt: '2026-11-01T10:00:00Z',
  lastMessageAt: '2026-11-26T10:00:00Z',
  lastMessage: null,
  ...extra,
});

const PAGE: Page<ConversationListItem> = {
  items: [
    item('c1', {
      unreadCount: 2,
      lastMessage: {
        id: 'm2',
        conversationId: 'c1',
        seq: 2,
        clientId: 'x',
        sender: THOMAS,
        body: 'Rendez-vous **jeudi** ?',
        bodyHtml: '<p>Rendez-vous <strong>jeudi</strong> ?</p>',
        attachments: [],
        reactions: [],
        createdAt: '2026-11-26T10:00:00Z',
        editedAt: null,
        deletedAt: null,
      },
    }),
    item('c2', {
      kind: 'group',
      title: 'Club export',
      muted: true,
      participants: [participant({ id: ME, firstName: 'Ada', lastName: 'Lovelace' }), participant(THOMAS), participant(CLAIRE)],
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 50,
};

describe('conversation list', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    listeners.clear();
    mocked.list.mockResolvedValue(PAGE);
  });

  it('shows names, previews, unread counts, presence and muted groups, and searches', async () => {
    renderWithProviders(<ConversationList meId={ME} activeId="c1" presence={{ [THOMAS.id]: 'online' }} />, { user: testUser });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    const [direct, group] = within(list).getAllByRole('link');
    expect(direct).toHaveAccessibleName(/En ligne.*Thomas Bernard.*Rendez-vous jeudi \?.*2 messages non lus/);
    expect(direct).toHaveAttribute('href', '/messages/c1');
    expect(direct).toHaveAttribute('aria-current', 'page');
    expect(group).toHaveAccessibleName(/Conversation de groupe.*Club export.*Pas encore de message.*En sourdine/);

    mocked.list.mockResolvedValue({ ...PAGE, items: [], total: 0 });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher une conversation' }), { target: { value: 'zorro' } });
    await waitFor(() => expect(mocked.list).toHaveBeenLastCalledWith({ q: 'zorro', page: 1, pageSize: 50 }, expect.anything()));
    expect(await screen.findByText('Aucune conversation ne correspond.')).toBeInTheDocument();
  });

  it('says when there is no conversation yet', async () => {
    mocked.list.mockResolvedValue({ ...PAGE, items: [], total: 0 });
    renderWithProviders(<ConversationList meId={ME} presence={{}} />, { user: testUser });
    expect(await screen.findByText(/Aucune conversation pour l’instant/)).toBeInTheDocument();
  });
});

describe('header messages badge', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    listeners.clear();
  });

  it('counts unread messages, live, and closes the socket while the browser is offline', async () => {
    mocked.unread.mockResolvedValueOnce({ total: 3, conversations: [] }).mockResolvedValue({ total: 4, conversations: [] });
    renderWithProviders(<MessagesBadge />, { user: testUser });
    const link = await screen.findByRole('link', { name: 'Messages, 3 non lus' });
    expect(link).toHaveAttribute('href', '/messages');
    receive('message:new', { conversationId: 'c1', seq: 3 });
    expect(await screen.findByRole('link', { name: 'Messages, 4 non lus' })).toBeInTheDocument();

    act(() => void window.dispatchEvent(new Event('offline')));
    expect(fakeSocket.disconnect).toHaveBeenCalled();
    fakeSocket.active = false;
    act(() => void window.dispatchEvent(new Event('online')));
    expect(fakeSocket.connect).toHaveBeenCalled();
    fakeSocket.active = true;
  });
});
