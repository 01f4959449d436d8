import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryContent } from '../../../components/QueryContent';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { opportunitiesApi, opportunityKeys } from '../api/opportunities.api';
import { useOpportunityList, useSuggestedOpportunities } from '../hooks/useOpportunities';
import { OpportunityCard } from './OpportunityCard';

/** "Opportunités pour mon entreprise" on a company's page: ranked by the matching engine, with its reasons (the company's people). */
export function SuggestedOpportunities({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const suggested = useSuggestedOpportunities(companyId, true);
  return (
    <Stack gap="sm">
      <WeeklyDigestSwitch />
      <QueryContent query={suggested}>
        {(list) =>
          list.length ? (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.map((s) => (
                <OpportunityCard key={s.opportunity.id} item={s.opportunity} reasons={s.reasons} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t('opportunities.suggested.none')}</Text>
          )
        }
      </QueryContent>
    </Stack>
  );
}

/** The person's opt-in to the weekly e-mail of these suggestions. */
function WeeklyDigestSwitch() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: opportunityKeys.digest, queryFn: opportunitiesApi.digest });
  const change = useMutation({
    mutationFn: opportunitiesApi.setDigest,
    onSuccess: (saved) => {
      client.setQueryData(opportunityKeys.digest, saved);
      notify.success(t(saved.weekly ? 'opportunities.suggested.weeklyOn' : 'opportunities.suggested.weeklyOff'));
    },
    onError: (caught) => notify.error(errorMessage(caught, t)),
  });
  return (
    <Switch
      label={t('opportunities.suggested.weekly')}
      description={t('opportunities.suggested.weeklyHint')}
      checked={settings.data?.weekly ?? false}
      disabled={!settings.data || change.isPending}
      onChange={(event) => change.mutate(event.currentTarget.checked)}
    />
  );
}

/** The opportunities a company published (drafts and closed ones for its people). */
export function PublishedOpportunities({ companyId, canPublish }: { companyId: string; canPublish: boolean }) {
  const { t } = useTranslation();
  const list = useOpportunityList({ companyId, pageSize: 20 });
  return (
    <Stack gap="sm">
      <QueryContent query={list}>
        {(page) =>
          page.items.length ? (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {page.items.map((item) => (
                <OpportunityCard key={item.id} item={item} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t('opportunities.published.none')}</Text>
          )
        }
      </QueryContent>
      {canPublish ? (
        <Group>
          <Button
            component={Link}
            to={`/opportunites/nouvelle?entreprise=${companyId}`}
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('opportunities.new')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
