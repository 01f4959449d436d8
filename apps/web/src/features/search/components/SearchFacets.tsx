import { useState } from 'react';
import { Button, Checkbox, Divider, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchFacetName, SearchFacetValue, SearchResponse } from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { useCommune } from '../../../lib/referentials';
import { KIND_FILTERS, RADIUS_OPTIONS, type ListFilter, type SearchFilters } from '../hooks/searchFilters';

/** Values shown before "show more". */
const SHOWN = 6;

interface FacetGroupProps {
  title: string;
  facet: SearchFacetName;
  values: SearchFacetValue[];
  selected: string[];
  /** Selected values the current results no longer count (kept so they can be unticked). */
  labelOf: (value: string) => string;
  onChange: (selected: string[]) => void;
}

function FacetGroup({ title, facet, values, selected, labelOf, onChange }: FacetGroupProps) {
  const { t } = useTranslation();
  const translate = useValueLabel(facet);
  const [expanded, setExpanded] = useState(false);
  const known = new Set(values.map((v) => v.value));
  const all = [...values, ...selected.filter((s) => !known.has(s)).map((value) => ({ value, label: labelOf(value), count: 0 }))];
  if (!all.length) return null;
  const shown = expanded ? all : all.slice(0, SHOWN);
  return (
    <Checkbox.Group label={title} value={selected} onChange={onChange} styles={{ label: { fontWeight: 700, marginBottom: 4 } }}>
      <Stack gap={6}>
        {shown.map((v) => (
          <Checkbox
            key={v.value}
            value={v.value}
            label={t('search.facetValue', { label: translate ? translate(v) : v.label, count: v.count })}
          />
        ))}
        {all.length > SHOWN ? (
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setExpanded((e) => !e)}
            aria-expanded={expanded}
          >
            {expanded ? t('search.showLess') : t('search.showMore', { count: all.length - SHOWN })}
          </Button>
        ) : null}
      </Stack>
    </Checkbox.Group>
  );
}

/** The place distances are measured from, and the radius around it. */
export function RadiusFilter({ filters, update }: { filters: SearchFilters; update: (change: Partial<SearchFilters>) => void }) {
  const { t } = useTranslation();
  const commune = useCommune(filters.near);
  return (
    <Stack gap="xs" role="group" aria-labelledby="filtre-rayon">
      <Text fw={700} size="sm" id="filtre-rayon">
        {t('search.radius.title')}
      </Text>
      <CommuneSelect
        label={t('search.radius.around')}
        placeholder={t('search.radius.placeholder')}
        selected={commune.data ?? null}
        onSelect={(c) =>
          update(
            c
              ? { near: c.code, radiusKm: filters.radiusKm ?? 30 }
              : { near: null, radiusKm: null, sort: filters.sort === 'distance' ? 'relevance' : filters.sort },
          )
        }
      />
      <Select
        label={t('search.radius.label')}
        data={[
          { value: '', label: t('search.radius.any') },
          ...RADIUS_OPTIONS.map((km) => ({ value: String(km), label: t('search.radius.km', { km }) })),
        ]}
        value={filters.radiusKm ? String(filters.radiusKm) : ''}
        onChange={(value) => update({ radiusKm: value ? Number(value) : null })}
        disabled={!filters.near}
        allowDeselect={false}
      />
    </Stack>
  );
}

const GROUPS: { facet: SearchFacetName; filter: ListFilter; title: string }[] = [
  { facet: 'opportunityType', filter: 'opportunityType', title: 'search.facets.opportunityType' },
  { facet: 'deadline', filter: 'deadline', title: 'search.facets.deadline' },
  { facet: 'nafSection', filter: 'naf', title: 'search.facets.nafSection' },
  { facet: 'nafDivision', filter: 'naf', title: 'search.facets.nafDivision' },
  { facet: 'region', filter: 'region', title: 'search.facets.region' },
  { facet: 'departement', filter: 'departement', title: 'search.facets.departement' },
  { facet: 'epci', filter: 'epci', title: 'search.facets.epci' },
  { facet: 'commune', filter: 'commune', title: 'search.facets.commune' },
  { facet: 'headcount', filter: 'headcount', title: 'search.facets.headcount' },
  { facet: 'network', filter: 'network', title: 'search.facets.network' },
  { facet: 'networkType', filter: 'networkType', title: 'search.facets.networkType' },
  { facet: 'maturity', filter: 'maturity', title: 'search.facets.maturity' },
];

/** Network types, maturities, opportunity types and deadline windows are translated here; other labels come from the API (place and NAF names). */
function useValueLabel(facet: SearchFacetName): ((value: { value: string; label: string }) => string) | null {
  const { t } = useTranslation();
  if (facet === 'opportunityType') return (v) => t(`opportunities.types.${v.value}`, { defaultValue: v.label });
  if (facet === 'deadline') return (v) => t(`search.deadline.${v.value}`, { defaultValue: v.label });
  if (facet === 'networkType') return (v) => t(`networks.types.${v.value}`, { defaultValue: v.label });
  if (facet === 'maturity') return (v) => t(`networks.maturities.${v.value}`, { defaultValue: v.label });
  return null;
}

/** NAF sections are letters, divisions two digits: both are values of the `naf` filter. */
function belongs(facet: SearchFacetName, value: string): boolean {
  if (facet === 'nafSection') return /^[A-Z]$/.test(value);
  if (facet === 'nafDivision') return /^\d{2}$/.test(value);
  return true;
}

interface SearchFacetsProps {
  filters: SearchFilters;
  facets: SearchResponse['facets'] | undefined;
  labelOf: (value: string) => string;
  update: (change: Partial<SearchFilters>) => void;
  /** The drawer that holds them on phones has its own title. */
  withHeading?: boolean;
}

/** Facets with counts, the radius filter, and a reset. */
export function SearchFacets({ filters, facets, labelOf, update, withHeading = true }: SearchFacetsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {withHeading ? (
        <Title order={2} size="h4">
          {t('search.filters')}
        </Title>
      ) : null}
      {filters.kind === 'company' ? (
        <>
          <RadiusFilter filters={filters} update={update} />
          <Divider />
        </>
      ) : null}
      {GROUPS.filter(({ filter }) => KIND_FILTERS[filters.kind].includes(filter)).map(({ facet, filter, title }) => {
        const selected = filters[filter].filter((v) => belongs(facet, v));
        return (
          <FacetGroup
            key={facet}
            title={t(title)}
            facet={facet}
            values={facets?.[facet] ?? []}
            selected={selected}
            labelOf={labelOf}
            onChange={(values) => {
              const others = filters[filter].filter((v) => !belongs(facet, v));
              update({ [filter]: [...others, ...values] });
            }}
          />
        );
      })}
    </Stack>
  );
}
