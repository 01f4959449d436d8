import './print.css';
import { lazy, Suspense, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconMapOff, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  NETWORK_MATURITIES,
  NETWORK_TYPES,
  type CountBy,
  type NetworkMaturity,
  type NetworkType,
  type RegionalQuery,
  type RegionalView,
} from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines } from '../../../components/QueryContent';
import { isApiError } from '../../../lib/api';
import { useDepartements } from '../../../lib/referentials';
import { steeringApi } from '../api/steering.api';
import { networkSteeringPath } from '../hooks/access';
import { formatDay, formatNumber } from '../hooks/format';
import { useRegionalView, useSteeringAccess } from '../hooks/useSteering';
import { NO_SHRINK } from './Cockpit';
import { ExportButtons } from './ExportButtons';
import { MATURITY_COLORS } from './labels';

// Leaflet is heavy: the map loads in its own chunk, after the tables.
const NetworksMap = lazy(() => import('./NetworksMap'));

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

function queryFromParams(params: URLSearchParams): RegionalQuery {
  const departement = params.get('departement');
  return {
    organizationId: params.get('organisation') || undefined,
    departement: departement && /^(\d{2}|2A|2B|97[1-6])$/.test(departement) ? departement : undefined,
    type: oneOf(NETWORK_TYPES, params.get('type')),
    maturity: oneOf(NETWORK_MATURITIES, params.get('maturite')),
  };
}

