import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { useSession } from '../../../lib/session';
import { NetworkForm } from '../../../features/networks/components/NetworkForm';
import { networkPath, NETWORKS_PATH } from '../../../config/paths/networks';

export default function NewNetworkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, isAdmin } = useSession();
  const canCreate = isAdmin || !!user?.staffOf.length;
  return (
    <Page title={t('networks.form.createTitle')} description={canCreate ? t('networks.form.createLead') : undefined} size="md">
      {canCreate ? (
        <NetworkForm onSaved={(network) => navigate(networkPath(network))} onCancel={() => navigate(NETWORKS_PATH)} />
      ) : (
        <Text>{t('networks.form.noHost')}</Text>
      )}
    </Page>
  );
}
