import { useState } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { AgendaCalendar } from '../../../features/agenda/components/AgendaCalendar';
import { AgendaFilters, filterQuery, type AgendaFilterValues } from '../../../features/agenda/components/AgendaFilters';
import { useDepartements, useRegions } from '../../../lib/referentials';

/** /agenda/territoire?departement=42 (or ?region=84) — the public events of a territory. */
export default function TerritoryAgendaPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const departements = useDepartements();
  const regions = useRegions();
  const [filters, setFilters] = useState<AgendaFilterValues>({ networkType: null, theme: '' });
  const departement = params.get('departement');
  const region = departement ? null : params.get('region');
  const place = (key: 'departement' | 'region', value: string | null) => setParams(value ? { [key]: value } : {}, { replace: true });
  return (
    <Page title={t('agenda.territory.title')} description={t('agenda.territory.description')}>
      <AgendaFilters value={filters} onChange={setFilters}>
        <Select
          label={t('agenda.territory.place')}
          placeholder={t('agenda.territory.choose')}
          searchable
          clearable
          data={[
            {
              group: t('agenda.territory.regions'),
              items: (regions.data ?? []).map((r) => ({ value: `region:${r.code}`, label: r.name })),
            },
            {
              group: t('agenda.territory.departements'),
              items: (departements.data ?? []).map((d) => ({ value: `departement:${d.code}`, label: `${d.name} (${d.code})` })),
            },
          ]}
          value={departement ? `departement:${departement}` : region ? `region:${region}` : null}
          onChange={(value) => {
            const [key, code] = (value ?? ':').split(':') as ['departement' | 'region', string];
            place(key, code || null);
          }}
        />
      </AgendaFilters>
      <AgendaCalendar
        query={{ scope: 'territory', ...(departement ? { departement } : {}), ...(region ? { region } : {}), ...filterQuery(filters) }}
        label={t('agenda.territory.calendar')}
      />
    </Page>
  );
}
