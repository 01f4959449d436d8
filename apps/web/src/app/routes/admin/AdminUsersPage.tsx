import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { UsersAdmin } from '../../../features/admin/components/UsersAdmin';

export default function AdminUsersPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.users')} description={t('users.lead')} size="xl">
      <UsersAdmin />
    </Page>
  );
}
