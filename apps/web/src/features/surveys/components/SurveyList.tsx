import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SurveySummary } from '@maillage/contracts';
import { formatDate } from '../../../lib/dates';
import { surveyPath } from '../api/surveys.api';

export const STATUS_COLORS = { draft: 'gray', open: 'teal', closed: 'dark' } as const;

/** Questionnaires as cards: status, closing date, and what the reader has to do. */
export function SurveyList({ items, empty }: { items: SurveySummary[]; empty: string }) {
  const { t } = useTranslation();
  if (!items.length) {
    return (
      <Text c="dimmed" role="status">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((s) => (
        <Paper component="li" key={s.id} withBorder p="md" radius="md">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={surveyPath(s.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {s.title}
            </Anchor>
            <Group gap="xs">
              {!s.isOwner && s.status === 'open' ? (
                <Badge color={s.answered ? 'teal' : 'orange'} variant="light">
                  {s.answered ? t('surveys.list.answered') : t('surveys.list.toAnswer')}
                </Badge>
              ) : null}
              <Badge color={STATUS_COLORS[s.status]} variant="light">
                {t(`surveys.status.${s.status}`)}
              </Badge>
            </Group>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {[
              s.isOwner && s.responses !== null && s.recipients !== null && s.status !== 'draft'
                ? t('surveys.list.responses', { count: s.responses, recipients: s.recipients })
                : null,
              s.closesAt ? t('surveys.list.closes', { date: formatDate(s.closesAt) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
