import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  CloseButton,
  Drawer,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconList, IconMap, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { useCommune } from '../../../lib/referentials';
import { SearchFacets } from '../../../features/search/components/SearchFacets';
import { SearchResults, useFacetLabels } from '../../../features/search/components/SearchResults';
import {
  DIRECTORY_KINDS,
  KIND_FILTERS,
  SORTS,
  type DirectoryKind,
  type SearchFilters,
  type SearchView,
} from '../../../features/search/hooks/searchFilters';
import { useSearchFilters, useSearchResults } from '../../../features/search/hooks/useSearch';

/** The words searched: applied on Enter or with the button, kept in step with the URL. */
function QueryForm({ value, onSubmit }: { value: string; onSubmit: (q: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value);
  useEffect(() => setQ(value), [value]);
  return (
    <form
      role="search"
      aria-label={t('search.page.form')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(q);
      }}
    >
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          type="search"
          label={t('search.page.query')}
          placeholder={t('search.page.placeholder')}
          value={q}
          maxLength={200}
          onChange={(event) => setQ(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('common.search')}</Button>
      </Group>
    </form>
  );
}

/** The filters in force, each removable in one click. */
function ActiveFilters({
  filters,
  labelOf,
  update,
}: {
  filters: SearchFilters;
  labelOf: (v: string) => string;
  update: (c: Partial<SearchFilters>) => void;
}) {
  const { t } = useTranslation();
  const near = useCommune(filters.near);
  const chips = KIND_FILTERS[filters.kind].flatMap((key) =>
    filters[key].map((value) => ({
      key: `${key}:${value}`,
      label: labelOf(value),
      remove: () => update({ [key]: filters[key].filter((v) => v !== value) }),
    })),
  );
  if (filters.near && filters.radiusKm) {
    chips.push({
      key: 'radius',
      label: t('search.radius.chip', { km: filters.radiusKm, place: near.data?.name ?? filters.near }),
      remove: () => update({ near: null, radiusKm: null, sort: filters.sort === 'distance' ? 'relevance' : filters.sort }),
    });
  }
  if (!chips.length) return null;
  return (
    <Group gap={6} component="ul" aria-label={t('search.activeFilters')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <Badge
            variant="light"
            size="lg"
            tt="none"
            rightSection={<CloseButton size="xs" aria-label={t('search.removeFilter', { label: chip.label })} onClick={chip.remove} />}
          >
            {chip.label}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

export default function SearchPage() {
  const { t } = useTranslation();
  const { filters, update } = useSearchFilters();
  const results = useSearchResults(filters);
  const labelOf = useFacetLabels(results.data);
  const [drawer, { open, close }] = useDisclosure(false);
  const companies = filters.kind === 'company';
  const faceted = KIND_FILTERS[filters.kind].length > 0;
  const kindCounts = new Map((results.data?.facets.kind ?? []).map((f) => [f.value, f.count]));
  const active = KIND_FILTERS[filters.kind].reduce((n, key) => n + filters[key].length, 0) + (filters.radiusKm ? 1 : 0);

  const facets = <SearchFacets filters={filters} facets={results.data?.facets} labelOf={labelOf} update={update} />;
  const drawerFacets = (
    <SearchFacets filters={filters} facets={results.data?.facets} labelOf={labelOf} update={update} withHeading={false} />
  );
  const toolbar = (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Text size="sm" aria-live="polite">
        {results.data ? t('pager.total', { count: results.data.total }) : '\u00a0'}
      </Text>
      <Group gap="sm" align="flex-end">
        {faceted ? (
          <Button hiddenFrom="md" variant="default" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />} onClick={open}>
            {active ? t('search.filtersCount', { count: active }) : t('search.filters')}
          </Button>
        ) : null}
        <Select
          label={t('search.sort.label')}
          size="sm"
          w={170}
          allowDeselect={false}
          data={SORTS.filter((s) => companies || s !== 'distance').map((s) => ({
            value: s,
            label: t(`search.sort.${s}`),
            disabled: s === 'distance' && !filters.near,
          }))}
          value={filters.sort}
          onChange={(value) => value && update({ sort: value as SearchFilters['sort'] })}
        />
        {companies ? (
          <Box>
            <Text size="sm" fw={500} id="affichage-label" mb={2}>
              {t('search.view.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="affichage-label"
              value={filters.view}
              onChange={(value) => update({ view: value as SearchView, page: filters.page })}
              data={[
                {
                  value: 'list',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconList size={16} aria-hidden />
                      {t('search.view.list')}
                    </Group>
                  ),
                },
                {
                  value: 'map',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconMap size={16} aria-hidden />
                      {t('search.view.map')}
                    </Group>
                  ),
                },
              ]}
            />
          </Box>
        ) : null}
      </Group>
    </Group>
  );

  return (
    <Page
      title={filters.q ? t('search.page.titleFor', { q: filters.q }) : t('search.page.title')}
      heading={t('search.page.title')}
      description={t('search.page.lead')}
      size="xl"
    >
      <Stack gap="md">
        <QueryForm value={filters.q} onSubmit={(q) => update({ q })} />
        <Tabs value={filters.kind} onChange={(value) => value && update({ kind: value as DirectoryKind })}>
          <Tabs.List aria-label={t('search.kinds.label')}>
            {DIRECTORY_KINDS.map((kind) => (
              <Tabs.Tab key={kind} value={kind}>
                {t(`search.kinds.${kind}`)}
                {kindCounts.has(kind) ? (
                  <>
                    <VisuallyHidden> :</VisuallyHidden>{' '}
                    <Badge variant="light" size="sm" ml={4}>
                      {kindCounts.get(kind)}
                    </Badge>
                  </>
                ) : null}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {DIRECTORY_KINDS.map((kind) => (
            <Tabs.Panel key={kind} value={kind} pt="md">
              {filters.kind === kind ? (
                faceted ? (
                  <Grid gap="xl">
                    <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
                      <Box component="aside" aria-label={t('search.filters')}>
                        {facets}
                      </Box>
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, md: 9 }}>
                      <Stack gap="md">
                        {toolbar}
                        <ActiveFilters filters={filters} labelOf={labelOf} update={update} />
                        <SearchResults filters={filters} results={results} update={update} />
                      </Stack>
                    </Grid.Col>
                  </Grid>
                ) : (
                  <Stack gap="md">
                    {toolbar}
                    <SearchResults filters={filters} results={results} update={update} />
                  </Stack>
                )
              ) : null}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
      <Drawer
        opened={drawer && faceted}
        onClose={close}
        title={t('search.filters')}
        position="bottom"
        size="85%"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          {drawerFacets}
          <Button onClick={close}>{t('search.showResults', { count: results.data?.total ?? 0 })}</Button>
        </Stack>
      </Drawer>
    </Page>
  );
}
