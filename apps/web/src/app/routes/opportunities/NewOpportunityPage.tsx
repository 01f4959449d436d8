import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { OpportunityForm } from '../../../features/opportunities/components/OpportunityForm';
import { useActingCompanies, useRefreshOpportunities } from '../../../features/opportunities/hooks/useOpportunities';
import { notify } from '../../../lib/notify';

/** Publishing an opportunity on behalf of a company the person owns or administers. */
export default function NewOpportunityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const companies = useActingCompanies();
  const refresh = useRefreshOpportunities();
  const preferred = useSearchParams()[0].get('entreprise');
  return (
    <Page title={t('opportunities.new')} size="md">
      <QueryContent query={companies} loading={<LoadingLines lines={8} />}>
        {(list) =>
          list.length ? (
            <SectionCard id="opportunity-form" title={t('opportunities.form.title')} intro={t('opportunities.form.intro')}>
              <OpportunityForm
                companies={[...list].sort((a, b) => (a.id === preferred ? -1 : b.id === preferred ? 1 : 0))}
                onSaved={(saved) => {
                  void refresh();
                  notify.success(saved.status === 'open' ? t('opportunities.form.published') : t('opportunities.form.drafted'));
                  navigate(`/opportunites/${saved.id}`);
                }}
                onCancel={() => navigate(-1)}
              />
            </SectionCard>
          ) : (
            <Text>
              {t('opportunities.form.noCompany')}{' '}
              <Anchor component={Link} to="/entreprises">
                {t('nav.companies')}
              </Anchor>
            </Text>
          )
        }
      </QueryContent>
    </Page>
  );
}
