import { lazy, Suspense, useRef } from 'react';
import { Alert, Button, EmptyState, List, Stack } from '@mantine/core';
import { IconInfoCircle, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchResponse } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { Pager } from '../../../components/Pager';
import { hasNarrowingFilters, LIST_FILTERS, RADIUS_OPTIONS, type SearchFilters } from '../hooks/searchFilters';
import type { useSearchResults } from '../hooks/useSearch';
import { ResultCard, ResultSkeletons } from './ResultCard';

const ResultsMap = lazy(() => import('./ResultsMap'));

interface SearchResultsProps {
  filters: SearchFilters;
  results: ReturnType<typeof useSearchResults>;
  update: (change: Partial<SearchFilters>) => void;
}

/** Nothing found: say so, and offer ways to widen the search. */
function NoResults({ filters, update }: Omit<SearchResultsProps, 'results'>) {
  const { t } = useTranslation();
  const radius = filters.radiusKm;
  const wider = radius ? RADIUS_OPTIONS.find((km) => km > radius) : undefined;
  const cleared = Object.fromEntries(LIST_FILTERS.map((key) => [key, []])) as Partial<SearchFilters>;
  return (
    <EmptyState
      icon={<IconSearchOff size={32} aria-hidden />}
      withIndicatorBackground
      title={t('search.empty.title')}
      description={t('search.empty.text')}
    >
      <List size="sm" ta="left" spacing={4}>
        <List.Item>{t('search.empty.spelling')}</List.Item>
        <List.Item>{t('search.empty.fewerWords')}</List.Item>
        {hasNarrowingFilters(filters) ? <List.Item>{t('search.empty.fewerFilters')}</List.Item> : null}
      </List>
      <EmptyState.Actions>
        {wider ? (
          <Button variant="light" onClick={() => update({ radiusKm: wider })}>
            {t('search.empty.widen', { km: wider })}
          </Button>
        ) : null}
        {hasNarrowingFilters(filters) ? (
          <Button variant="default" onClick={() => update({ ...cleared, near: null, radiusKm: null, sort: 'relevance' })}>
            {t('search.clearFilters')}
          </Button>
        ) : null}
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** The facet labels seen so far, so that a selected value keeps its name when it counts 0. */
export function useFacetLabels(data: SearchResponse | undefined) {
  const labels = useRef(new Map<string, string>());
  if (data) for (const values of Object.values(data.facets)) for (const v of values) labels.current.set(v.value, v.label);
  return (value: string) => labels.current.get(value) ?? value;
}

/** The list (or map) of results with its loading, empty, error and "partial match" states. */
export function SearchResults({ filters, results, update }: SearchResultsProps) {
  const { t } = useTranslation();
  if (results.isPending) {
    return (
      <div role="status" aria-label={t('common.loading')}>
        <ResultSkeletons />
      </div>
    );
  }
  if (results.isError) return <ErrorAlert error={results.error} title={t('search.error')} onRetry={() => void results.refetch()} />;
  const data = results.data;
  if (!data.items.length) return <NoResults filters={filters} update={update} />;
  return (
    <Stack gap="sm" aria-busy={results.isFetching}>
      {data.relaxed ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('search.relaxed')}
        </Alert>
      ) : null}
      {filters.view === 'map' && filters.kind === 'company' ? (
        <Suspense fallback={<PageLoader />}>
          <ResultsMap filters={filters} />
        </Suspense>
      ) : (
        <>
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('search.resultsList')}>
            {data.items.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`}>
                <ResultCard hit={hit} />
              </li>
            ))}
          </Stack>
          {data.total > data.pageSize ? (
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => update({ page })} />
          ) : null}
        </>
      )}
    </Stack>
  );
}
