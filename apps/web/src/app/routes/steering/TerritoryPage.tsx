import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { TerritoryView } from '../../../features/steering/components/TerritoryView';

export default function TerritoryPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('steering.territory.title')} description={t('steering.territory.lead')} size="xl">
      <TerritoryView />
    </Page>
  );
}
