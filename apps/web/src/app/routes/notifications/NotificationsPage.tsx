import { Button } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { NotificationCentre } from '../../../features/notifications/components/NotificationCentre';

export default function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('notifications.title')}
      size="md"
      actions={
        <Button component={Link} to="/notifications/preferences" variant="default" leftSection={<IconSettings size={16} aria-hidden />}>
          {t('notifications.preferencesLink')}
        </Button>
      }
    >
      <NotificationCentre />
    </Page>
  );
}
