import { useRef, useState } from 'react';
import { Alert, Anchor, Breadcrumbs, Divider, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ForumTopicPage } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { formatDateTime } from '../../../lib/dates';
import { nameOr } from '../../../lib/format';
import { networkPath } from '../../../config/paths/networks';
import { isLastPage } from '../hooks/livePosts';
import { useLiveTopic, useMarkRead, useTopicCache } from '../hooks/useTopic';
import { PostCard } from './PostCard';
import { ReplyComposer, type ReplyComposerHandle } from './ReplyComposer';
import { TopicActions } from './TopicActions';
import { TopicMarkers } from './TopicList';
import { TopicPoll } from './TopicPoll';

interface TopicViewProps {
  data: ForumTopicPage;
  page: number;
  viewerId: string | null;
  onPage: (page: number) => void;
}

/** Where the topic lives: the network's forum, then its category. */
export function TopicBreadcrumbs({ data }: { data: ForumTopicPage }) {
  const { t } = useTranslation();
  const { topic } = data;
  const forum = networkPath({ id: topic.networkId }, 'forum');
  return (
    <Breadcrumbs separator="›" mb="xs" aria-label={t('forums.topic.breadcrumbs')} component="nav" style={{ flexWrap: 'wrap' }}>
      <Anchor component={Link} to={forum} size="sm">
        {t('forums.topic.forumOf', { network: topic.networkName })}
      </Anchor>
      <Anchor component={Link} to={`${forum}?categorie=${encodeURIComponent(topic.categoryId)}`} size="sm">
        {topic.categoryName}
      </Anchor>
    </Breadcrumbs>
  );
}

/** A topic's posts with live updates, its actions and the reply form. */
export function TopicView({ data, page, viewerId, onPage }: TopicViewProps) {
  const { t } = useTranslation();
  const { topic, posts } = data;
  const { mergePost, setTopic } = useTopicCache(topic.id, page);
  const composer = useRef<ReplyComposerHandle>(null);
  // Where the new posts start, as it was when the page opened (the marker then moves forward).
  const [firstUnread] = useState(() => (topic.lastReadSequence > 0 ? topic.lastReadSequence + 1 : Infinity));
  // One's own posts are never new to oneself: the line goes above the first post of someone else.
  const firstNew = posts.items.find((post) => post.sequence >= firstUnread && post.author?.personId !== viewerId)?.sequence;
  useLiveTopic(topic.id, page, data, viewerId !== null);
  useMarkRead(data, viewerId !== null);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm" align="center">
        <Group gap="xs">
          <TopicMarkers pinned={topic.pinned} locked={topic.locked} solved={topic.solvedPostId !== null} />
          <Text size="sm" c="dimmed">
            {t('forums.topic.openedBy', { name: nameOr(topic.author, t('common.aMember')), date: formatDateTime(topic.createdAt) })}
          </Text>
        </Group>
        <TopicActions topic={topic} onChange={setTopic} />
      </Group>
      <TopicPoll topicId={topic.id} />
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('forums.topic.posts')}>
        {posts.items.map((post) => (
          <li key={post.id}>
            {post.sequence === firstNew && post.sequence > 1 ? (
              <Divider my="xs" color="blue" labelPosition="center" label={t('forums.topic.newPosts')} />
            ) : null}
            <PostCard
              post={{ ...post, isSolution: post.id === topic.solvedPostId }}
              topic={topic}
              viewerId={viewerId}
              onChange={(next) => mergePost(next)}
              onTopicChange={setTopic}
              onQuote={(quoted) => composer.current?.quote(quoted)}
            />
          </li>
        ))}
      </Stack>
      {posts.total > posts.pageSize ? <Pager page={posts.page} pageSize={posts.pageSize} total={posts.total} onChange={onPage} /> : null}
      {topic.locked ? (
        <Alert color="gray" icon={<IconLock size={18} aria-hidden />}>
          {t('forums.topic.lockedNotice')}
        </Alert>
      ) : null}
      {topic.permissions.canReply && !topic.locked ? (
        <ReplyComposer
          ref={composer}
          topicId={topic.id}
          networkId={topic.networkId}
          onPosted={(post) => {
            mergePost(post);
            // From an earlier page, go and see the new post at the end.
            if (!isLastPage(data)) onPage(Math.ceil((posts.total + 1) / posts.pageSize));
          }}
        />
      ) : null}
      {!viewerId ? (
        <Text c="dimmed" ta="center">
          <Anchor component={Link} to="/connexion">
            {t('forums.topic.signInToReply')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}
