import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { AddCompanyForm } from '../../../features/companies/components/AddCompanyForm';
import { CompanyList } from '../../../features/companies/components/CompanyList';
import { useMyCompanies } from '../../../lib/my-companies';

export default function MyCompaniesPage() {
  const { t } = useTranslation();
  const companies = useMyCompanies();
  const wantsToAdd = useLocation().hash === '#ajouter';
  return (
    <Page title={t('companies.mine.title')} description={t('companies.mine.lead')}>
      <Stack gap="xl">
        <QueryContent query={companies}>
          {(list) => <CompanyList companies={list} emptyAction={<Text>{t('companies.mine.addBelow')}</Text>} />}
        </QueryContent>
        <Box maw={560}>
          <SectionCard id="ajouter" title={t('companies.add.title')} intro={t('companies.add.lead')}>
            <AddCompanyForm autoFocus={wantsToAdd} />
          </SectionCard>
        </Box>
      </Stack>
    </Page>
  );
}
