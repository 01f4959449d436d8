import { useState } from 'react';
import { Anchor, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaFeedStatus } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Page } from '../../../components/Page';
import { SectionCard } from '../../../components/SectionCard';
import { agendaApi, agendaKeys } from '../../../features/agenda/api/agenda.api';
import { AgendaCalendar } from '../../../features/agenda/components/AgendaCalendar';
import { AgendaFilters, filterQuery, type AgendaFilterValues } from '../../../features/agenda/components/AgendaFilters';
import { TERRITORY_AGENDA_PATH } from '../../../features/agenda/hooks/paths';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';

/** The private ICS address: shown once when (re)generated, revocable. */
function PersonalFeed() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: agendaKeys.feed, queryFn: agendaApi.feed });
  const [created, setCreated] = useState<AgendaFeedStatus | null>(null);
  const regenerate = async () => {
    const answer = await agendaApi.regenerateFeed();
    setCreated(answer);
    queryClient.setQueryData(agendaKeys.feed, answer);
  };
  return (
    <Stack gap="sm">
      {created?.url ? (
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('agenda.feed.address')}
            value={created.url}
            readOnly
            style={{ flex: '1 1 20rem' }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={created.url}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('agenda.feed.copied') : t('agenda.feed.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      ) : status.data?.active ? (
        <Text size="sm">{t('agenda.feed.active', { date: formatDateTime(status.data.createdAt ?? '') })}</Text>
      ) : (
        <Text size="sm">{t('agenda.feed.none')}</Text>
      )}
      <Group gap="sm">
        {status.data?.active ? (
          <ConfirmButton
            variant="default"
            title={t('agenda.feed.regenerateTitle')}
            message={t('agenda.feed.regenerateMessage')}
            confirmLabel={t('agenda.feed.regenerate')}
            onConfirm={regenerate}
          >
            {t('agenda.feed.regenerate')}
          </ConfirmButton>
        ) : (
          <Button variant="light" onClick={() => void regenerate().catch(() => notify.error(t('errors.generic')))}>
            {t('agenda.feed.create')}
          </Button>
        )}
        {status.data?.active ? (
          <ConfirmButton
            color="red"
            variant="subtle"
            title={t('agenda.feed.revokeTitle')}
            message={t('agenda.feed.revokeMessage')}
            confirmLabel={t('agenda.feed.revoke')}
            onConfirm={async () => {
              await agendaApi.revokeFeed();
              setCreated(null);
              queryClient.setQueryData(agendaKeys.feed, { active: false, createdAt: null });
            }}
          >
            {t('agenda.feed.revoke')}
          </ConfirmButton>
        ) : null}
      </Group>
    </Stack>
  );
}

/** /agenda — "Mon agenda": the events of my networks and those I registered for. */
export default function MyAgendaPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AgendaFilterValues>({ networkType: null, theme: '' });
  return (
    <Page
      title={t('agenda.mine.title')}
      description={t('agenda.mine.description')}
      actions={
        <Anchor component={Link} to={TERRITORY_AGENDA_PATH}>
          {t('agenda.territory.link')}
        </Anchor>
      }
    >
      <Stack gap="lg">
        <div>
          <AgendaFilters value={filters} onChange={setFilters} />
          <AgendaCalendar query={{ scope: 'mine', ...filterQuery(filters) }} label={t('agenda.mine.calendar')} />
        </div>
        <SectionCard id="agenda-feed" title={t('agenda.feed.title')} intro={t('agenda.feed.intro')}>
          <PersonalFeed />
        </SectionCard>
      </Stack>
    </Page>
  );
}
