import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { ImportsAdmin } from '../../../features/admin/components/ImportsAdmin';

export default function AdminImportsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.imports')} description={t('admin.imports.lead')} size="xl">
      <ImportsAdmin />
    </Page>
  );
}
