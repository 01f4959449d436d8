import { useEffect, useState } from 'react';
import { Button, EmptyState, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAffiliate, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NETWORK_MATURITIES, NETWORK_TYPES } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { useDepartements, useRegions } from '../../../lib/referentials';
import {
  EMPTY_NETWORK_FILTERS,
  hasNetworkFilters,
  networkFiltersFromParams,
  networkFiltersToParams,
  networkFiltersToQuery,
  type NetworkFilters,
} from '../hooks/networkFilters';
import { useNetworkList } from '../hooks/useNetworks';
import { NetworkCard } from './NetworkCard';

/** The filters: a name (applied on Enter), a type and a maturity (applied at once). */
function DirectoryFilters({ filters, update }: { filters: NetworkFilters; update: (change: Partial<NetworkFilters>) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const regions = useRegions();
  const departements = useDepartements();
  const any = { value: '', label: t('networks.directory.any') };
  return (
    <Paper withBorder p="md" radius="md">
      <form
        role="search"
        aria-label={t('networks.directory.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          update({ q });
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('networks.directory.q')}
            value={q}
            maxLength={200}
            onChange={(event) => setQ(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
          />
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Select
              label={t('networks.directory.type')}
              data={[any, ...NETWORK_TYPES.map((type) => ({ value: type, label: t(`networks.types.${type}`) }))]}
              value={filters.type ?? ''}
              onChange={(value) => update({ type: (value || null) as NetworkFilters['type'] })}
              allowDeselect={false}
            />
            <Select
              label={t('networks.directory.maturity')}
              data={[any, ...NETWORK_MATURITIES.map((m) => ({ value: m, label: t(`networks.maturities.${m}`) }))]}
              value={filters.maturity ?? ''}
              onChange={(value) => update({ maturity: (value || null) as NetworkFilters['maturity'] })}
              allowDeselect={false}
            />
            <Select
              label={t('networks.directory.region')}
              searchable
              nothingFoundMessage={t('search.nothingFound')}
              data={[any, ...(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))]}
              value={filters.region ?? ''}
              onChange={(value) => update({ region: value || null })}
              allowDeselect={false}
            />
            <Select
              label={t('networks.directory.departement')}
              searchable
              nothingFoundMessage={t('search.nothingFound')}
              data={[any, ...(departements.data ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))]}
              value={filters.departement ?? ''}
              onChange={(value) => update({ departement: value || null })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{t('common.search')}</Button>
            {hasNetworkFilters(filters) ? (
              <Button variant="subtle" onClick={() => update(EMPTY_NETWORK_FILTERS)}>
                {t('networks.directory.reset')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The networks the visitor may see, filtered and paged; the filters live in the URL. */
export function NetworkDirectory() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = networkFiltersFromParams(params);
  const networks = useNetworkList(networkFiltersToQuery(filters));
  // Any filter change goes back to the first page.
  const update = (change: Partial<NetworkFilters>) => setParams(networkFiltersToParams({ ...filters, page: 1, ...change }));

  return (
    <Stack gap="lg">
      <DirectoryFilters filters={filters} update={update} />
      <QueryContent query={networks}>
        {(page) =>
          page.items.length ? (
            <section aria-label={t('networks.directory.results')} aria-busy={networks.isPlaceholderData}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {page.items.map((network) => (
                  <li key={network.id}>
                    <NetworkCard network={network} />
                  </li>
                ))}
              </SimpleGrid>
              <Pager page={page.page} pageSize={page.pageSize} total={page.total} onChange={(next) => update({ ...filters, page: next })} />
            </section>
          ) : (
            <EmptyState
              icon={<IconAffiliate size={32} aria-hidden />}
              withIndicatorBackground
              title={t('networks.directory.emptyTitle')}
              description={hasNetworkFilters(filters) ? t('networks.directory.emptyFiltered') : t('networks.directory.emptyAll')}
            />
          )
        }
      </QueryContent>
    </Stack>
  );
}
