import { useEffect, useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconFilter,
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconChartDots3,
  IconClockExclamation,
  IconSearch,
} from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NETWORK_MATURITIES, NETWORK_TYPES, type CockpitLine, type CockpitResponse, type CockpitSort } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { useDepartements } from '../../../lib/referentials';
import { networkSteeringPath } from '../hooks/access';
import {
  cockpitFiltersFromParams,
  cockpitFiltersToParams,
  cockpitFiltersToQuery,
  defaultOrder,
  EMPTY_COCKPIT_FILTERS,
  hasCockpitFilters,
  nextSort,
  type CockpitFilters,
} from '../hooks/cockpitFilters';
import { formatDay, formatHours, formatNumber, formatShare, formatSigned } from '../hooks/format';
import { steeringApi } from '../api/steering.api';
import { useCockpit } from '../hooks/useSteering';
import { ExportButtons } from './ExportButtons';
import { MATURITY_COLORS } from './labels';
import { OpportunityFigures } from './OpportunityFigures';

/** The filters: a name (applied on Enter or with the button), the selectors at once. */
function Filters({
  filters,
  options,
  update,
}: {
  filters: CockpitFilters;
  options: CockpitResponse['filters'] | undefined;
  update: (change: Partial<CockpitFilters>) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const departements = useDepartements();
  // On phones the selectors fold under a button: the list of networks comes first.
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [unfolded, setUnfolded] = useState(false);
  const active = [filters.type, filters.maturity, filters.departement, filters.animatorId, filters.alert].filter(Boolean).length;
  const any = { value: '', label: t('steering.cockpit.any') };
  const departementName = (code: string) => {
    const name = departements.data?.find((d) => d.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  // Only the values present in the caller's portfolio (falling back to every value before the first answer).
  const types = options?.types.length ? options.types : NETWORK_TYPES;
  const maturities = options?.maturities.length ? options.maturities : NETWORK_MATURITIES;
  return (
    <Paper withBorder p="md" radius="md">
      <form
        role="search"
        aria-label={t('steering.cockpit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          update({ q });
        }}
      >
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="search"
              label={t('steering.cockpit.q')}
              value={q}
              maxLength={200}
              onChange={(event) => setQ(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" variant="default">
              {t('common.search')}
            </Button>
          </Group>
          {wide ? null : (
            <Button
              variant="light"
              leftSection={<IconFilter size={16} aria-hidden />}
              aria-expanded={unfolded}
              aria-controls="cockpit-selectors"
              onClick={() => setUnfolded((open) => !open)}
            >
              {t('steering.cockpit.moreFilters', { count: active })}
            </Button>
          )}
          <SimpleGrid
            cols={{ base: 1, xs: 2, md: 5 }}
            spacing="sm"
            id="cockpit-selectors"
            style={!wide && !unfolded ? { display: 'none' } : undefined}
          >
            <Select
              label={t('steering.cockpit.type')}
              data={[any, ...types.map((type) => ({ value: type, label: t(`networks.types.${type}`) }))]}
              value={filters.type ?? ''}
              onChange={(value) => update({ type: (value || null) as CockpitFilters['type'] })}
              allowDeselect={false}
            />
            <Select
              label={t('steering.cockpit.maturity')}
              data={[any, ...maturities.map((m) => ({ value: m, label: t(`networks.maturities.${m}`) }))]}
              value={filters.maturity ?? ''}
              onChange={(value) => update({ maturity: (value || null) as CockpitFilters['maturity'] })}
              allowDeselect={false}
            />
            <Select
              label={t('steering.cockpit.departement')}
              searchable
              nothingFoundMessage={t('search.nothingFound')}
              data={[any, ...(options?.departements ?? []).map((code) => ({ value: code, label: departementName(code) }))]}
              value={filters.departement ?? ''}
              onChange={(value) => update({ departement: value || null })}
              allowDeselect={false}
            />
            <Select
              label={t('steering.cockpit.animator')}
              searchable
              nothingFoundMessage={t('search.nothingFound')}
              data={[any, ...(options?.animators ?? []).map((a) => ({ value: a.personId, label: a.name }))]}
              value={filters.animatorId ?? ''}
              onChange={(value) => update({ animatorId: value || null })}
              allowDeselect={false}
            />
            <Select
              label={t('steering.cockpit.alert')}
              data={[any, ...(['any', 'dormant', 'late'] as const).map((a) => ({ value: a, label: t(`steering.cockpit.alerts.${a}`) }))]}
              value={filters.alert ?? ''}
              onChange={(value) => update({ alert: (value || null) as CockpitFilters['alert'] })}
              allowDeselect={false}
            />
          </SimpleGrid>
          {hasCockpitFilters(filters) ? (
            <Group>
              <Button variant="subtle" onClick={() => update({ ...EMPTY_COCKPIT_FILTERS, sort: filters.sort, order: filters.order })}>
                {t('steering.cockpit.reset')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

/** A badge clips its text when squeezed: in table cells it keeps its whole width instead. */
export const NO_SHRINK = { minWidth: 'max-content' } as const;

/** The badges of a line's alerts (dormant network, actions past due); nothing when all is well. */
export function AlertBadges({ line }: { line: Pick<CockpitLine, 'alerts'> }) {
  const { t } = useTranslation();
  const { dormant, daysSinceActivity, lateActions } = line.alerts;
  if (!dormant && !lateActions) return null;
  return (
    <Group gap={4}>
      {dormant ? (
        <Badge color="red" variant="light" tt="none" style={NO_SHRINK} leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          {daysSinceActivity === null ? t('steering.alerts.dormantNever') : t('steering.alerts.dormant', { count: daysSinceActivity })}
        </Badge>
      ) : null}
      {lateActions ? (
        <Badge color="orange" variant="light" tt="none" style={NO_SHRINK} leftSection={<IconClockExclamation size={12} aria-hidden />}>
          {t('steering.alerts.late', { count: lateActions })}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The plan's progress: a bar with its value, and the count of actions done. */
export function PlanProgress({ plan }: { plan: CockpitLine['plan'] }) {
  const { t } = useTranslation();
  if (!plan) return <Text size="sm">{t('steering.cockpit.noPlan')}</Text>;
  const value = plan.progress === null ? null : Math.round(Math.min(1, plan.progress) * 100);
  return (
    <Stack gap={2} style={{ minWidth: '7rem' }}>
      {value === null ? (
        <Text size="sm">{t('steering.cockpit.noTarget')}</Text>
      ) : (
        <Group gap={6} wrap="nowrap">
          <Progress
            value={value}
            size="md"
            style={{ flex: 1 }}
            aria-label={t('steering.cockpit.progressOf', { year: plan.year })}
            color={value >= 100 ? 'teal' : 'blue'}
          />
          <Text size="sm" fw={600}>
            {formatShare(Math.min(1, plan.progress ?? 0))}
          </Text>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('steering.cockpit.actionsDone', { count: plan.actionsDone, total: plan.actionsTotal })}
      </Text>
    </Stack>
  );
}

function Growth({ growth }: { growth: CockpitLine['growth12m'] }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c={growth.net < 0 ? 'red.8' : 'dimmed'}>
      {t('steering.cockpit.growth', {
        net: formatSigned(growth.net),
        joins: t('steering.cockpit.joins', { count: growth.joins, formatted: formatNumber(growth.joins) }),
        leaves: t('steering.cockpit.leaves', { count: growth.leaves, formatted: formatNumber(growth.leaves) }),
      })}
    </Text>
  );
}

function ForumCell({ line }: { line: CockpitLine }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm">{t('steering.cockpit.posts', { count: line.forum.posts, formatted: formatNumber(line.forum.posts) })}</Text>
      <Text size="xs" c="dimmed">
        {t('steering.cockpit.topics', { count: line.forum.topics, formatted: formatNumber(line.forum.topics) })}
        {line.forum.answeredShare === null
          ? null
          : ` · ${t('steering.cockpit.answered', { share: formatShare(line.forum.answeredShare) })}`}
      </Text>
      {line.forum.medianHoursToFirstAnswer === null ? null : (
        <Text size="xs" c="dimmed">
          {t('steering.cockpit.firstAnswer', {
            delay: formatHours(line.forum.medianHoursToFirstAnswer, t('steering.units.days'), t('steering.units.hours')),
          })}
        </Text>
      )}
    </Stack>
  );
}

function EventsCell({ line }: { line: CockpitLine }) {
  const { t } = useTranslation();
  const { events } = line;
  return (
    <Stack gap={0}>
      <Text size="sm">{t('steering.cockpit.eventsHeld', { count: events.held, formatted: formatNumber(events.held) })}</Text>
      <Text size="xs" c="dimmed">
        {t('steering.cockpit.registrations', { count: events.registrations, formatted: formatNumber(events.registrations) })}
        {events.attendanceRate === null ? null : ` · ${t('steering.cockpit.attendance', { share: formatShare(events.attendanceRate) })}`}
      </Text>
      {events.waitlisted ? (
        <Text size="xs" c="dimmed">
          {t('steering.cockpit.waitlisted', { count: events.waitlisted })}
        </Text>
      ) : null}
    </Stack>
  );
}

function NetworkCell({ line }: { line: CockpitLine }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={networkSteeringPath(line.network)} fw={600}>
        {line.network.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {[t(`networks.types.${line.network.type}`), line.network.hostOrganization.name].join(' · ')}
      </Text>
      {line.animators.length ? (
        <Text size="xs" c="dimmed">
          {t('steering.cockpit.animatedBy', { names: line.animators.map((a) => a.name).join(', ') })}
        </Text>
      ) : null}
    </Stack>
  );
}

function MaturityBadge({ maturity }: { maturity: CockpitLine['network']['maturity'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={MATURITY_COLORS[maturity]} style={NO_SHRINK}>
      {t(`networks.maturities.${maturity}`)}
    </Badge>
  );
}

interface Column {
  key: string;
  sort?: CockpitSort;
  /** Badges keep their text on one line: the column takes the room it needs. */
  nowrap?: boolean;
  cell: (line: CockpitLine) => ReactNode;
}

function useColumns(): Column[] {
  const { t } = useTranslation();
  return [
    { key: 'name', sort: 'name', cell: (line) => <NetworkCell line={line} /> },
    {
      key: 'members',
      sort: 'members',
      cell: (line) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {formatNumber(line.members)}
          </Text>
          <Growth growth={line.growth12m} />
        </Stack>
      ),
    },
    {
      key: 'activeMembers',
      sort: 'activeMembers',
      cell: (line) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {formatNumber(line.activeMembers)}
          </Text>
          <Text size="xs" c="dimmed">
            {line.members ? t('steering.cockpit.activeShare', { share: formatShare(line.activeMembers / line.members) }) : null}
          </Text>
        </Stack>
      ),
    },
    { key: 'forum', sort: 'posts', cell: (line) => <ForumCell line={line} /> },
    { key: 'events', sort: 'events', cell: (line) => <EventsCell line={line} /> },
    { key: 'documents', cell: (line) => <Text size="sm">{formatNumber(line.documentsAdded)}</Text> },
    { key: 'maturity', sort: 'maturity', nowrap: true, cell: (line) => <MaturityBadge maturity={line.network.maturity} /> },
    { key: 'plan', sort: 'progress', cell: (line) => <PlanProgress plan={line.plan} /> },
    { key: 'alerts', sort: 'lastActivity', nowrap: true, cell: (line) => <AlertBadges line={line} /> },
  ];
}

function SortHeader({ column, filters, onSort }: { column: Column; filters: CockpitFilters; onSort: (sort: CockpitSort) => void }) {
  const { t } = useTranslation();
  const label = t(`steering.cockpit.columns.${column.key}`);
  if (!column.sort) return <Table.Th scope="col">{label}</Table.Th>;
  const active = filters.sort === column.sort;
  const Icon = !active ? IconArrowsSort : filters.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton
        onClick={() => column.sort && onSort(column.sort)}
        style={{ fontWeight: 700, fontSize: 'inherit', display: 'inline-flex', gap: 4, alignItems: 'center' }}
      >
        {label}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

function CockpitTable({ lines, filters, onSort }: { lines: CockpitLine[]; filters: CockpitFilters; onSort: (sort: CockpitSort) => void }) {
  const { t } = useTranslation();
  const columns = useColumns();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{t('steering.cockpit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <SortHeader key={column.key} column={column} filters={filters} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.network.id} bg={line.alerts.dormant ? 'var(--mantine-color-red-0)' : undefined}>
              {columns.map((column) => (
                <Table.Td key={column.key} style={{ verticalAlign: 'top', whiteSpace: column.nowrap ? 'nowrap' : undefined }}>
                  {column.cell(line)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per network, the same figures stacked. */
function CockpitCards({ lines }: { lines: CockpitLine[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {lines.map((line) => (
        <Card
          key={line.network.id}
          component="li"
          withBorder
          padding="md"
          radius="md"
          style={line.alerts.dormant ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
        >
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <NetworkCell line={line} />
              <MaturityBadge maturity={line.network.maturity} />
            </Group>
            <AlertBadges line={line} />
            <SimpleGrid cols={2} spacing="xs">
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('steering.cockpit.columns.members')}
                </Text>
                <Text fw={600}>{formatNumber(line.members)}</Text>
                <Growth growth={line.growth12m} />
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('steering.cockpit.columns.activeMembers')}
                </Text>
                <Text fw={600}>{formatNumber(line.activeMembers)}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('steering.cockpit.columns.forum')}
                </Text>
                <ForumCell line={line} />
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('steering.cockpit.columns.events')}
                </Text>
                <EventsCell line={line} />
              </Stack>
            </SimpleGrid>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('steering.cockpit.columns.plan')}
              </Text>
              <PlanProgress plan={line.plan} />
            </Stack>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Totals({ data }: { data: CockpitResponse }) {
  const { t } = useTranslation();
  const items = [
    { key: 'networks', value: data.totals.networks },
    { key: 'members', value: data.totals.members },
    { key: 'activeMembers', value: data.totals.activeMembers },
    { key: 'dormant', value: data.totals.dormant, alert: data.totals.dormant > 0 },
    { key: 'withLateActions', value: data.totals.withLateActions, alert: data.totals.withLateActions > 0 },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="dl" style={{ margin: 0 }}>
      {items.map((item) => (
        <Paper key={item.key} withBorder p="sm" radius="md" style={item.alert ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`steering.cockpit.totals.${item.key}`)}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700} c={item.alert ? 'red.8' : undefined}>
            {formatNumber(item.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The portfolio of the networks the person animates, hosts or refers; filters and sort live in the URL. */
export function Cockpit() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = cockpitFiltersFromParams(params);
  const query = cockpitFiltersToQuery(filters);
  const cockpit = useCockpit(query);
  // Any filter change goes back to the first page.
  const update = (change: Partial<CockpitFilters>) => setParams(cockpitFiltersToParams({ ...filters, page: 1, ...change }));
  const onSort = (sort: CockpitSort) => update(nextSort(filters, sort));

  return (
    <Stack gap="lg">
      <Filters filters={filters} options={cockpit.data?.filters} update={update} />
      <QueryContent query={cockpit}>
        {(data) =>
          data.total === 0 && !hasCockpitFilters(filters) ? (
            <EmptyState
              icon={<IconChartDots3 size={32} aria-hidden />}
              withIndicatorBackground
              title={t('steering.cockpit.emptyTitle')}
              description={t('steering.cockpit.empty')}
            >
              <EmptyState.Actions>
                <Button component={Link} to="/reseaux">
                  {t('steering.cockpit.browse')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <Stack gap="md" aria-busy={cockpit.isPlaceholderData}>
              <Totals data={data} />
              <OpportunityFigures />
              <Group justify="space-between" gap="sm">
                <Text size="sm" role="status">
                  {t('steering.cockpit.asOf', { count: data.total, date: formatDay(data.asOf) })}
                </Text>
                <ExportButtons
                  label={t('steering.cockpit.export')}
                  csv={steeringApi.cockpitExportUrl('csv', query)}
                  xlsx={steeringApi.cockpitExportUrl('xlsx', query)}
                />
              </Group>
              {data.items.length ? (
                <section aria-label={t('steering.cockpit.results')}>
                  <Box visibleFrom="md">
                    <CockpitTable lines={data.items} filters={filters} onSort={onSort} />
                  </Box>
                  <Box hiddenFrom="md">
                    <Select
                      label={t('steering.cockpit.sort')}
                      data={(
                        [
                          'lastActivity',
                          'name',
                          'members',
                          'activeMembers',
                          'growth',
                          'posts',
                          'events',
                          'attendance',
                          'maturity',
                          'progress',
                        ] as const
                      ).map((s) => ({ value: s, label: t(`steering.cockpit.sortBy.${s}`) }))}
                      value={filters.sort}
                      onChange={(value) => value && update({ sort: value as CockpitSort, order: defaultOrder(value as CockpitSort) })}
                      allowDeselect={false}
                      mb="sm"
                    />
                    <CockpitCards lines={data.items} />
                  </Box>
                  <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => update({ page })} />
                </section>
              ) : (
                <EmptyState icon={<IconSearch size={32} aria-hidden />} withIndicatorBackground description={t('steering.cockpit.noMatch')}>
                  <EmptyState.Actions>
                    <Button variant="default" onClick={() => update(EMPTY_COCKPIT_FILTERS)}>
                      {t('steering.cockpit.reset')}
                    </Button>
                  </EmptyState.Actions>
                </EmptyState>
              )}
            </Stack>
          )
        }
      </QueryContent>
    </Stack>
  );
}
