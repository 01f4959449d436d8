import { useState, type KeyboardEvent } from 'react';
import { Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SEARCH_DEBOUNCE_MS } from '../../../config';
import { useSuggestions } from '../hooks/useSearch';
import { hitPath, hitSubtitle } from '../hooks/hits';
import { searchPath } from '../hooks/searchFilters';
import { Highlight } from '../../../components/Highlight';

const ALL = '__all';
/** Fewer letters than this do not ask the API. */
const MIN_CHARS = 2;

/**
 * The header's search box: an ARIA combobox suggesting companies and experts as you type, grouped
 * by kind. Arrows move through the suggestions, Enter opens the chosen one or, with none chosen,
 * the full results page; Escape closes the list.
 */
export default function SearchBox({ id = 'recherche-entete' }: { id?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const store = useCombobox({ onDropdownClose: () => store.resetSelectedOption() });
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), SEARCH_DEBOUNCE_MS);
  const q = debounced.length >= MIN_CHARS ? debounced : '';
  const suggestions = useSuggestions(q);
  // Kinds without a page yet (networks arrive with their own issue) are left out.
  const groups = (q ? (suggestions.data?.groups ?? []) : [])
    .map((group) => ({ ...group, items: group.items.filter((hit) => hitPath(hit)) }))
    .filter((group) => group.items.length > 0);
  const typed = value.trim();

  const openResults = () => {
    store.closeDropdown();
    navigate(searchPath(typed));
  };

  const choose = (optionValue: string) => {
    if (optionValue === ALL) return openResults();
    const [kind, hitId] = optionValue.split(':');
    const path = hitPath({ kind: kind as never, id: hitId ?? '' });
    store.closeDropdown();
    if (path) {
      setValue('');
      navigate(path);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // An option chosen with the arrows is opened by the combobox itself.
    if (store.dropdownOpened && store.getSelectedOptionIndex() !== -1) return;
    event.preventDefault();
    openResults();
  };

  const options = groups.map((group) => (
    <Combobox.Group key={group.kind} label={t(`search.kinds.${group.kind}`)}>
      {group.items.map((hit) => {
        const subtitle = hitSubtitle(hit, (date) => t('opportunities.deadlineOn', { date }));
        return (
          <Combobox.Option key={`${hit.kind}:${hit.id}`} value={`${hit.kind}:${hit.id}`}>
            <Stack gap={0}>
              <Text size="sm" fw={600} lineClamp={1}>
                <Highlight html={hit.highlights.title} text={hit.title} />
              </Text>
              {subtitle ? (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {subtitle}
                </Text>
              ) : null}
            </Stack>
          </Combobox.Option>
        );
      })}
    </Combobox.Group>
  ));

  return (
    <form
      role="search"
      aria-label={t('search.box.region')}
      onSubmit={(event) => {
        event.preventDefault();
        openResults();
      }}
      style={{ width: '100%' }}
    >
      <Combobox store={store} onOptionSubmit={choose}>
        <Combobox.Target withExpandedAttribute>
          <TextInput
            id={id}
            type="search"
            aria-label={t('search.box.label')}
            placeholder={t('search.box.placeholder')}
            value={value}
            maxLength={100}
            autoComplete="off"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={suggestions.isFetching && q ? <Loader size={14} aria-hidden /> : null}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              store.openDropdown();
              store.resetSelectedOption();
            }}
            onFocus={() => {
              if (typed) store.openDropdown();
            }}
            onBlur={() => store.closeDropdown()}
            onKeyDown={onKeyDown}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!typed}>
          <Combobox.Options aria-label={t('search.box.suggestions')} mah={420} style={{ overflowY: 'auto' }}>
            {typed.length < MIN_CHARS ? (
              <Combobox.Empty>{t('search.typeMore', { count: MIN_CHARS })}</Combobox.Empty>
            ) : (
              <>
                {options}
                {q && !suggestions.isFetching && !groups.length ? <Combobox.Empty>{t('search.nothingFound')}</Combobox.Empty> : null}
                <Combobox.Option value={ALL}>
                  <Group gap={6} wrap="nowrap">
                    <IconSearch size={14} aria-hidden />
                    <Text size="sm">{t('search.box.all', { q: typed })}</Text>
                  </Group>
                </Combobox.Option>
              </>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </form>
  );
}
