import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipEventView, Network } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { useNetworkHistory, useNetworkMembers } from '../hooks/useNetworks';
import { memberName } from './labels';

/** Every membership change of the network, most recent first (managers only). */
export function NetworkHistory({ network }: { network: Network }) {
  const { t, i18n } = useTranslation();
  const history = useNetworkHistory(network.id);
  const members = useNetworkMembers(network.id);
  const names = new Map((members.data ?? []).map((m) => [m.companyId, memberName(m)]));
  const action = (event: MembershipEventView) => {
    const key = `networks.history.actions.${event.action}`;
    return i18n.exists(key) ? t(key) : event.action;
  };
  const change = (event: MembershipEventView) => {
    const parts: string[] = [];
    if (event.fromStatus !== event.toStatus && event.toStatus) {
      const from = event.fromStatus ? t(`networks.statuses.${event.fromStatus}`) : '—';
      parts.push(t('networks.history.change', { from, to: t(`networks.statuses.${event.toStatus}`) }));
    }
    if (event.fromRole && event.toRole && event.fromRole !== event.toRole) {
      parts.push(t('networks.history.change', { from: t(`networks.roles.${event.fromRole}`), to: t(`networks.roles.${event.toRole}`) }));
    }
    return parts.join(' ; ');
  };
  return (
    <QueryContent query={history}>
      {(events) =>
        events.length ? (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Caption>{t('networks.history.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('networks.history.date')}</Table.Th>
                  <Table.Th scope="col">{t('networks.history.company')}</Table.Th>
                  <Table.Th scope="col">{t('networks.history.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...events].reverse().map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt)}</Table.Td>
                    <Table.Td>{names.get(event.companyId) ?? '—'}</Table.Td>
                    <Table.Td>
                      {action(event)}
                      {change(event) ? (
                        <Text size="sm" c="dimmed">
                          {change(event)}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text>{t('networks.history.none')}</Text>
        )
      }
    </QueryContent>
  );
}
