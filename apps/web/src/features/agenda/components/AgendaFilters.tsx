import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NETWORK_TYPES, type NetworkType } from '@maillage/contracts';

export interface AgendaFilterValues {
  networkType: NetworkType | null;
  theme: string;
}

/** Filters of the agenda views: the networks' type and theme. */
export function AgendaFilters({
  value,
  onChange,
  children,
}: {
  value: AgendaFilterValues;
  onChange: (next: AgendaFilterValues) => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: children ? 3 : 2 }} mb="md">
      {children}
      <Select
        label={t('agenda.filters.networkType')}
        placeholder={t('agenda.filters.all')}
        clearable
        data={NETWORK_TYPES.map((type) => ({ value: type, label: t(`networks.types.${type}`) }))}
        value={value.networkType}
        onChange={(networkType) => onChange({ ...value, networkType: networkType as NetworkType | null })}
      />
      <TextInput
        label={t('agenda.filters.theme')}
        placeholder={t('agenda.filters.themePlaceholder')}
        value={value.theme}
        onChange={(e) => onChange({ ...value, theme: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}

/** The query part of the filters (the theme once typed). */
export function filterQuery(value: AgendaFilterValues): { networkType?: NetworkType; theme?: string } {
  return { ...(value.networkType ? { networkType: value.networkType } : {}), ...(value.theme.trim() ? { theme: value.theme.trim() } : {}) };
}
