import { Anchor, Button, Group, Stack, Switch } from '@mantine/core';
import { IconCalendarPlus, IconRss } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Network } from '@maillage/contracts';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { agendaApi, agendaKeys } from '../api/agenda.api';
import { newEventPath } from '../hooks/paths';
import { useAgendaSettings } from '../hooks/useAgenda';
import { AgendaCalendar } from './AgendaCalendar';

/** A network's agenda tab: its calendar, the ICS feed, a new event (managers) or a proposal (members, when allowed). */
export default function NetworkAgendaTab({ network }: { network: Network }) {
  const { t } = useTranslation();
  const settings = useAgendaSettings(network.id);
  const queryClient = useQueryClient();
  const toggle = async (memberProposals: boolean) => {
    try {
      queryClient.setQueryData(agendaKeys.settings(network.id), await agendaApi.updateSettings(network.id, memberProposals));
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Anchor href={agendaApi.networkIcsUrl(network.id)} download size="sm">
          <IconRss size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 6 }} />
          {t('agenda.network.feed')}
        </Anchor>
        {settings.data?.canPropose ? (
          <Button component={Link} to={newEventPath(network.id)} leftSection={<IconCalendarPlus size={18} aria-hidden />}>
            {settings.data.canManage ? t('agenda.network.newEvent') : t('agenda.network.proposeEvent')}
          </Button>
        ) : null}
      </Group>
      {settings.data?.canManage ? (
        <Switch
          checked={settings.data.memberProposals}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          label={t('agenda.network.memberProposals')}
          description={t('agenda.network.memberProposalsHint')}
        />
      ) : null}
      <AgendaCalendar query={{ networkId: network.id }} label={t('agenda.network.calendarOf', { name: network.name })} />
    </Stack>
  );
}
