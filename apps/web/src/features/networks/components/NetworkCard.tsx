import type { ReactNode } from 'react';
import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Network } from '@maillage/contracts';
import { initials } from '../../../lib/format';
import { networkPath } from '../../../config/paths/networks';
import { useTerritoryLabel, VISIBILITY_COLORS } from './labels';

/** Logo, name (link to the network page), type, visibility, territory, members and join policy; `footer` adds a line. */
export function NetworkCard({ network, footer }: { network: Network; footer?: ReactNode }) {
  const { t } = useTranslation();
  const territory = useTerritoryLabel(network.territory);
  return (
    <Card withBorder padding="md" radius="md" component="article" h="100%">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar src={network.logoUrl} alt="" size={56} radius="md" color="indigo" aria-hidden>
          {initials(network.name)}
        </Avatar>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Anchor component={Link} to={networkPath(network)} fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {network.name}
          </Anchor>
          <Text size="sm">{t(`networks.types.${network.type}`)}</Text>
          <Group gap={6}>
            <Badge
              variant="light"
              color={VISIBILITY_COLORS[network.visibility]}
              leftSection={network.visibility === 'public' ? null : <IconLock size={12} aria-hidden />}
            >
              {t(`networks.visibilities.${network.visibility}`)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t(`networks.joinPolicies.${network.joinPolicy}`)}
            </Badge>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {territory}
          </Text>
          <Group gap={6} wrap="nowrap">
            <IconUsers size={16} aria-hidden />
            <Text size="sm">
              {network.memberCount === null ? t('networks.membersHidden') : t('networks.memberCount', { count: network.memberCount })}
            </Text>
          </Group>
          {footer}
        </Stack>
      </Group>
    </Card>
  );
}
