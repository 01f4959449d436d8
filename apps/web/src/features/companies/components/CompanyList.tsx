import type { ReactNode } from 'react';
import { EmptyState, SimpleGrid } from '@mantine/core';
import { IconBuildingFactory2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '@maillage/contracts';
import { CompanyCard } from './CompanyCard';

/** My companies as cards, or a short empty state with an action. */
export function CompanyList({ companies, emptyAction }: { companies: CompanySummary[]; emptyAction: ReactNode }) {
  const { t } = useTranslation();
  if (!companies.length) {
    return (
      <EmptyState
        icon={<IconBuildingFactory2 size={32} aria-hidden />}
        withIndicatorBackground
        title={t('companies.empty.title')}
        description={t('companies.empty.text')}
      >
        <EmptyState.Actions>{emptyAction}</EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {companies.map((company) => (
        <CompanyCard key={company.id} company={company} />
      ))}
    </SimpleGrid>
  );
}
