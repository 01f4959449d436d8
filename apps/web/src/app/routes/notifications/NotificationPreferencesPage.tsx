import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { NotificationPreferencesForm } from '../../../features/notifications/components/NotificationPreferencesForm';

/** Linked from every notification e-mail. */
export default function NotificationPreferencesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notifications.preferences.title')} description={t('notifications.preferences.description')} size="md">
      <NotificationPreferencesForm />
    </Page>
  );
}
