import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { AcceptNetworkInvitation } from '../../../features/networks/components/AcceptNetworkInvitation';

export default function AcceptNetworkInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Page title={t('networks.acceptInvitation.title')} size="sm">
      <AcceptNetworkInvitation token={params.get('token')} />
    </Page>
  );
}
