import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { SearchIndexAdmin } from '../../../features/admin/components/SearchIndexAdmin';

export default function AdminSearchPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.sections.search')} description={t('admin.search.lead')} size="xl">
      <SearchIndexAdmin />
    </Page>
  );
}
