import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryImport } from '@maillage/contracts';
import { formatDateTime } from '../../../lib/dates';
import { isActive } from '../api/imports.api';
import { formatCount, formatSize } from '../hooks/numbers';
import { rejectionText } from '../hooks/rejections';
import { ImportStatusBadge } from './ImportStatusBadge';

/** One counter of the summary: a term and its value in the summary's description list. */
function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text component="dd" fz="xl" fw={700} m={0}>
        {formatCount(value)}
      </Text>
      {hint ? (
        <Text component="dd" size="xs" c="dimmed" m={0}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** An import as it runs (progress bar, counters) and once it is over (summary, rejected lines). */
export function ImportProgress({ item }: { item: DirectoryImport }) {
  const { t } = useTranslation();
  const running = isActive(item);
  const ratio = item.status === 'done' ? 1 : item.bytesTotal ? Math.min(1, item.bytesRead / item.bytesTotal) : 0;
  const percent = Math.round(ratio * 100);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.fileName}
        </Text>
        <ImportStatusBadge status={item.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('admin.imports.startedBy', { name: item.startedBy?.name ?? '—', date: formatDateTime(item.startedAt ?? item.createdAt) })}
        {item.finishedAt ? ` · ${t('admin.imports.finishedAt', { date: formatDateTime(item.finishedAt) })}` : ''}
      </Text>
      <Stack gap={4}>
        <Progress
          value={percent}
          size="lg"
          radius="sm"
          color={item.status === 'failed' ? 'red' : item.status === 'done' ? 'teal' : 'blue'}
          striped={running}
          animated={running}
          aria-label={t('admin.imports.progressLabel', { file: item.fileName })}
        />
        <Text size="sm" aria-live="polite">
          {t('admin.imports.progressText', {
            percent,
            read: formatSize(item.status === 'done' ? item.bytesTotal : item.bytesRead),
            total: formatSize(item.bytesTotal),
          })}
        </Text>
      </Stack>
      {item.status === 'failed' ? (
        <Alert color="red" variant="light" title={t('admin.imports.failedTitle')}>
          {item.error === 'interrupted' ? t('admin.imports.interrupted') : item.error}
        </Alert>
      ) : null}
      {item.status === 'done' ? (
        <Alert color="teal" variant="light" title={t('admin.imports.doneTitle')}>
          {t('admin.imports.doneText', { imported: formatCount(item.imported), rejected: formatCount(item.rejectedCount) })}
        </Alert>
      ) : null}
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
        <Figure label={t('admin.imports.linesRead')} value={item.linesRead} />
        <Figure
          label={t('admin.imports.imported')}
          value={item.imported}
          hint={t('admin.imports.createdUpdated', { created: formatCount(item.created), updated: formatCount(item.updated) })}
        />
        <Figure label={t('admin.imports.skippedClosed')} value={item.skippedClosed} />
        <Figure label={t('admin.imports.rejected')} value={item.rejectedCount} />
      </SimpleGrid>
      {item.rejected.length ? <Rejections item={item} /> : null}
    </Stack>
  );
}

function Rejections({ item }: { item: DirectoryImport }) {
  const { t } = useTranslation();
  const lines = [...item.rejected].sort((a, b) => a.line - b.line);
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md" m={0}>
        {t('admin.imports.rejectedTitle')}
      </Text>
      {item.rejectedCount > lines.length ? (
        <Text size="sm" c="dimmed">
          {t('admin.imports.rejectedFirst', { shown: formatCount(lines.length), total: formatCount(item.rejectedCount) })}
        </Text>
      ) : null}
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="left">{t('admin.imports.rejectedCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ width: '6rem' }}>
              {t('admin.imports.line')}
            </Table.Th>
            <Table.Th scope="col">{t('admin.imports.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((rejection) => (
            <Table.Tr key={rejection.line}>
              <Table.Td>{formatCount(rejection.line)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{rejectionText(rejection.reason, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
