import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '@maillage/contracts';

/** The reasons of a match, as the API phrased them (French), or rebuilt from their parameters in another language. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t, i18n } = useTranslation();
  const french = i18n.language.startsWith('fr');
  return (
    <Group gap={6} component="ul" aria-label={t('opportunities.matches.why')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {reasons.map((r) => (
        <Text
          key={r.kind}
          component="li"
          size="xs"
          px={8}
          py={2}
          bg="var(--mantine-color-gray-1)"
          c="var(--mantine-color-dark-7)"
          style={{ borderRadius: 12 }}
        >
          {french ? r.label : t(`opportunities.reasons.${r.kind}`, r.params)}
        </Text>
      ))}
    </Group>
  );
}
