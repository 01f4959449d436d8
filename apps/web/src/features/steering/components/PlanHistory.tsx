import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionPlan, ActionPlanHistoryEntry } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { usePlanHistory } from '../hooks/useSteering';

/** A changed value as a person reads it (dates and numbers as the API sent them, lists joined). */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Changes({ entry }: { entry: ActionPlanHistoryEntry }) {
  const { t, i18n } = useTranslation();
  if (!entry.changes) return null;
  const field = (name: string) => (i18n.exists(`steering.history.fields.${name}`) ? t(`steering.history.fields.${name}`) : name);
  const value = (name: string, raw: unknown) => {
    const key = `steering.action.statuses.${String(raw)}`;
    return name === 'status' && i18n.exists(key) ? t(key) : show(raw);
  };
  return (
    <Stack gap={0}>
      {Object.entries(entry.changes).map(([name, change]) => (
        <Text key={name} size="xs" c="dimmed">
          {t('steering.history.change', { field: field(name), from: value(name, change.from), to: value(name, change.to) })}
        </Text>
      ))}
    </Stack>
  );
}

/** Every change of the plan, newest first: what, who, when, and the values before and after. */
export function PlanHistory({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  const history = usePlanHistory(plan.id, true);
  return (
    <QueryContent query={history}>
      {(entries) =>
        entries.length ? (
          <Table.ScrollContainer minWidth={480}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('steering.history.date')}</Table.Th>
                  <Table.Th scope="col">{t('steering.history.who')}</Table.Th>
                  <Table.Th scope="col">{t('steering.history.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(entry.createdAt)}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>{entry.actor?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`steering.history.kinds.${entry.kind}`, { label: entry.label })}</Text>
                      <Changes entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text>{t('steering.history.none')}</Text>
        )
      }
    </QueryContent>
  );
}
