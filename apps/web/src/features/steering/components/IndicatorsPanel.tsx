import '@mantine/charts/styles.css';
import type { ReactNode } from 'react';
import { BarChart, FunnelChart, LineChart } from '@mantine/charts';
import { Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlyPoint, NetworkIndicators } from '@maillage/contracts';
import { formatDate } from '../../../lib/dates';
import { formatDay, formatHours, formatMonth, formatNumber, formatShare } from '../hooks/format';
import { AlertBadges } from './Cockpit';

type SeriesKey = Exclude<keyof MonthlyPoint, 'month'>;

interface ChartSpec {
  id: string;
  kind: 'line' | 'bar';
  series: { key: SeriesKey; color: string }[];
  /** Values shown as percentages (0..1 in the data). */
  percent?: boolean;
  /** Straight segments: a smoothed curve would overshoot the bounds of a rate. */
  linear?: boolean;
}

const CHARTS: ChartSpec[] = [
  {
    id: 'members',
    kind: 'line',
    series: [
      { key: 'members', color: 'blue.7' },
      { key: 'activeMembers', color: 'teal.7' },
    ],
  },
  {
    id: 'growth',
    kind: 'bar',
    series: [
      { key: 'joins', color: 'teal.6' },
      { key: 'leaves', color: 'red.6' },
    ],
  },
  {
    id: 'forum',
    kind: 'bar',
    series: [
      { key: 'posts', color: 'indigo.6' },
      { key: 'topics', color: 'orange.6' },
    ],
  },
  {
    id: 'events',
    kind: 'bar',
    series: [
      { key: 'registrations', color: 'blue.6' },
      { key: 'checkIns', color: 'teal.6' },
    ],
  },
  { id: 'attendance', kind: 'line', series: [{ key: 'attendanceRate', color: 'grape.7' }], percent: true, linear: true },
  { id: 'newsletters', kind: 'bar', series: [{ key: 'newsletters', color: 'cyan.7' }] },
  {
    id: 'newsletterReach',
    kind: 'bar',
    series: [
      { key: 'newsletterRecipients', color: 'blue.6' },
      { key: 'newsletterClickers', color: 'teal.6' },
      { key: 'newsletterUnsubscribes', color: 'red.6' },
    ],
  },
];

/**
 * One chart of the monthly series, as a figure: the chart for the eyes, and the same figures as a
 * table behind a disclosure for screen readers and for whoever wants the exact numbers.
 */
