import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { io } from 'socket.io-client';
import type { NotificationPage, NotificationView } from '@maillage/contracts';
import { renderWithProviders, testUser } from '../../../test/render';
import { notificationsApi } from '../api/notifications.api';
import NotificationBell from './NotificationBell';

jest.mock('../api/notifications.api', () => ({
  ...jest.requireActual('../api/notifications.api'),
  notificationsApi: { list: jest.fn(), unreadCount: jest.fn(), markRead: jest.fn(), markAllRead: jest.fn() },
}));
const mocked = notificationsApi as jest.Mocked<typeof notificationsApi>;

/** The socket.io client: the test sends the server's events. */
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const fakeSocket = {
  connected: true,
  active: true,
  connect: jest.fn(),
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
  },
  off: (event: string, listener: (payload: unknown) => void) => listeners.get(event)?.delete(listener),
};
jest.mock('socket.io-client', () => ({ io: jest.fn() }));
(io as jest.Mock).mockReturnValue(fakeSocket);
const receive = (event: string, payload: unknown) => act(() => listeners.get(event)?.forEach((listener) => listener(payload)));

const notification = (id: string, read: boolean, createdAt = new Date().toISOString()): NotificationView => ({
  id,
  type: 'forum.mention',
  subject: { kind: 'forum_topic', id: 't1', networkId: 'n1' },
  actor: { id: 'p2', name: 'Aline Martin' },
  data: { author: 'Aline Martin', topic: 'Achats d’énergie', network: 'Club', excerpt: 'Qu’en pensez-vous @Ada ?' },
  path: `/forum/sujets/t1#message-${id}`,
  count: 1,
  read,
  createdAt,
});

const PAGE: NotificationPage = {
  items: [notification('a', false), notification('b', true, '2026-01-05T09:30:00Z')],
  total: 2,
  page: 1,
  pageSize: 8,
  unreadCount: 3,
};

function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname}${location.hash}`}</output>;
}

function setup() {
  renderWithProviders(
    <>
      <NotificationBell />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </>,
    { user: testUser },
  );
}

describe('notification bell', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    listeners.clear();
    mocked.unreadCount.mockResolvedValue({ unreadCount: 3 });
    mocked.list.mockResolvedValue(PAGE);
    mocked.markAllRead.mockResolvedValue({ unreadCount: 0 });
    mocked.markRead.mockResolvedValue({ unreadCount: 2 });
  });

  it('shows the unread count in its name and badge, kept live by the socket events', async () => {
    setup();
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 non lues' });
    expect(bell).toHaveTextContent('3');

    receive('notification:new', { notification: notification('c', false), unreadCount: 4 });
    expect(await screen.findByRole('button', { name: 'Notifications, 4 non lues' })).toBeInTheDocument();
    receive('notification:count', { unreadCount: 1 });
    expect(await screen.findByRole('button', { name: 'Notifications, 1 non lue' })).toBeInTheDocument();
    receive('notification:count', { unreadCount: 0 });
    expect(await screen.findByRole('button', { name: 'Notifications' })).not.toHaveTextContent('0');
  });

  it('lists the latest notifications and marks them all as read', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 3 non lues' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications, 3 non lues' });
    expect(mocked.list).toHaveBeenCalledWith({ page: 1, pageSize: 8 }, expect.anything());
    expect(
      await screen.findByRole('link', { name: /Non lue, Aline Martin vous a mentionné dans « Achats d’énergie »/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Aline Martin vous a mentionné/ })[1]).not.toHaveAccessibleName(/Non lue/);
    expect(dialog).toContainElement(screen.getByRole('link', { name: 'Voir toutes les notifications' }));

    fireEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));
    await waitFor(() => expect(mocked.markAllRead).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tout marquer comme lu' })).toBeDisabled();
  });

  it('marks an unread notification as read when it is opened and goes to its page', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 3 non lues' }));
    fireEvent.click(await screen.findByRole('link', { name: /Non lue, Aline Martin/ }));
    await waitFor(() => expect(mocked.markRead).toHaveBeenCalledWith(['a'], expect.anything()));
    expect(screen.getByTestId('where')).toHaveTextContent('/forum/sujets/t1#message-a');
    expect(await screen.findByRole('button', { name: 'Notifications, 2 non lues' })).toBeInTheDocument();
  });
});
