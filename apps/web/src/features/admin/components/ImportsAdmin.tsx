import { useState } from 'react';
import { Anchor, EmptyState, Stack, Table } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryImport } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { ADMIN_PAGE_SIZE } from '../../../config';
import { formatDateTime } from '../../../lib/dates';
import { importKeys, importsApi, isActive } from '../api/imports.api';
import { formatCount } from '../hooks/numbers';
import { useImport } from '../hooks/useImport';
import { ImportProgress } from './ImportProgress';
import { ImportStatusBadge } from './ImportStatusBadge';
import { ImportUpload } from './ImportUpload';

/** Upload a SIRENE file and follow its import live; the history of imports below. */
export function ImportsAdmin() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [startedId, setStartedId] = useState<string | null>(null);
  // The newest import (shown with its progress) and the server's size limit.
  const latest = useQuery({ queryKey: importKeys.page(0), queryFn: () => importsApi.list(1, 1) });
  const history = useQuery({
    queryKey: importKeys.page(page),
    queryFn: () => importsApi.list(page, ADMIN_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const current = useImport(startedId ?? latest.data?.items[0]?.id ?? null);
  const busy = current.data ? isActive(current.data) : false;

  const started = (item: DirectoryImport) => {
    client.setQueryData(importKeys.detail(item.id), item);
    setStartedId(item.id);
    void client.invalidateQueries({ queryKey: importKeys.all, predicate: (q) => q.queryKey[2] === 'page' });
  };

  return (
    <Stack gap="lg">
      <SectionCard id="import-upload" title={t('admin.imports.uploadTitle')} intro={t('admin.imports.uploadIntro')}>
        <QueryContent query={latest}>
          {(data) => <ImportUpload maxBytes={data.maxUploadBytes} busy={busy} onStarted={started} />}
        </QueryContent>
      </SectionCard>
      {current.data ? (
        <SectionCard id="import-current" title={busy ? t('admin.imports.currentTitle') : t('admin.imports.lastTitle')}>
          <ImportProgress item={current.data} />
        </SectionCard>
      ) : null}
      <SectionCard id="import-history" title={t('admin.imports.historyTitle')}>
        <QueryContent query={history}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('admin.imports.empty')} />
            ) : (
              <>
                <Table.ScrollContainer minWidth={720}>
                  <Table striped highlightOnHover verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('admin.imports.date')}</Table.Th>
                        <Table.Th scope="col">{t('admin.imports.file')}</Table.Th>
                        <Table.Th scope="col">{t('admin.imports.by')}</Table.Th>
                        <Table.Th scope="col">{t('admin.imports.statusLabel')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('admin.imports.linesRead')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('admin.imports.imported')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('admin.imports.rejected')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((item) => (
                        <Table.Tr key={item.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Anchor component={Link} to={`/admin/imports/${item.id}`}>
                              {formatDateTime(item.createdAt)}
                            </Anchor>
                          </Table.Td>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.fileName}</Table.Td>
                          <Table.Td>{item.startedBy?.name ?? '—'}</Table.Td>
                          <Table.Td>
                            <ImportStatusBadge status={item.status} />
                          </Table.Td>
                          <Table.Td ta="right">{formatCount(item.linesRead)}</Table.Td>
                          <Table.Td ta="right">{formatCount(item.imported)}</Table.Td>
                          <Table.Td ta="right">{formatCount(item.rejectedCount)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
              </>
            )
          }
        </QueryContent>
      </SectionCard>
    </Stack>
  );
}
