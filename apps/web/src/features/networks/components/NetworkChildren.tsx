import { Alert, Avatar, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FederationChildRequest, Network, NetworkChild } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/dates';
import { initials } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { networksApi } from '../api/networks.api';
import { networkPath } from '../../../config/paths/networks';
import { useFederationRequests, useRefreshNetwork } from '../hooks/useNetworks';
import { NetworkCard } from './NetworkCard';

/** The networks asking to join the federation: its managers accept or refuse each request. */
function FederationRequests({ network }: { network: Network }) {
  const { t } = useTranslation();
  const requests = useFederationRequests(network.id, network.canManage);
  const refresh = useRefreshNetwork(network.id);
  const decide = async (request: FederationChildRequest, decision: 'accept' | 'refuse') => {
    try {
      await networksApi.decideFederationRequest(network.id, request.network.id, decision);
      await refresh();
      notify.success(t(`networks.federation.${decision === 'accept' ? 'accepted' : 'refused'}`, { name: request.network.name }));
    } catch (error) {
      notify.error(errorMessage(error, t));
      await refresh();
    }
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="federation-requests">
      <Title order={3} size="h4" id="federation-requests">
        {t('networks.federation.requestsTitle')}
      </Title>
      <QueryContent query={requests} loading={<LoadingLines lines={2} />}>
        {(items) =>
          items.length ? (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((request) => (
                <Paper key={request.network.id} component="li" withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="wrap" gap="sm">
                    <Group gap="sm" wrap="nowrap">
                      <Avatar src={request.network.logoUrl} alt="" radius="md" color="indigo" aria-hidden>
                        {initials(request.network.name)}
                      </Avatar>
                      <div>
                        <Text component={Link} to={networkPath(request.network)} fw={600}>
                          {request.network.name}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t('networks.federation.askedOn', { date: formatDate(request.requestedAt) })}
                        </Text>
                      </div>
                    </Group>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        aria-label={t('networks.federation.acceptOf', { name: request.network.name })}
                        onClick={() => void decide(request, 'accept')}
                      >
                        {t('networks.federation.accept')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('networks.federation.refuseOf', { name: request.network.name })}
                        onClick={() => void decide(request, 'refuse')}
                      >
                        {t('networks.federation.refuse')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('networks.federation.noRequests')}
            </Text>
          )
        }
      </QueryContent>
    </Stack>
  );
}

/** A federation's member networks, each with its recent activity; its managers also decide on requests to join. */
export function NetworkChildren({ network, items }: { network: Network; items: NetworkChild[] }) {
  const { t } = useTranslation();
  const refresh = useRefreshNetwork(network.id);
  const remove = async (child: Network) => {
    await networksApi.removeChild(network.id, child.id);
    await refresh();
    notify.success(t('networks.federation.removed', { name: child.name }));
  };
  return (
    <Stack gap="lg">
      {network.canManage ? <FederationRequests network={network} /> : null}
      {items.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map(({ network: child, activity }) => {
            const lines = [
              activity.newMembers90d !== null ? t('networks.children.newMembers', { count: activity.newMembers90d }) : null,
              activity.forum ? t('networks.children.posts', { count: activity.forum.postsLast30Days }) : null,
              activity.forum?.lastPostAt ? t('networks.children.lastPost', { date: formatDate(activity.forum.lastPostAt) }) : null,
            ].filter((line): line is string => !!line);
            return (
              <li key={child.id}>
                <NetworkCard
                  network={child}
                  footer={
                    lines.length || network.canManage ? (
                      <Group justify="space-between" gap="xs">
                        <Text size="sm">{lines.join(' · ')}</Text>
                        {network.canManage ? (
                          <ConfirmButton
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('networks.federation.removeOf', { name: child.name })}
                            title={t('networks.federation.removeTitle', { name: child.name })}
                            message={t('networks.federation.removeConfirm', { name: child.name, federation: network.name })}
                            confirmLabel={t('networks.federation.remove')}
                            onConfirm={() => remove(child)}
                          >
                            {t('networks.federation.remove')}
                          </ConfirmButton>
                        ) : null}
                      </Group>
                    ) : null
                  }
                />
              </li>
            );
          })}
        </SimpleGrid>
      ) : network.canManage ? (
        <Alert variant="light" color="gray">
          {t('networks.federation.noChildren')}
        </Alert>
      ) : null}
    </Stack>
  );
}
