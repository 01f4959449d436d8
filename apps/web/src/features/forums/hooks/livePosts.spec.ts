import type { ForumPost, ForumTopicPage } from '@maillage/contracts';
import { makePost } from '../forum-fixtures';
import { mergeIntoTopicPage, upsertPost } from './livePosts';

function page(items: ForumPost[], patch: Partial<ForumTopicPage['posts']> = {}): ForumTopicPage {
  const last = items.at(-1)?.sequence ?? 0;
  return {
    topic: { lastSequence: last, postCount: items.length, lastPostAt: '2026-11-26T10:00:00Z' } as ForumTopicPage['topic'],
    posts: { items, total: items.length, page: 1, pageSize: 20, ...patch },
  };
}

describe('live posts', () => {
  it('shows one post once whether the POST answer or the live event comes first', () => {
    const own = makePost(3, { canEdit: true, canDelete: true, markdown: 'Message 3' });
    const event = makePost(3);
    const start = page([makePost(1), makePost(2)]);

    const answerFirst = mergeIntoTopicPage(mergeIntoTopicPage(start, own, 'viewer'), event, 'event');
    const eventFirst = mergeIntoTopicPage(mergeIntoTopicPage(start, event, 'event'), own, 'viewer');
    for (const result of [answerFirst, eventFirst]) {
      expect(result.posts.items.map((p) => p.id)).toEqual(['post-1', 'post-2', 'post-3']);
      expect(result.posts.total).toBe(3);
      expect(result.topic.lastSequence).toBe(3);
      // The viewer keeps the rights the neutral event does not carry.
      expect(result.posts.items[2]).toMatchObject({ canEdit: true, canDelete: true, markdown: 'Message 3' });
    }
  });

  it('keeps the order of sequences when events arrive out of order', () => {
    const start = page([makePost(1)]);
    const result = mergeIntoTopicPage(mergeIntoTopicPage(start, makePost(3), 'event'), makePost(2), 'event');
    expect(result.posts.items.map((p) => p.sequence)).toEqual([1, 2, 3]);
  });

  it('only counts new posts on an earlier page', () => {
    const start = page([makePost(1), makePost(2)], { pageSize: 2, total: 4 });
    start.topic.lastSequence = 4;
    const result = mergeIntoTopicPage(start, makePost(5), 'event');
    expect(result.posts.items.map((p) => p.sequence)).toEqual([1, 2]);
    expect(result.posts.total).toBe(5);
  });

  it('applies an update event but keeps what the viewer knows (own reactions, rights)', () => {
    const mine = makePost(1, { canEdit: true, markdown: 'avant', reactions: [{ reaction: 'heart', count: 1, mine: true }] });
    const edited = makePost(1, { html: '<p>après</p>', edited: true, reactions: [{ reaction: 'heart', count: 2, mine: false }] });
    const [merged] = upsertPost([mine], edited, 'event');
    expect(merged).toMatchObject({ html: '<p>après</p>', edited: true, canEdit: true, markdown: null });
    expect(merged!.reactions).toEqual([{ reaction: 'heart', count: 2, mine: true }]);
  });
});
