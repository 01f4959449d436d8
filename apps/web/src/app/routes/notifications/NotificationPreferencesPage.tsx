import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HomeMine } from '@maillage/contracts';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { NetworkNotificationLevel } from '../../../features/notifications/components/NetworkNotificationLevel';
import { NotificationPreferencesForm } from '../../../features/notifications/components/NotificationPreferencesForm';
import { api } from '../../../lib/api';

/** What one hears of each of one's networks (everything, highlights, nothing). */
function NetworkLevels() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: ['home', 'me'], queryFn: () => api.get<HomeMine>('/home/me') });
  return (
    <SectionCard id="network-levels" title={t('announcements.level.section')} intro={t('announcements.level.sectionIntro')}>
      <QueryContent query={mine} loading={<LoadingLines lines={3} />}>
        {(data) =>
          data.networks.length ? (
            <Stack gap="lg">
              {data.networks.map((network) => (
                <NetworkNotificationLevel key={network.id} networkId={network.id} label={network.name} />
              ))}
            </Stack>
          ) : (
            <p>{t('announcements.level.noNetworks')}</p>
          )
        }
      </QueryContent>
    </SectionCard>
  );
}

/** Linked from every notification e-mail. */
export default function NotificationPreferencesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notifications.preferences.title')} description={t('notifications.preferences.description')} size="md">
      <Stack gap="xl">
        <NetworkLevels />
        <NotificationPreferencesForm />
      </Stack>
    </Page>
  );
}
