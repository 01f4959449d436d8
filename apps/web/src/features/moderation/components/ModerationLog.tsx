import { useState } from 'react';
import { Box, Paper, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ModerationLogEntry } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { i18n } from '../../../lib/i18n';
import { moderationApi, moderationKeys } from '../api/moderation.api';

// Every action and target kind has a label in each language (checked by the translations' unit test).
const actionLabel = (entry: ModerationLogEntry) => i18n.t(`moderation.log.actions.${entry.action}`);
const targetLabel = (entry: ModerationLogEntry) => i18n.t(`moderation.log.targets.${entry.targetKind}`);

/** Every moderation decision in the network, newest first. */
export function ModerationLog({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: moderationKeys.log(networkId, page),
    queryFn: () => moderationApi.log(networkId, page),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryContent query={log} loading={<LoadingLines lines={6} />}>
      {(data) =>
        data.items.length ? (
          <>
            {/* Scrolls sideways on a phone; focusable so that the keyboard can scroll it too. */}
            <Box role="region" aria-label={t('moderation.log.caption')} tabIndex={0} style={{ overflowX: 'auto' }}>
              <Table striped verticalSpacing="xs" miw={560} captionSide="top">
                <Table.Caption>{t('moderation.log.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('moderation.log.date')}</Table.Th>
                    <Table.Th scope="col">{t('moderation.log.actor')}</Table.Th>
                    <Table.Th scope="col">{t('moderation.log.action')}</Table.Th>
                    <Table.Th scope="col">{t('moderation.log.target')}</Table.Th>
                    <Table.Th scope="col">{t('moderation.log.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.createdAt)}</Table.Td>
                      <Table.Td>{entry.actorName ?? t('moderation.log.system')}</Table.Td>
                      <Table.Td>{actionLabel(entry)}</Table.Td>
                      <Table.Td>{targetLabel(entry)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.reason ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        ) : (
          <Paper withBorder radius="md" p="lg">
            <Text c="dimmed" ta="center">
              {t('moderation.log.empty')}
            </Text>
          </Paper>
        )
      }
    </QueryContent>
  );
}
