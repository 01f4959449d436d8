import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@mantine/core';
import { Page } from '../../../components/Page';
import { UnsubscribeConfirm } from '../../../features/notifications/components/UnsubscribeConfirm';

/** `/desabonnement?token=…`: linked from every notification e-mail (no login). */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <Page title={t('notifications.unsubscribe.title')} size="sm">
      {token ? <UnsubscribeConfirm token={token} /> : <Alert color="red">{t('errors.codes.INVALID_TOKEN')}</Alert>}
    </Page>
  );
}