function SeriesChart({ spec, series }: { spec: ChartSpec; series: MonthlyPoint[] }) {
  const { t } = useTranslation();
  const label = (key: SeriesKey) => t(`steering.indicators.series.${key}`);
  const data = series.map((point) => ({
    month: formatMonth(point.month, 'short'),
    ...Object.fromEntries(spec.series.map(({ key }) => [label(key), point[key] ?? 0])),
  }));
  const format = (value: number) => (spec.percent ? formatShare(value) : formatNumber(value, 1));
  const common = {
    h: 220,
    data,
    dataKey: 'month',
    series: spec.series.map(({ key, color }) => ({ name: label(key), color })),
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const, height: 40 },
    valueFormatter: format,
    xAxisProps: { interval: 'preserveStartEnd' as const, minTickGap: 16 },
    yAxisProps: spec.percent
      ? { domain: [0, 1] as [number, number], tickFormatter: (value: number) => formatShare(value) }
      : { allowDecimals: false },
    tooltipAnimationDuration: 0,
    // The figures are in the table under the chart: the drawing takes no keyboard focus.
    accessibilityLayer: false,
  };
  const titleId = `chart-${spec.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-labelledby={titleId}>
      <Title order={4} id={titleId} mb="xs" component="figcaption" size="h5">
        {t(`steering.indicators.charts.${spec.id}`)}
      </Title>
      {/* The SVG itself is decorative for assistive technologies: the table below carries the figures. */}
      <Box aria-hidden>
        {spec.kind === 'line' ? (
          <LineChart {...common} curveType={spec.linear ? 'linear' : 'monotone'} withDots={false} connectNulls />
        ) : (
          <BarChart {...common} />
        )}
      </Box>
      <details>
        <summary>
          <Text span size="sm">
            {t('steering.indicators.showData')}
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={320} mah={280}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('steering.indicators.month')}</Table.Th>
                {spec.series.map(({ key }) => (
                  <Table.Th scope="col" key={key}>
                    {label(key)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.map((point) => (
                <Table.Tr key={point.month}>
                  <Table.Th scope="row" fw={400}>
                    {formatMonth(point.month)}
                  </Table.Th>
                  {spec.series.map(({ key }) => (
                    <Table.Td key={key}>{format((point[key] ?? 0) as number)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Paper>
  );
}

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="xl" fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text component="dd" m={0} size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The figures of today (the same as the cockpit's line). */
function Current({ indicators }: { indicators: NetworkIndicators }) {
  const { t } = useTranslation();
  const { current } = indicators;
  return (
    <Stack gap="xs">
      <AlertBadges line={current} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" style={{ margin: 0 }}>
        <Stat
          label={t('steering.cockpit.columns.members')}
          value={formatNumber(current.members)}
          hint={t('steering.indicators.growthHint', { joins: current.growth12m.joins, leaves: current.growth12m.leaves })}
        />
        <Stat
          label={t('steering.cockpit.columns.activeMembers')}
          value={formatNumber(current.activeMembers)}
          hint={current.members ? t('steering.cockpit.activeShare', { share: formatShare(current.activeMembers / current.members) }) : null}
        />
        <Stat
          label={t('steering.indicators.posts12m')}
          value={formatNumber(current.forum.posts)}
          hint={
            current.forum.answeredShare === null
              ? null
              : t('steering.cockpit.answered', { share: formatShare(current.forum.answeredShare) })
          }
        />
        <Stat
          label={t('steering.indicators.events12m')}
          value={formatNumber(current.events.held)}
          hint={
            current.events.attendanceRate === null
              ? null
              : t('steering.cockpit.attendance', { share: formatShare(current.events.attendanceRate) })
          }
        />
        <Stat label={t('steering.indicators.documents12m')} value={formatNumber(current.documentsAdded)} />
        <Stat
          label={t('steering.indicators.lastActivity')}
          value={current.lastActivityAt ? formatDate(current.lastActivityAt) : t('steering.indicators.never')}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Funnel({ funnel }: { funnel: NetworkIndicators['funnel'] }) {
  const { t } = useTranslation();
  const steps = [
    { name: t('steering.indicators.funnel.received'), value: funnel.received, color: 'blue.8' },
    { name: t('steering.indicators.funnel.accepted'), value: funnel.accepted, color: 'teal.9' },
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steering-funnel">
      <Title order={3} size="h5" id="steering-funnel" mb="xs">
        {t('steering.indicators.funnel.title')}
      </Title>
      <Group align="center" gap="lg" wrap="wrap">
        {funnel.received ? (
          <Box aria-hidden>
            <FunnelChart
              data={steps}
              size={160}
              withLabels
              labelsPosition="inside"
              valueFormatter={(value) => formatNumber(value)}
              withTooltip={false}
              accessibilityLayer={false}
            />
          </Box>
        ) : null}
        <Box component="dl" m={0} style={{ flex: '1 1 12rem' }}>
          {(['received', 'accepted', 'rejected', 'pending'] as const).map((key) => (
            <Group key={key} justify="space-between" gap="xs">
              <Text component="dt" size="sm">
                {t(`steering.indicators.funnel.${key}`)}
              </Text>
              <Text component="dd" m={0} fw={600}>
                {formatNumber(funnel[key])}
              </Text>
            </Group>
          ))}
          <Group justify="space-between" gap="xs">
            <Text component="dt" size="sm">
              {t('steering.indicators.funnel.delay')}
            </Text>
            <Text component="dd" m={0} fw={600}>
              {formatHours(funnel.medianHoursToDecide, t('steering.units.days'), t('steering.units.hours'))}
            </Text>
          </Group>
        </Box>
      </Group>
    </Paper>
  );
}

function Comparison({ comparison }: { comparison: NetworkIndicators['comparison'] }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'members', self: formatNumber(comparison.self.members), median: formatNumber(comparison.median.members, 1) },
    { key: 'activeMembers', self: formatNumber(comparison.self.activeMembers), median: formatNumber(comparison.median.activeMembers, 1) },
    { key: 'posts12m', self: formatNumber(comparison.self.posts12m), median: formatNumber(comparison.median.posts12m, 1) },
    { key: 'eventsHeld12m', self: formatNumber(comparison.self.eventsHeld12m), median: formatNumber(comparison.median.eventsHeld12m, 1) },
    { key: 'attendanceRate', self: formatShare(comparison.self.attendanceRate), median: formatShare(comparison.median.attendanceRate) },
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steering-comparison">
      <Title order={3} size="h5" id="steering-comparison" mb={4}>
        {t('steering.indicators.comparison.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {comparison.peers > 1
          ? t('steering.indicators.comparison.lead', { count: comparison.peers, type: t(`networks.types.${comparison.type}`) })
          : t('steering.indicators.comparison.alone', { type: t(`networks.types.${comparison.type}`) })}
      </Text>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('steering.indicators.comparison.figure')}</Table.Th>
            <Table.Th scope="col">{t('steering.indicators.comparison.self')}</Table.Th>
            <Table.Th scope="col">{t('steering.indicators.comparison.median')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {t(`steering.indicators.comparison.rows.${row.key}`)}
              </Table.Th>
              <Table.Td fw={600}>{row.self}</Table.Td>
              <Table.Td>{row.median}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function BecameInactive({ members }: { members: NetworkIndicators['becameInactive'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steering-inactive">
      <Title order={3} size="h5" id="steering-inactive" mb={4}>
        {t('steering.indicators.inactive.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('steering.indicators.inactive.lead')}
      </Text>
      {members.length ? (
        <Table.ScrollContainer
          minWidth={360}
          mah={320}
          // A long list scrolls: reachable by keyboard, named by its heading.
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'steering-inactive' } }}
        >
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('steering.indicators.inactive.company')}</Table.Th>
                <Table.Th scope="col">{t('steering.indicators.inactive.lastActivity')}</Table.Th>
                <Table.Th scope="col">{t('steering.indicators.inactive.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => (
                <Table.Tr key={member.companyId}>
                  <Table.Td>{member.name}</Table.Td>
                  <Table.Td>{member.lastActivityAt ? formatDate(member.lastActivityAt) : t('steering.indicators.never')}</Table.Td>
                  <Table.Td>{formatDate(member.memberSince)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm">{t('steering.indicators.inactive.none')}</Text>
      )}
    </Paper>
  );
}

/** A network's indicators: today's figures, 24 months of series, the join funnel, the members who went quiet, the median of its type. */
export default function IndicatorsPanel({ indicators }: { indicators: NetworkIndicators }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('steering.indicators.asOf', { date: formatDay(indicators.asOf) })}
      </Text>
      <Current indicators={indicators} />
      <section aria-labelledby="steering-series">
        <Title order={3} size="h4" id="steering-series" mb="sm">
          {t('steering.indicators.seriesTitle', { count: indicators.series.length })}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {CHARTS.map((spec) => (
            <SeriesChart key={spec.id} spec={spec} series={indicators.series} />
          ))}
        </SimpleGrid>
      </section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Funnel funnel={indicators.funnel} />
        <Comparison comparison={indicators.comparison} />
      </SimpleGrid>
      <BecameInactive members={indicators.becameInactive} />
    </Stack>
  );
}
