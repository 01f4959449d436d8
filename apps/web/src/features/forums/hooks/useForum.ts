import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { forumMentionMarkdown, type ForumMentionCandidate } from '@maillage/contracts';
import { useRoom } from '../../../lib/realtime';
import { forumKeys, forumsApi, type TopicListQuery } from '../api/forums.api';
import type { MentionCandidate, MentionSource } from '../../../components/markdown/MarkdownEditor';

/** Delay between refreshes of a forum left open by an anonymous visitor (signed-in readers follow its room live). */
const TOPIC_LIST_REFRESH_MS = 20_000;

/** `poll`: refreshed every 20 s (for visitors without a socket; see useLiveForum). */
export function useForumOverview(networkId: string, { poll = false, enabled = true } = {}) {
  // Its topic counts move with the topic list.
  return useQuery({
    queryKey: forumKeys.overview(networkId),
    queryFn: () => forumsApi.overview(networkId),
    enabled,
    refetchInterval: poll ? TOPIC_LIST_REFRESH_MS : false,
  });
}

export function useTopicList(networkId: string, query: TopicListQuery, { poll = false } = {}) {
  return useQuery({
    queryKey: forumKeys.topics(networkId, query),
    queryFn: ({ signal }) => forumsApi.topics(networkId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? TOPIC_LIST_REFRESH_MS : false,
  });
}

/**
 * Signed-in readers follow room `forum:<networkId>`: a new topic or reply (here or in a topic shared with this
 * network) refreshes the counts and lists, and so does a reconnection (what happened meanwhile).
 */
export function useLiveForum(networkId: string, live: boolean) {
  const refresh = useRefreshForum();
  useRoom(live ? `forum:${networkId}` : null, {
    'forum:activity': () => void refresh(networkId),
    onReconnect: () => void refresh(networkId),
  });
}

/** After a change to a network's forum: its categories (counts) and topic lists. */
export function useRefreshForum() {
  const queryClient = useQueryClient();
  return (networkId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: forumKeys.overview(networkId) }),
      queryClient.invalidateQueries({ queryKey: forumKeys.topics(networkId) }),
    ]);
}

function candidate(person: ForumMentionCandidate): MentionCandidate {
  return { id: person.personId, label: `${person.firstName} ${person.lastName}`, detail: person.companyName, photoUrl: person.photoUrl };
}

/** The composer's @mention suggestions: active members of the network. */
export function mentionSource(networkId: string): MentionSource {
  return {
    scope: networkId,
    search: async (q, signal) => (await forumsApi.mentions(networkId, q, signal)).map(candidate),
    markup: (person) => forumMentionMarkdown(person.id, person.label),
  };
}
