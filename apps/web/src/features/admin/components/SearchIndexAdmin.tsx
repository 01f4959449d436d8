import { Alert, Box, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdminSearchStatus, ReindexRun, SearchKind } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { DetailList } from '../../../components/DetailList';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { importKeys, importsApi } from '../api/imports.api';
import { formatCount } from '../hooks/numbers';

/** Re-read every second during a rebuild, every five seconds otherwise (lag, pending changes). */
const FAST_MS = 1000;
const SLOW_MS = 5000;

const total = (counts: Partial<Record<SearchKind, number>>) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

/** The search index: engine, documents per kind, pending and failing changes, rebuild. */
export function SearchIndexAdmin() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: importKeys.search,
    queryFn: importsApi.searchStatus,
    refetchInterval: (q) => (q.state.data?.reindex?.status === 'running' ? FAST_MS : SLOW_MS),
  });
  const reindex = async () => {
    await importsApi.reindex();
    notify.success(t('admin.search.reindexStarted'));
    await client.invalidateQueries({ queryKey: importKeys.search });
  };
  const lag = (seconds: number | null) =>
    seconds === null
      ? t('admin.search.upToDate')
      : seconds < 60
        ? t('admin.search.seconds', { count: seconds })
        : seconds < 3600
          ? t('admin.search.minutes', { count: Math.round(seconds / 60) })
          : t('admin.search.hours', { count: Math.round(seconds / 3600) });

  return (
    <QueryContent query={status} loading={<LoadingLines lines={8} />}>
      {(data: AdminSearchStatus) => (
        <Stack gap="lg">
          <SectionCard id="search-index" title={t('admin.search.indexTitle')}>
            <DetailList
              items={[
                { label: t('admin.search.engine'), value: t(`admin.search.engines.${data.engine}`) },
                { label: t('admin.search.documentsTotal'), value: formatCount(total(data.documents)) },
                { label: t('admin.search.lag'), value: lag(data.oldestSeconds) },
                { label: t('admin.search.pending'), value: formatCount(data.pending) },
                { label: t('admin.search.failing'), value: formatCount(data.failing) },
              ]}
            />
            <Table striped verticalSpacing="xs" captionSide="top" mt="md">
              <Table.Caption ta="left">{t('admin.search.documentsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.search.kind')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('admin.search.documents')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(data.documents).map(([kind, count]) => (
                  <Table.Tr key={kind}>
                    <Table.Th scope="row" fw={400}>
                      {t(`search.kinds.${kind}`)}
                    </Table.Th>
                    <Table.Td ta="right">{formatCount(count ?? 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SectionCard>

          <SectionCard id="search-errors" title={t('admin.search.errorsTitle')}>
            {data.lastErrors.length === 0 ? (
              <Text size="sm">{t('admin.search.noErrors')}</Text>
            ) : (
              // A keyboard-focusable region: the table scrolls sideways on small screens.
              <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby="search-errors">
                <Table striped verticalSpacing="xs" miw={640}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.search.kind')}</Table.Th>
                      <Table.Th scope="col">{t('admin.search.entity')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('admin.search.attempts')}
                      </Table.Th>
                      <Table.Th scope="col">{t('admin.search.error')}</Table.Th>
                      <Table.Th scope="col">{t('admin.search.nextTry')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.lastErrors.map((row) => (
                      <Table.Tr key={`${row.kind}-${row.entityId}-${row.dueAt}`}>
                        <Table.Td>{t(`search.kinds.${row.kind}`)}</Table.Td>
                        <Table.Td style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{row.entityId}</Table.Td>
                        <Table.Td ta="right">{row.attempts}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.error}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.dueAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            )}
          </SectionCard>

          <SectionCard id="search-reindex" title={t('admin.search.reindexTitle')} intro={t('admin.search.reindexIntro')}>
            <Stack gap="md">
              {data.reindex ? <ReindexState run={data.reindex} /> : null}
              <Group>
                <ConfirmButton
                  variant="light"
                  disabled={data.reindex?.status === 'running'}
                  title={t('admin.search.reindexConfirmTitle')}
                  message={t('admin.search.reindexConfirm')}
                  confirmLabel={t('admin.search.reindexConfirmLabel')}
                  onConfirm={reindex}
                >
                  {t('admin.search.reindex')}
                </ConfirmButton>
              </Group>
            </Stack>
          </SectionCard>
        </Stack>
      )}
    </QueryContent>
  );
}

function ReindexState({ run }: { run: ReindexRun }) {
  const { t } = useTranslation();
  const done = formatCount(total(run.done));
  const detail = Object.entries(run.done)
    .map(([kind, count]) => t('admin.search.kindCount', { kind: t(`search.kinds.${kind}`), count: formatCount(count ?? 0) }))
    .join(' · ');
  if (run.status === 'running') {
    return (
      <Stack gap={4}>
        <Progress value={100} striped animated size="lg" aria-label={t('admin.search.reindexRunning')} />
        <Text size="sm" aria-live="polite">
          {t('admin.search.reindexProgress', { count: total(run.done), done })} {detail ? `(${detail})` : ''}
        </Text>
      </Stack>
    );
  }
  return (
    <Alert color={run.status === 'done' ? 'teal' : 'red'} variant="light" title={t(`admin.search.reindexStatus.${run.status}`)}>
      {run.status === 'done'
        ? t('admin.search.reindexDone', { count: total(run.done), done, date: formatDateTime(run.finishedAt ?? run.startedAt) })
        : run.error === 'interrupted'
          ? t('admin.imports.interrupted')
          : run.error}
    </Alert>
  );
}
