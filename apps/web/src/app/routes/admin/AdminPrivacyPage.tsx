import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { PrivacyAdmin } from '../../../features/admin/components/PrivacyAdmin';

export default function AdminPrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.privacy')} description={t('audit.lead')} size="xl">
      <PrivacyAdmin />
    </Page>
  );
}
