import { lazy, Suspense } from 'react';
import { Button, Stack } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { PageLoader } from '../../../components/PageLoader';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { companyName, CompanyProfile } from '../../../features/companies/components/CompanyProfile';
import { PublishedOpportunities, SuggestedOpportunities } from '../../../features/opportunities/components/CompanyOpportunities';
import { LeaveCompanyButton } from '../../../features/companies/components/LeaveCompanyButton';
import { useCompany } from '../../../features/companies/hooks/useCompanies';
import type { PersonAction } from '../../../features/companies/components/CompanyPeople';
import { MessageButton } from '../../../features/messaging/components/MessageButton';
import { isApiError } from '../../../lib/api';
import NotFoundPage from '../NotFoundPage';

// The company's people list ends each row with the messaging feature's button (none for oneself).
const messagePerson: PersonAction = ({ personId, name }) => (
  <MessageButton personId={personId} name={name} size="xs" ml="auto" style={{ flex: 'none' }} />
);

// Only editors download the edit mode (forms, dropzone, people management).
const CompanyEditor = lazy(() => import('../../../features/companies/components/CompanyEditor'));

const EDIT_PARAM = 'modifier';

export default function CompanyPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const company = useCompany(id);
  const [params, setParams] = useSearchParams();
  const editing = params.has(EDIT_PARAM) && !!company.data?.canEdit;
  const setEditing = (on: boolean) => setParams(on ? { [EDIT_PARAM]: '' } : {}, { replace: false });

  if (isApiError(company.error, 404) || isApiError(company.error, 400)) return <NotFoundPage />;
  const name = company.data ? companyName(company.data) : t('companies.title');
  const leave = company.data?.myRole && !company.data.canEdit ? <LeaveCompanyButton companyId={id} companyName={name} /> : null;
  const actions = company.data?.canEdit ? (
    editing ? (
      <Button variant="default" leftSection={<IconEye size={16} aria-hidden />} onClick={() => setEditing(false)}>
        {t('companies.edit.view')}
      </Button>
    ) : (
      <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
    )
  ) : (
    leave
  );

  return (
    <Page title={editing ? t('companies.edit.title', { name }) : name} heading={name} actions={actions} size="md">
      <QueryContent query={company} loading={<LoadingLines lines={8} />}>
        {(data) =>
          editing ? (
            <Suspense fallback={<PageLoader />}>
              <CompanyEditor company={data} onDone={() => setEditing(false)} />
            </Suspense>
          ) : (
            <Stack gap="lg">
              <CompanyProfile company={data} personAction={messagePerson} />
              {data.myRole ? (
                <SectionCard
                  id="company-suggested-opportunities"
                  title={t('opportunities.suggested.title')}
                  intro={t('opportunities.suggested.intro')}
                >
                  <SuggestedOpportunities companyId={data.id} />
                </SectionCard>
              ) : null}
              <SectionCard id="company-opportunities" title={t('opportunities.published.title')}>
                <PublishedOpportunities companyId={data.id} canPublish={data.canEdit} />
              </SectionCard>
            </Stack>
          )
        }
      </QueryContent>
    </Page>
  );
}
