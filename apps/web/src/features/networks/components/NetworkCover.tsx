import { Avatar, Box, Group, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Network, NetworkType } from '@maillage/contracts';
import { initials } from '../../../lib/format';

/** Without an uploaded cover, each type of network gets its own colours (clubs, parks, clusters…). */
const TYPE_COLORS: Record<NetworkType, [string, string]> = {
  business_club: ['indigo', 'cyan'],
  business_park_association: ['teal', 'lime'],
  cluster: ['violet', 'indigo'],
  competitiveness_pole: ['blue', 'grape'],
  technology_cluster: ['cyan', 'blue'],
  competence_pole: ['grape', 'pink'],
  virtual_network: ['blue', 'teal'],
  employers_group: ['orange', 'red'],
  export_group: ['teal', 'blue'],
  purchasing_group: ['yellow', 'orange'],
};

/**
 * The band across the top of a network's page: its cover image, or its host's accent colour (else its type's colours),
 * with its logo, and the host organisation's logo in a corner.
 */
export function NetworkCover({
  network,
  accent,
  host,
}: {
  network: Pick<Network, 'name' | 'type' | 'coverUrl' | 'logoUrl'>;
  accent?: string | null;
  host?: { name: string; logoUrl: string | null } | null;
}) {
  const { t } = useTranslation();
  const [from, to] = TYPE_COLORS[network.type] ?? TYPE_COLORS.business_club;
  const background = accent
    ? `linear-gradient(120deg, ${accent}, color-mix(in srgb, ${accent} 55%, white))`
    : `linear-gradient(120deg, var(--mantine-color-${from}-8), var(--mantine-color-${to}-5))`;
  return (
    <Box pos="relative" mb={40} data-testid="network-cover">
      <Box
        h={{ base: 96, sm: 168 }}
        style={{
          borderRadius: 'var(--mantine-radius-lg)',
          overflow: 'hidden',
          background,
        }}
      >
        {network.coverUrl ? (
          <img src={network.coverUrl} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
        ) : null}
      </Box>
      {host?.logoUrl ? (
        <Group
          gap={6}
          pos="absolute"
          right={12}
          bottom={12}
          px={8}
          py={4}
          wrap="nowrap"
          data-testid="host-logo"
          style={{
            background: 'rgba(255, 255, 255, 0.92)',
            borderRadius: 'var(--mantine-radius-md)',
            boxShadow: 'var(--mantine-shadow-xs)',
          }}
        >
          <Text size="xs" c="dark.7" visibleFrom="sm">
            {t('networks.hostedBy')}
          </Text>
          <Image src={host.logoUrl} alt={t('networks.hostLogo', { name: host.name })} h={28} w="auto" maw={120} fit="contain" />
        </Group>
      ) : null}
      <Avatar
        src={network.logoUrl}
        alt=""
        aria-hidden
        size={72}
        radius="md"
        // Initials in dark on white: readable whatever the colours behind.
        variant="default"
        pos="absolute"
        left={20}
        bottom={-32}
        style={{ border: '4px solid var(--mantine-color-body)', boxShadow: 'var(--mantine-shadow-sm)' }}
      >
        {initials(network.name)}
      </Avatar>
    </Box>
  );
}
