import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { useSession } from '../../../lib/session';
import { NetworkDirectory } from '../../../features/networks/components/NetworkDirectory';
import { NEW_NETWORK_PATH } from '../../../config/paths/networks';

export default function NetworksPage() {
  const { t } = useTranslation();
  const { user, isAdmin } = useSession();
  // Host staff and platform administrators create networks.
  const canCreate = isAdmin || !!user?.staffOf.length;
  const actions = canCreate ? (
    <Button component={Link} to={NEW_NETWORK_PATH} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('networks.create')}
    </Button>
  ) : null;
  return (
    <Page title={t('networks.title')} description={t('networks.lead')} actions={actions}>
      <NetworkDirectory />
    </Page>
  );
}
