import { Box, VisuallyHidden } from '@mantine/core';
import type { PresenceStatus } from '@maillage/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<PresenceStatus, string> = {
  online: 'var(--mantine-color-green-8)',
  away: 'var(--mantine-color-orange-7)',
  offline: 'var(--mantine-color-gray-6)',
};

/** A coloured dot with its text alternative ("en ligne", "absent", "hors ligne"). */
export function PresenceDot({ status, name }: { status: PresenceStatus; name?: string }) {
  const { t } = useTranslation();
  const label = name ? t('messaging.presence.of', { name, status: t(`messaging.presence.${status}`) }) : t(`messaging.presence.${status}`);
  return (
    <Box component="span" data-presence={status} style={{ display: 'inline-flex', alignItems: 'center' }}>
      <Box
        component="span"
        aria-hidden
        style={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          background: COLORS[status],
          border: '1px solid var(--mantine-color-white)',
          flex: 'none',
        }}
      />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Box>
  );
}
