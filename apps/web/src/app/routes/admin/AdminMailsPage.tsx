import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { MailsAdmin } from '../../../features/admin/components/MailsAdmin';

export default function AdminMailsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.mails')} description={t('mails.lead')} size="xl">
      <MailsAdmin />
    </Page>
  );
}
