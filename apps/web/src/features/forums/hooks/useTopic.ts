import { useCallback, useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FORUM_PAGE_SIZE_DEFAULT, type ForumPost, type ForumTopic, type ForumTopicPage } from '@maillage/contracts';
import { useRoom } from '../../../lib/realtime';
import { forumKeys, forumsApi } from '../api/forums.api';
import { mergeIntoTopicPage, type PostSource } from './livePosts';

export function useTopicPage(topicId: string, page: number) {
  return useQuery({
    queryKey: forumKeys.topicPage(topicId, page),
    queryFn: () => forumsApi.topicPage(topicId, page, FORUM_PAGE_SIZE_DEFAULT),
  });
}

/** Cache updates of one topic page: a post merged in (own answer or live event), the topic replaced. */
export function useTopicCache(topicId: string, page: number) {
  const queryClient = useQueryClient();
  const mergePost = useCallback(
    (post: ForumPost, source: PostSource = 'viewer') =>
      queryClient.setQueryData<ForumTopicPage>(forumKeys.topicPage(topicId, page), (data) =>
        data ? mergeIntoTopicPage(data, post, source) : data,
      ),
    [queryClient, topicId, page],
  );
  const setTopic = useCallback(
    (topic: ForumTopic) => {
      queryClient.setQueryData<ForumTopicPage>(forumKeys.topicPage(topicId, page), (data) => (data ? { ...data, topic } : data));
      // Lists show pins, locks, solved marks, follows and categories.
      void queryClient.invalidateQueries({ queryKey: forumKeys.overview(topic.networkId) });
    },
    [queryClient, topicId, page],
  );
  return { mergePost, setTopic };
}

/**
 * Live posts: joins room `topic:<id>`, merges `forum:post-created` / `forum:post-updated` (a post
 * already shown is replaced, never repeated) and, after a reconnection, fetches what was missed.
 */
export function useLiveTopic(topicId: string, page: number, data: ForumTopicPage | undefined, signedIn: boolean) {
  const queryClient = useQueryClient();
  const { mergePost } = useTopicCache(topicId, page);
  const lastSequence = useRef(0);
  lastSequence.current = data?.topic.lastSequence ?? 0;
  const onEvent = useCallback(
    (event: { topicId: string; post: ForumPost }) => {
      if (event.topicId === topicId) mergePost(event.post, 'event');
    },
    [topicId, mergePost],
  );
  const catchUp = useCallback(async () => {
    let after = lastSequence.current;
    for (;;) {
      const missed = await forumsApi.postsAfter(topicId, after);
      missed.items.forEach((post) => mergePost(post, 'viewer'));
      after = missed.items.at(-1)?.sequence ?? after;
      if (!missed.hasMore || !missed.items.length) break;
    }
  }, [topicId, mergePost]);
  // Only signed-in people have a socket (the handshake reads the session).
  useRoom(data && signedIn ? `topic:${topicId}` : null, {
    'forum:post-created': onEvent,
    'forum:post-updated': onEvent,
    onReconnect: () => void catchUp().catch(() => undefined),
    // Rights lost (left the network, banned): the page asks again and shows what the API says.
    onUnavailable: () => void queryClient.invalidateQueries({ queryKey: forumKeys.topic(topicId) }),
  });
}

/** Moves the caller's read marker to the last post shown (never backwards), then refreshes unread counts. */
export function useMarkRead(data: ForumTopicPage | undefined, signedIn: boolean) {
  const queryClient = useQueryClient();
  const sent = useRef(0);
  const topic = data?.topic;
  const shown = data?.posts.items.reduce((max, post) => Math.max(max, post.sequence), 0) ?? 0;
  useEffect(() => {
    if (!signedIn || !topic || shown <= Math.max(topic.lastReadSequence, sent.current)) return;
    sent.current = shown;
    forumsApi
      .markRead(topic.id, shown)
      .then(() => queryClient.invalidateQueries({ queryKey: forumKeys.overview(topic.networkId) }))
      .catch(() => {
        sent.current = 0;
      });
  }, [signedIn, topic, shown, queryClient]);
}
