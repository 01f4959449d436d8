import { useState } from 'react';
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Opportunity } from '@maillage/contracts';
import { DetailList } from '../../../components/DetailList';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { useSession } from '../../../lib/session';
import { PostHtml } from '../../../components/markdown/PostHtml';
import { OpportunityForm } from '../../../features/opportunities/components/OpportunityForm';
import { FormGroupButton, GroupPanel } from '../../../features/opportunities/components/GroupPanel';
import { ManagePanel, MatchesPanel, RespondPanel, ResponsesPanel } from '../../../features/opportunities/components/OpportunityPanels';
import {
  useActingCompanies,
  useOpportunity,
  useOpportunityGroup,
  useRefreshOpportunities,
} from '../../../features/opportunities/hooks/useOpportunities';
import { isApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import NotFoundPage from '../NotFoundPage';

const STATUS_COLORS = { draft: 'gray', open: 'teal', closed: 'dark', awarded: 'indigo', cancelled: 'red' } as const;

function euros(value: number | null, locale: string): string | null {
  return value === null
    ? null
    : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

function Details({ opportunity }: { opportunity: Opportunity }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const o = opportunity;
  const place = o.territory.communeName
    ? `${o.territory.communeName}${o.territory.radiusKm ? ` (${t('opportunities.radiusOf', { km: o.territory.radiusKm })})` : ''}`
    : [...o.territory.departements, ...o.territory.regions].join(', ') || null;
  const group = useOpportunityGroup(o.id, !!user);
  const groupable = (o.type === 'joint_bid' || o.type === 'partnership') && o.status !== 'draft' && o.status !== 'cancelled';
  const budget = [euros(o.budgetMin, locale), euros(o.budgetMax, locale)].filter(Boolean).join(' – ') || null;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light" tt="none">
          {t(`opportunities.types.${o.type}`)}
        </Badge>
        <Badge variant="light" color={STATUS_COLORS[o.status]} tt="none">
          {t(`opportunities.statuses.${o.status}`)}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {o.audience === 'networks' && o.networks.length
            ? t('opportunities.reservedTo', { names: o.networks.map((n) => n.name).join(', ') })
            : t(`opportunities.audiences.${o.audience}`)}
        </Badge>
        {o.hidden ? (
          <Badge color="red" variant="light" tt="none">
            {t('opportunities.hidden')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SectionCard id="opportunity-facts" title={t('opportunities.sections.facts')}>
          <DetailList
            items={[
              {
                label: t('opportunities.fields.company'),
                value: (
                  <Anchor component={Link} to={`/entreprises/${o.company.id}`}>
                    {o.company.name}
                  </Anchor>
                ),
              },
              { label: t('opportunities.fields.deadline'), value: formatDate(o.deadline) },
              { label: t('opportunities.fields.territory'), value: place },
              { label: t('opportunities.fields.naf'), value: o.nafCodes.map((n) => `${n.code} ${n.label}`).join(' ; ') || null },
              { label: t('opportunities.fields.skills'), value: o.skills.join(', ') || null },
              { label: t('opportunities.fields.budget'), value: budget },
              { label: t('opportunities.fields.outcome'), value: o.outcome },
            ]}
          />
        </SectionCard>
        <SectionCard
          id="opportunity-respond"
          title={
            o.rights.edit ? t('opportunities.sections.responses', { count: o.responseCount ?? 0 }) : t('opportunities.sections.respond')
          }
        >
          {o.rights.edit || o.responseCount !== null ? (
            <ResponsesPanel opportunity={o} />
          ) : user ? (
            <RespondPanel opportunity={o} />
          ) : (
            <Text>
              <Anchor component={Link} to={`/connexion?next=/opportunites/${o.id}`}>
                {t('opportunities.respond.login')}
              </Anchor>
            </Text>
          )}
        </SectionCard>
      </SimpleGrid>
      <SectionCard id="opportunity-description" title={t('opportunities.fields.description')}>
        <PostHtml html={o.descriptionHtml} />
        {o.attachments.length ? (
          <Stack gap={4} mt="md" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={t('opportunities.attachments')}>
            {o.attachments.map((a) => (
              <li key={a.id}>
                <Anchor href={a.url} download>
                  <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                  {a.filename}
                </Anchor>
              </li>
            ))}
          </Stack>
        ) : null}
      </SectionCard>
      {group.data ? (
        <SectionCard id="opportunity-group" title={t('opportunities.group.title')} intro={t('opportunities.group.intro')}>
          <GroupPanel opportunityId={o.id} group={group.data} />
        </SectionCard>
      ) : groupable && o.responseCount !== null && group.isSuccess ? (
        <SectionCard id="opportunity-group" title={t('opportunities.group.title')} intro={t('opportunities.group.formIntro')}>
          <FormGroupButton opportunity={o} />
        </SectionCard>
      ) : null}
      {o.responseCount !== null ? (
        <>
          <SectionCard id="opportunity-matches" title={t('opportunities.matches.title')} intro={t('opportunities.matches.intro')}>
            <MatchesPanel opportunity={o} />
          </SectionCard>
          <SectionCard id="opportunity-manage" title={t('opportunities.manage.title')}>
            <ManagePanel opportunity={o} />
          </SectionCard>
        </>
      ) : null}
    </Stack>
  );
}

export default function OpportunityPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const opportunity = useOpportunity(id);
  const companies = useActingCompanies();
  const refresh = useRefreshOpportunities();
  const [editing, setEditing] = useState(false);
  if (isApiError(opportunity.error, 404)) return <NotFoundPage />;
  const o = opportunity.data;
  return (
    <Page
      title={o?.title ?? t('opportunities.title')}
      size="lg"
      actions={
        o?.rights.edit && !editing ? (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <QueryContent query={opportunity} loading={<LoadingLines lines={8} />}>
        {(data) =>
          editing ? (
            <SectionCard id="opportunity-form" title={t('opportunities.form.editTitle')}>
              <OpportunityForm
                companies={companies.data ?? []}
                opportunity={data}
                onSaved={() => {
                  setEditing(false);
                  void refresh();
                }}
                onCancel={() => setEditing(false)}
              />
            </SectionCard>
          ) : (
            <Details opportunity={data} />
          )
        }
      </QueryContent>
    </Page>
  );
}
