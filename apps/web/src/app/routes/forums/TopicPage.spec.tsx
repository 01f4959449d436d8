import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { ForumPost, ForumTopicPage } from '@maillage/contracts';
import TopicPage from './TopicPage';
import { useRoom } from '../../../lib/realtime';
import { renderWithProviders, testUser } from '../../../test/render';
import { forumsApi } from '../../../features/forums/api/forums.api';
import { makePost } from '../../../features/forums/forum-fixtures';

jest.mock('../../../lib/realtime', () => ({ useRoom: jest.fn() }));
jest.mock('../../../features/forums/api/forums.api', () => ({
  ...jest.requireActual('../../../features/forums/api/forums.api'),
  forumsApi: { topicPage: jest.fn(), reply: jest.fn(), markRead: jest.fn(), mentions: jest.fn(), postsAfter: jest.fn() },
}));
const api = forumsApi as jest.Mocked<typeof forumsApi>;
const room = useRoom as jest.MockedFunction<typeof useRoom>;

const TOPIC_ID = 'topic-1';

function topicPage(posts: ForumPost[]): ForumTopicPage {
  return {
    topic: {
      id: TOPIC_ID,
      networkId: 'network-1',
      networkName: 'Club des industriels du Forez',
      categoryId: 'category-1',
      categoryName: 'Entraide',
      title: 'Qui connaît un bon tourneur ?',
      author: posts[0]!.author!,
      pinned: false,
      locked: false,
      solvedPostId: null,
      postCount: posts.length,
      lastSequence: posts.at(-1)!.sequence,
      lastPostAt: posts.at(-1)!.createdAt,
      createdAt: posts[0]!.createdAt,
      updatedAt: posts[0]!.createdAt,
      following: false,
      lastReadSequence: 0,
      permissions: {
        canReply: true,
        canEdit: false,
        canDelete: false,
        canModerate: false,
        canSolve: false,
        canShare: false,
        canRemoveFrom: [],
        canFollow: true,
      },
    },
    posts: { items: posts, total: posts.length, page: 1, pageSize: 20 },
  };
}

/** Runs a socket event, then lets the query cache notify the page (it does so on the next timer tick). */
const emit = (handler: () => void) =>
  act(async () => {
    handler();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** The handlers the page registered for its room, as the latest render passed them. */
function live() {
  const call = room.mock.calls.filter(([name]) => name === `topic:${TOPIC_ID}`).at(-1);
  if (!call) throw new Error('the topic room was not joined');
  const handlers = call[1] as Record<string, (payload: unknown) => void>;
  return {
    created: (post: ForumPost) => emit(() => handlers['forum:post-created']!({ topicId: TOPIC_ID, post })),
    updated: (post: ForumPost) => emit(() => handlers['forum:post-updated']!({ topicId: TOPIC_ID, post })),
  };
}

const articles = () => within(screen.getByRole('list', { name: 'Messages du sujet' })).getAllByRole('article');

async function openTopic() {
  renderWithProviders(
    <Routes>
      <Route path="/forum/sujets/:id" element={<TopicPage />} />
    </Routes>,
    { route: `/forum/sujets/${TOPIC_ID}`, user: testUser },
  );
  await screen.findByRole('heading', { level: 1, name: 'Qui connaît un bon tourneur ?' });
  expect(articles()).toHaveLength(2);
}

async function reply(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Votre réponse' }), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
  });
}

const own = (sequence: number) =>
  makePost(sequence, {
    author: { personId: testUser.id, firstName: 'Ada', lastName: 'Lovelace', isExpert: false, photoUrl: null, company: null },
    canEdit: true,
    canDelete: true,
    markdown: `Réponse ${sequence}`,
  });
/** The same post as the room broadcasts it: no viewer rights. */
const broadcast = (post: ForumPost) => ({ ...post, canEdit: false, canDelete: false, markdown: null });

describe('topic page, live posts', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    api.topicPage.mockResolvedValue(topicPage([makePost(1), makePost(2)]));
    api.markRead.mockResolvedValue(undefined);
  });

  it('appends posts of others as they arrive, and updates edited ones in place', async () => {
    await openTopic();
    await live().created(makePost(3, { html: '<p>Essayez Tournage Loire.</p>' }));
    expect(articles()).toHaveLength(3);
    expect(articles()[2]).toHaveTextContent('Essayez Tournage Loire.');
    await live().updated(makePost(3, { html: '<p>Essayez Tournage Loire, à Feurs.</p>', edited: true }));
    expect(articles()).toHaveLength(3);
    expect(articles()[2]).toHaveTextContent('à Feurs.');
    // The same event twice (a reconnection) changes nothing.
    await live().created(makePost(3, { html: '<p>Essayez Tournage Loire, à Feurs.</p>', edited: true }));
    expect(articles()).toHaveLength(3);
  });

  it('shows one’s own reply once when the answer comes before the event', async () => {
    const mine = own(3);
    api.reply.mockResolvedValue(mine);
    await openTopic();
    await reply('Réponse 3');
    await waitFor(() => expect(articles()).toHaveLength(3));
    await live().created(broadcast(mine));
    expect(articles()).toHaveLength(3);
    // The viewer's rights survive the neutral event: the post can still be deleted by its author.
    expect(within(articles()[2]!).getByRole('button', { name: 'Supprimer le message n° 3' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Votre réponse' })).toHaveValue('');
  });

  it('shows one’s own reply once when the event comes before the answer', async () => {
    const mine = own(3);
    let answer: (post: ForumPost) => void = () => undefined;
    api.reply.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await openTopic();
    await reply('Réponse 3');
    await waitFor(() => expect(api.reply).toHaveBeenCalledWith(TOPIC_ID, { body: 'Réponse 3', quotePostId: null, attachmentIds: [] }));
    await live().created(broadcast(mine));
    expect(articles()).toHaveLength(3);
    await act(async () => answer(mine));
    expect(articles()).toHaveLength(3);
    expect(within(articles()[2]!).getByRole('button', { name: 'Supprimer le message n° 3' })).toBeInTheDocument();
  });

  it('never marks one’s own reply as new, only the posts of others after the last one read', async () => {
    const opened = topicPage([makePost(1), makePost(2)]);
    api.topicPage.mockResolvedValue({ ...opened, topic: { ...opened.topic, lastReadSequence: 2 } });
    api.reply.mockResolvedValue(own(3));
    await openTopic();
    await reply('Réponse 3');
    await waitFor(() => expect(articles()).toHaveLength(3));
    expect(screen.queryByText('Nouveaux messages')).not.toBeInTheDocument();
    await live().created(makePost(4));
    expect(articles()).toHaveLength(4);
    expect(screen.getByText('Nouveaux messages')).toBeInTheDocument();
  });

  it('marks the topic read up to the last post shown', async () => {
    await openTopic();
    await waitFor(() => expect(api.markRead).toHaveBeenCalledWith(TOPIC_ID, 2));
    await live().created(makePost(3));
    await waitFor(() => expect(api.markRead).toHaveBeenLastCalledWith(TOPIC_ID, 3));
  });
});
