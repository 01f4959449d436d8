import { useEffect, useState } from 'react';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEARCH_DEBOUNCE_MS } from '../config';

type PassedProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'onSelect' | 'searchValue' | 'onSearchChange' | 'searchable' | 'filter'
>;

export interface RemoteSelectProps<T> extends PassedProps {
  /** The chosen item (its option is always offered, so its label shows). */
  selected: T | null;
  onSelect: (item: T | null) => void;
  /** Server-side search, called as the person types. */
  search: (query: string, signal: AbortSignal) => Promise<T[]>;
  /** Names the search in the query cache. */
  cacheKey: string;
  toOption: (item: T) => { value: string; label: string };
  minChars?: number;
}

/** A searchable select whose options come from the API as you type (NAF codes, communes…). */
export function RemoteSelect<T>({ selected, onSelect, search, cacheKey, toOption, minChars = 2, ...props }: RemoteSelectProps<T>) {
  const { t } = useTranslation();
  const selectedOption = selected ? toOption(selected) : null;
  const [searchValue, setSearchValue] = useState(selectedOption?.label ?? '');
  const [debounced] = useDebouncedValue(searchValue.trim(), SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    setSearchValue(selectedOption?.label ?? '');
  }, [selectedOption?.label]);

  const enabled = debounced.length >= minChars && debounced !== selectedOption?.label;
  const results = useQuery({
    queryKey: ['search', cacheKey, debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

  const items = new Map<string, T>();
  for (const item of enabled ? (results.data ?? []) : []) items.set(toOption(item).value, item);
  if (selected && selectedOption) items.set(selectedOption.value, selected);

  const tooShort = searchValue.trim().length < minChars && searchValue.trim() !== selectedOption?.label;
  return (
    <Select
      {...props}
      searchable
      clearable
      data={[...items.values()].map(toOption)}
      value={selectedOption?.value ?? null}
      onChange={(value) => onSelect(value ? (items.get(value) ?? null) : null)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      maxDropdownHeight={360}
      nothingFoundMessage={
        tooShort ? t('search.typeMore', { count: minChars }) : results.isFetching ? t('common.loading') : t('search.nothingFound')
      }
      rightSection={results.isFetching ? <Loader size={16} aria-hidden /> : undefined}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
