import { useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActivityFeed } from '../../../components/ActivityFeed';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { announcementKeys, announcementsApi } from '../api/announcements.api';

/** How many lines show before « more » (a phone page stays short). */
const FIRST = 8;

/** What happened lately in a network, as far as the reader may see each item (the API decides). */
export default function NetworkActivity({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const feed = useQuery({ queryKey: announcementKeys.activity(networkId), queryFn: () => announcementsApi.activity(networkId) });
  return (
    <SectionCard id="network-activity" title={t('announcements.feed.title')}>
      <QueryContent query={feed} loading={<LoadingLines lines={4} />}>
        {(data) => (
          <Stack gap="sm">
            <ActivityFeed items={all ? data.items : data.items.slice(0, FIRST)} empty={t('announcements.feed.empty')} />
            {!all && data.items.length > FIRST ? (
              <Button variant="subtle" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start' }}>
                {t('announcements.feed.more', { count: data.items.length - FIRST })}
              </Button>
            ) : null}
          </Stack>
        )}
      </QueryContent>
    </SectionCard>
  );
}
