import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchReason, OpportunityListItem } from '@maillage/contracts';
import { formatDate } from '../../../lib/dates';
import { MatchReasons } from './MatchReasons';

const STATUS_COLORS = { draft: 'gray', open: 'teal', closed: 'dark', awarded: 'indigo', cancelled: 'red' } as const;

/** One opportunity in a list: type, title, company, deadline; the reasons when it was suggested. */
export function OpportunityCard({ item, reasons }: { item: OpportunityListItem; reasons?: MatchReason[] }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t(`opportunities.types.${item.type}`)}
          </Badge>
          {item.status !== 'open' ? (
            <Badge variant="light" color={STATUS_COLORS[item.status]} tt="none">
              {t(`opportunities.statuses.${item.status}`)}
            </Badge>
          ) : null}
          {item.audience !== 'public' ? (
            <Badge variant="outline" color="gray" tt="none">
              {t(`opportunities.audiences.${item.audience}`)}
            </Badge>
          ) : null}
        </Group>
        <Anchor component={Link} to={`/opportunites/${item.id}`} fw={700} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Anchor>
        <Text size="sm">
          {[item.company.name, item.company.communeName].filter(Boolean).join(' · ')} ·{' '}
          {t('opportunities.deadlineOn', { date: formatDate(item.deadline) })}
        </Text>
        {reasons?.length ? <MatchReasons reasons={reasons} /> : null}
      </Stack>
    </Paper>
  );
}
