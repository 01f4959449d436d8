import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkChild } from '@maillage/contracts';
import { formatDate } from '../../../lib/dates';
import { NetworkCard } from './NetworkCard';

/** A federation's member networks, each with its recent activity. */
export function NetworkChildren({ items }: { items: NetworkChild[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map(({ network, activity }) => {
        const lines = [
          activity.newMembers90d !== null ? t('networks.children.newMembers', { count: activity.newMembers90d }) : null,
          activity.forum ? t('networks.children.posts', { count: activity.forum.postsLast30Days }) : null,
          activity.forum?.lastPostAt ? t('networks.children.lastPost', { date: formatDate(activity.forum.lastPostAt) }) : null,
        ].filter((line): line is string => !!line);
        return (
          <li key={network.id}>
            <NetworkCard network={network} footer={lines.length ? <Text size="sm">{lines.join(' · ')}</Text> : null} />
          </li>
        );
      })}
    </SimpleGrid>
  );
}
