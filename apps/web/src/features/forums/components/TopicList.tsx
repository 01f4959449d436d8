import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconLock, IconPin, IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ForumTopicListItem } from '@maillage/contracts';
import { formatDateTime } from '../../../lib/dates';
import { nameOr } from '../../../lib/format';
import { topicPath } from '../hooks/paths';

/** Pinned, locked and solved markers of a topic (shared by the list and the topic page). */
export function TopicMarkers({ pinned, locked, solved }: { pinned: boolean; locked: boolean; solved: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {pinned ? (
        <Badge variant="light" color="grape" leftSection={<IconPin size={12} aria-hidden />}>
          {t('forums.markers.pinned')}
        </Badge>
      ) : null}
      {locked ? (
        <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
          {t('forums.markers.locked')}
        </Badge>
      ) : null}
      {solved ? (
        <Badge variant="light" color="teal" leftSection={<IconCircleCheck size={12} aria-hidden />}>
          {t('forums.markers.solved')}
        </Badge>
      ) : null}
    </>
  );
}

function TopicRow({ topic, showCategory }: { topic: ForumTopicListItem; showCategory: boolean }) {
  const { t } = useTranslation();
  const unread = topic.unreadCount > 0;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={topicPath(topic.id)} fw={unread ? 700 : 600} style={{ overflowWrap: 'anywhere' }}>
            {topic.title}
          </Anchor>
          {unread ? (
            <Badge color="blue" variant="filled" size="sm">
              {t('forums.topics.unread', { count: topic.unreadCount })}
            </Badge>
          ) : null}
          <TopicMarkers pinned={topic.pinned} locked={topic.locked} solved={topic.solved} />
          {topic.following ? (
            <Badge variant="outline" color="blue" size="sm" leftSection={<IconBell size={12} aria-hidden />}>
              {t('forums.topics.following')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t('forums.topics.by', { name: nameOr(topic.author, t('common.aMember')) }),
            showCategory ? topic.categoryName : null,
            topic.shared ? t('forums.topics.sharedFrom', { network: topic.networkName }) : null,
            t('forums.topics.posts', { count: topic.postCount }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          {topic.lastPostAuthor
            ? t('forums.topics.lastPostBy', {
                date: formatDateTime(topic.lastPostAt),
                name: nameOr(topic.lastPostAuthor, t('common.aMember')),
              })
            : t('forums.topics.lastPost', { date: formatDateTime(topic.lastPostAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Topics as a list of cards: title, unread count, markers, author and last activity. */
export function TopicList({ topics, showCategory, label }: { topics: ForumTopicListItem[]; showCategory: boolean; label: string }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {topics.map((topic) => (
        <TopicRow key={topic.id} topic={topic} showCategory={showCategory} />
      ))}
    </Stack>
  );
}
