import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { GroupPanel } from '../../../features/opportunities/components/GroupPanel';
import { useOpportunityGroup } from '../../../features/opportunities/hooks/useOpportunities';
import NotFoundPage from '../NotFoundPage';

/** A mini-grappe's own page: its supporter reaches it from the cockpit without seeing the opportunity itself. */
export default function OpportunityGroupPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const group = useOpportunityGroup(id, true);
  if (group.isSuccess && !group.data) return <NotFoundPage />;
  return (
    <Page
      title={
        group.data ? t('opportunities.group.supporter.pageTitle', { title: group.data.opportunityTitle }) : t('opportunities.group.title')
      }
      size="lg"
    >
      <QueryContent query={group} loading={<LoadingLines lines={6} />}>
        {(data) =>
          data ? (
            <SectionCard id="opportunity-group" title={t('opportunities.group.title')} intro={t('opportunities.group.intro')}>
              <GroupPanel opportunityId={data.opportunityId} group={data} />
            </SectionCard>
          ) : null
        }
      </QueryContent>
    </Page>
  );
}
