import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { OrganizationsAdmin } from '../../../features/admin/components/OrganizationsAdmin';

export default function AdminOrganizationsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.organizations')} description={t('organizations.lead')} size="xl">
      <OrganizationsAdmin />
    </Page>
  );
}