function paramsFromQuery(query: RegionalQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.organizationId) params.set('organisation', query.organizationId);
  if (query.departement) params.set('departement', query.departement);
  if (query.type) params.set('type', query.type);
  if (query.maturity) params.set('maturite', query.maturity);
  return params;
}

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className="steering-print-block">
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A count table with a proportional bar (the bar is decoration: the number is in the cell). */
function CountTable({
  rows,
  label,
  caption,
  extra,
}: {
  rows: CountBy[];
  label: string;
  caption: string;
  extra?: { title: string; value: (key: string) => ReactNode };
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((row) => row.count));
  if (!rows.length) return <Text size="sm">{t('steering.territory.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={300} mah={360}>
      <Table striped fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{label}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('steering.territory.networks')}
            </Table.Th>
            {extra ? (
              <Table.Th scope="col" ta="right">
                {extra.title}
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {row.label}
                <Progress value={(row.count / max) * 100} size="xs" mt={2} aria-hidden className="steering-print-hide" />
              </Table.Th>
              <Table.Td ta="right" fw={600}>
                {formatNumber(row.count)}
              </Table.Td>
              {extra ? <Table.Td ta="right">{extra.value(row.key)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Totals({ view }: { view: RegionalView }) {
  const { t } = useTranslation();
  const items = [
    { key: 'networks', value: formatNumber(view.totals.networks) },
    { key: 'memberCompanies', value: formatNumber(view.totals.memberCompanies) },
    { key: 'activeMembers', value: formatNumber(view.totals.activeMembers) },
    { key: 'fte', value: formatNumber(view.totals.fte, 2) },
    { key: 'dormant', value: formatNumber(view.totals.dormant) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="dl" style={{ margin: 0 }}>
      {items.map((item) => (
        <Paper key={item.key} withBorder p="sm" radius="md">
          <Text component="dt" size="sm" c="dimmed">
            {t(`steering.territory.totals.${item.key}`)}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {item.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function NetworksTable({ view }: { view: RegionalView }) {
  const { t } = useTranslation();
  const departements = useDepartements();
  const departementName = (code: string) => {
    const name = departements.data?.find((d) => d.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  if (!view.networks.length) return <Text size="sm">{t('steering.territory.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped fz="sm" verticalSpacing="xs">
        <Table.Caption>{t('steering.territory.schemaCaption', { count: view.networks.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('steering.territory.columns.network')}</Table.Th>
            <Table.Th scope="col">{t('steering.territory.columns.maturity')}</Table.Th>
            <Table.Th scope="col">{t('steering.territory.columns.organizations')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('steering.territory.columns.members')}
            </Table.Th>
            <Table.Th scope="col">{t('steering.territory.columns.departements')}</Table.Th>
            <Table.Th scope="col">{t('steering.territory.columns.needs')}</Table.Th>
            <Table.Th scope="col">{t('steering.territory.columns.agreement')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.networks.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={networkSteeringPath(line)} fw={600} size="sm">
                  {line.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`networks.types.${line.type}`)}
                </Text>
                {line.dormant ? (
                  <Badge size="xs" color="red" variant="light">
                    {t('steering.territory.dormant')}
                  </Badge>
                ) : null}
              </Table.Th>
              <Table.Td>
                <Badge variant="filled" color={MATURITY_COLORS[line.maturity]} size="sm" style={NO_SHRINK}>
                  {t(`networks.maturities.${line.maturity}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {line.hostOrganization.name}
                {line.referentOrganization && line.referentOrganization.id !== line.hostOrganization.id ? (
                  <Text size="xs" c="dimmed">
                    {t('steering.territory.referent', { name: line.referentOrganization.name })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">
                {formatNumber(line.members)}
                <Text size="xs" c="dimmed">
                  {t('steering.territory.activeCount', { count: line.activeMembers })}
                </Text>
              </Table.Td>
              <Table.Td>{line.departements.map(departementName).join(', ') || '—'}</Table.Td>
              <Table.Td>{line.needs.map((need) => t(`steering.sheet.needValues.${need}`)).join(', ') || '—'}</Table.Td>
              <Table.Td>
                {line.agreementType ? t(`steering.sheet.agreementTypes.${line.agreementType}`) : '—'}
                {line.fte !== null ? (
                  <Text size="xs" c="dimmed">
                    {t('steering.sheet.fteValue', { fte: formatNumber(line.fte, 2) })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Filters({ query, update }: { query: RegionalQuery; update: (change: Partial<RegionalQuery>) => void }) {
  const { t } = useTranslation();
  const access = useSteeringAccess();
  const departements = useDepartements();
  const any = { value: '', label: t('steering.cockpit.any') };
  const organizations = access.access?.organizations ?? [];
  return (
    <Paper withBorder p="md" radius="md" className="steering-print-hide">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" role="search" aria-label={t('steering.territory.filters')}>
        {organizations.length > 1 ? (
          <Select
            label={t('steering.territory.organization')}
            data={organizations.map((o) => ({ value: o.id, label: o.name }))}
            value={query.organizationId ?? organizations[0]?.id ?? null}
            onChange={(value) => update({ organizationId: value || undefined })}
            allowDeselect={false}
          />
        ) : null}
        <Select
          label={t('steering.cockpit.departement')}
          searchable
          nothingFoundMessage={t('search.nothingFound')}
          data={[any, ...(departements.data ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))]}
          value={query.departement ?? ''}
          onChange={(value) => update({ departement: value || undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('steering.cockpit.type')}
          data={[any, ...NETWORK_TYPES.map((type) => ({ value: type, label: t(`networks.types.${type}`) }))]}
          value={query.type ?? ''}
          onChange={(value) => update({ type: (value || undefined) as NetworkType | undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('steering.cockpit.maturity')}
          data={[any, ...NETWORK_MATURITIES.map((m) => ({ value: m, label: t(`networks.maturities.${m}`) }))]}
          value={query.maturity ?? ''}
          onChange={(value) => update({ maturity: (value || undefined) as NetworkMaturity | undefined })}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Paper>
  );
}

function Content({ view, query }: { view: RegionalView; query: RegionalQuery }) {
  const { t } = useTranslation();
  const membersByType = new Map(view.membersByType.map((row) => [row.key, row.count]));
  const ftes = view.fteByOrganization;
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm" align="flex-start">
        <Stack gap={2}>
          {view.organization ? (
            <Text fw={600} size="lg">
              {view.organization.name}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('steering.territory.asOf', { date: formatDay(view.asOf) })}
          </Text>
        </Stack>
        <Group gap="xs" className="steering-print-hide">
          <ExportButtons
            label={t('steering.territory.export')}
            csv={steeringApi.schemaExportUrl('csv', query)}
            xlsx={steeringApi.schemaExportUrl('xlsx', query)}
          />
          <Button variant="default" size="sm" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('steering.territory.print')}
          </Button>
        </Group>
      </Group>
      {view.readOnly ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} className="steering-print-hide">
          {t('steering.territory.readOnly')}
        </Alert>
      ) : null}
      <Totals view={view} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Block id="territory-by-type" title={t('steering.territory.byType')}>
          <CountTable
            rows={view.byType.map((row) => ({ ...row, label: t(`networks.types.${row.key}`) }))}
            label={t('steering.territory.type')}
            caption={t('steering.territory.byTypeCaption')}
            extra={{
              title: t('steering.territory.memberCompanies'),
              value: (key) => formatNumber(membersByType.get(key as NetworkType) ?? 0),
            }}
          />
        </Block>
        <Block id="territory-by-maturity" title={t('steering.territory.byMaturity')}>
          <CountTable
            rows={view.byMaturity.map((row) => ({ ...row, label: t(`networks.maturities.${row.key}`) }))}
            label={t('steering.territory.maturity')}
            caption={t('steering.territory.byMaturityCaption')}
          />
        </Block>
        <Block id="territory-fte" title={t('steering.territory.fte')}>
          {ftes.length ? (
            <Table fz="sm" striped>
              <Table.Caption>{t('steering.territory.fteCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('steering.territory.organizationColumn')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('steering.territory.networks')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('steering.territory.fteColumn')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ftes.map((row) => (
                  <Table.Tr key={row.organizationId}>
                    <Table.Th scope="row" fw={400}>
                      {row.name}
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(row.networks)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatNumber(row.fte, 2)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm">{t('steering.territory.none')}</Text>
          )}
        </Block>
        <Block id="territory-needs" title={t('steering.territory.needs')}>
          <CountTable
            rows={view.needs.map((row) => ({ ...row, label: t(`steering.sheet.needValues.${row.key}`) }))}
            label={t('steering.territory.need')}
            caption={t('steering.territory.needsCaption')}
          />
        </Block>
        <Block id="territory-departements" title={t('steering.territory.byDepartement')}>
          <CountTable
            rows={view.byDepartement}
            label={t('steering.territory.departement')}
            caption={t('steering.territory.byDepartementCaption')}
          />
        </Block>
        <Block id="territory-epcis" title={t('steering.territory.byEpci')}>
          <CountTable rows={view.byEpci} label={t('steering.territory.epci')} caption={t('steering.territory.byEpciCaption')} />
        </Block>
      </SimpleGrid>
      <Block id="territory-map" title={t('steering.territory.map')}>
        <Suspense fallback={<Skeleton height={320} aria-hidden />}>
          <NetworksMap lines={view.networks} />
        </Suspense>
      </Block>
      <Block id="territory-schema" title={t('steering.territory.schema')}>
        <NetworksTable view={view} />
      </Block>
    </Stack>
  );
}

/** The regional schema of networks, live: survey tables, map, needs, the list of networks with their sheet; exports and print. */
export function TerritoryView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const view = useRegionalView(query);
  const update = (change: Partial<RegionalQuery>) => setParams(paramsFromQuery({ ...query, ...change }));
  return (
    <Stack gap="lg">
      <Filters query={query} update={update} />
      {view.isPending ? (
        <LoadingLines lines={10} />
      ) : view.isError ? (
        isApiError(view.error, 404) ? (
          <EmptyState
            icon={<IconMapOff size={32} aria-hidden />}
            withIndicatorBackground
            title={t('steering.territory.unavailableTitle')}
            description={t('steering.territory.unavailable')}
          >
            <EmptyState.Actions>
              <Button component={Link} to="/pilotage">
                {t('steering.territory.back')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
        )
      ) : (
        <div aria-busy={view.isPlaceholderData}>
          <Content view={view.data} query={query} />
        </div>
      )}
    </Stack>
  );
}
