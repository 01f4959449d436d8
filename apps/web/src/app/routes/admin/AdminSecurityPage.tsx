import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { SecurityAdmin } from '../../../features/admin/components/SecurityAdmin';

export default function AdminSecurityPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.security')} description={t('accounts.admin.lead')} size="lg">
      <SecurityAdmin />
    </Page>
  );
}
