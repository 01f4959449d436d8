import './print.css';
import { Anchor, Button, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionPlan, PlanAction } from '@maillage/contracts';
import { useDocumentTitle } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { networkSteeringPath } from '../hooks/access';
import { formatDay, formatEuros, formatShare, todayInParis } from '../hooks/format';
import { useActionPlan } from '../hooks/useSteering';
import { PlanSummary } from './ActionPlanPanel';
import { formatIndicatorValue } from './PlanIndicators';

function ActionsTable({ actions }: { actions: PlanAction[] }) {
  const { t } = useTranslation();
  if (!actions.length) return <Text size="sm">{t('steering.action.none')}</Text>;
  return (
    <Table fz="xs" verticalSpacing={4} withTableBorder withColumnBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('steering.action.title')}</Table.Th>
          <Table.Th scope="col">{t('steering.action.owner')}</Table.Th>
          <Table.Th scope="col">{t('steering.action.dueDate')}</Table.Th>
          <Table.Th scope="col">{t('steering.print.budget')}</Table.Th>
          <Table.Th scope="col">{t('steering.action.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {actions.map((action) => (
          <Table.Tr key={action.id}>
            <Table.Td>
              {action.title}
              {action.events.length ? (
                <Text size="xs" c="dimmed">
                  {action.events.map((e) => e.title).join(', ')}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{action.owner ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{action.dueDate ? formatDay(action.dueDate) : '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {action.budgetPlanned === null && action.budgetSpent === null
                ? '—'
                : `${formatEuros(action.budgetSpent ?? 0)} / ${formatEuros(action.budgetPlanned)}`}
            </Table.Td>
            <Table.Td>
              {t(`steering.action.statuses.${action.status}`)}
              {action.late ? ` (${t('steering.action.late')})` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Sheet({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  useDocumentTitle(t('steering.print.documentTitle', { network: plan.network.name, year: plan.year }));
  const loose = plan.actions.filter((a) => !a.objectiveId || !plan.objectives.some((o) => o.id === a.objectiveId));
  return (
    <Stack gap="sm">
      <Group justify="space-between" className="steering-print-hide">
        <Anchor component={Link} to={`${networkSteeringPath(plan.network)}?vue=plan`}>
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('steering.print.back')}
          </Group>
        </Anchor>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('steering.print.print')}
        </Button>
      </Group>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <div>
            <Text size="sm" c="dimmed">
              {plan.network.name}
            </Text>
            <Title order={1} size="h2">
              {plan.title}
            </Title>
            <Text size="sm">{t('steering.plan.period', { from: formatDay(plan.period.from), to: formatDay(plan.period.to) })}</Text>
          </div>
          {plan.summary ? (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {plan.summary}
            </Text>
          ) : null}
          <PlanSummary plan={plan} />
          <section aria-labelledby="print-indicators">
            <Title order={2} size="h5" id="print-indicators" mb={4}>
              {t('steering.indicator.title')}
            </Title>
            {plan.indicators.length ? (
              <Table fz="xs" verticalSpacing={4} withTableBorder withColumnBorders>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('steering.indicator.label')}</Table.Th>
                    <Table.Th scope="col">{t('steering.indicator.target')}</Table.Th>
                    <Table.Th scope="col">{t('steering.indicator.actual')}</Table.Th>
                    <Table.Th scope="col">{t('steering.indicator.progress')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.indicators.map((indicator) => (
                    <Table.Tr key={indicator.id}>
                      <Table.Td>
                        {indicator.label}
                        <Text size="xs" c="dimmed">
                          {indicator.source === 'manual'
                            ? t('steering.indicator.manual')
                            : t('steering.indicator.computed', { source: t(`steering.indicator.sources.${indicator.source}`) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatIndicatorValue(indicator.target, indicator.unit)}</Table.Td>
                      <Table.Td>{formatIndicatorValue(indicator.actual, indicator.unit)}</Table.Td>
                      <Table.Td>{formatShare(indicator.progress)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm">{t('steering.indicator.none')}</Text>
            )}
          </section>
          {[...plan.objectives]
            .sort((a, b) => a.position - b.position)
            .map((objective) => (
              <section key={objective.id} aria-label={objective.title}>
                <Title order={2} size="h5" mb={4}>
                  {t('steering.print.objective', { title: objective.title })}
                </Title>
                <ActionsTable actions={plan.actions.filter((a) => a.objectiveId === objective.id)} />
              </section>
            ))}
          {loose.length ? (
            <section aria-label={t('steering.action.noObjectiveGroup')}>
              <Title order={2} size="h5" mb={4}>
                {plan.objectives.length ? t('steering.action.noObjectiveGroup') : t('steering.action.sectionTitle')}
              </Title>
              <ActionsTable actions={loose} />
            </section>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('steering.print.footer', { date: formatDay(todayInParis()) })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The one-page action plan for the network's board meeting: the screen shows it as printed. */
export function PrintablePlan({ planId }: { planId: string }) {
  const plan = useActionPlan(planId);
  return (
    <Container size="md" px={0}>
      <QueryContent query={plan}>{(loaded) => <Sheet plan={loaded} />}</QueryContent>
    </Container>
  );
}
