import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { forumMentionMarkdown, type ForumMentionCandidate } from '@maillage/contracts';
import { forumKeys, forumsApi, type TopicListQuery } from '../api/forums.api';
import type { MentionCandidate, MentionSource } from '../components/MarkdownEditor';

/** Delay between refreshes of a forum left open (new topics have no live event). */
const TOPIC_LIST_REFRESH_MS = 20_000;

export function useForumOverview(networkId: string) {
  // Its topic counts move with the topic list.
  return useQuery({ queryKey: forumKeys.overview(networkId), queryFn: () => forumsApi.overview(networkId), refetchInterval: TOPIC_LIST_REFRESH_MS });
}

export function useTopicList(networkId: string, query: TopicListQuery) {
  return useQuery({
    queryKey: forumKeys.topics(networkId, query),
    queryFn: ({ signal }) => forumsApi.topics(networkId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: TOPIC_LIST_REFRESH_MS,
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
