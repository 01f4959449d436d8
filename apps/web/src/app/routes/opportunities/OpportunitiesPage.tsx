import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OPPORTUNITY_TYPES, type OpportunityType } from '@maillage/contracts';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { useSession } from '../../../lib/session';
import { OpportunityCard } from '../../../features/opportunities/components/OpportunityCard';
import { useOpportunityList } from '../../../features/opportunities/hooks/useOpportunities';
import { SEARCH_DEBOUNCE_MS } from '../../../config';

const PAGE_SIZE = 20;

/** Open opportunities the visitor may see: calls for tender, subcontracting, partnerships, pooling, shared staff. */
export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), SEARCH_DEBOUNCE_MS);
  const type = (params.get('type') as OpportunityType | null) ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useOpportunityList({ q: debounced || undefined, type, page, pageSize: PAGE_SIZE });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t('opportunities.title')}
      description={t('opportunities.intro')}
      actions={
        user ? (
          <Button component={Link} to="/opportunites/nouvelle" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('opportunities.new')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('opportunities.filters.q')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <Select
            label={t('opportunities.fields.type')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            placeholder={t('opportunities.filters.allTypes')}
            value={type ?? null}
            onChange={(v) => set({ type: v, page: null })}
            data={OPPORTUNITY_TYPES.map((v) => ({ value: v, label: t(`opportunities.types.${v}`) }))}
            w={280}
          />
        </Group>
        <QueryContent query={list}>
          {(data) =>
            data.items.length ? (
              <>
                <Stack
                  component="ul"
                  gap="sm"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  aria-label={t('opportunities.listLabel')}
                >
                  {data.items.map((item) => (
                    <OpportunityCard key={item.id} item={item} />
                  ))}
                </Stack>
                <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={(p) => set({ page: String(p) })} />
              </>
            ) : (
              <Text c="dimmed">{debounced || type ? t('opportunities.emptyFiltered') : t('opportunities.empty')}</Text>
            )
          }
        </QueryContent>
      </Stack>
    </Page>
  );
}
