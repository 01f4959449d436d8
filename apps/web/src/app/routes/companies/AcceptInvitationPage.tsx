import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { AcceptInvitation } from '../../../features/companies/components/AcceptInvitation';

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Page title={t('invitation.title')} size="sm">
      <AcceptInvitation token={params.get('token')} />
    </Page>
  );
}
