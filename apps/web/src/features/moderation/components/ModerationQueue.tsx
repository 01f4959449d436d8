import { useState } from 'react';
import { Anchor, Badge, Blockquote, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconEye, IconEyeOff, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MODERATION_REASON_MAX_LENGTH, type ModerationQueueItem } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { moderationApi, moderationKeys, type ReportDecision } from '../api/moderation.api';
import { ReasonDialog } from '../../../components/ReasonDialog';

interface Pending {
  item: ModerationQueueItem;
  decision: ReportDecision;
}

/** Confirms a decision on every open report of one target, with an optional note for the audit log. */
function DecisionDialog({ pending, onClose, onDone }: { pending: Pending | null; onClose: () => void; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const decision = pending?.decision ?? 'hide';
  return (
    <ReasonDialog
      opened={pending !== null}
      onClose={onClose}
      title={t(`moderation.queue.confirm.${decision}`)}
      label={t('moderation.queue.note')}
      description={t('moderation.queue.noteHint')}
      maxLength={MODERATION_REASON_MAX_LENGTH}
      confirmLabel={t(`moderation.queue.actions.${decision}`)}
      confirmColor={decision === 'hide' ? 'red' : 'blue'}
      onConfirm={async (note) => {
        const report = pending?.item.reports[0];
        if (!pending || !report) return;
        await moderationApi.decide(report.id, pending.decision, note ? { note } : {});
        notify.success(t(`moderation.queue.done.${pending.decision}`));
        await onDone();
      }}
    >
      {pending?.item.excerpt ? <Blockquote p="xs">{pending.item.excerpt}</Blockquote> : null}
    </ReasonDialog>
  );
}

function QueueItem({ item, onDecide }: { item: ModerationQueueItem; onDecide: (decision: ReportDecision) => void }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="red" variant="light">
            {t('moderation.queue.reportCount', { count: item.reportCount })}
          </Badge>
          {item.reasons.map((reason) => (
            <Badge key={reason} variant="outline" color="gray">
              {t(`moderation.reasons.${reason}`)}
            </Badge>
          ))}
          {item.hidden ? (
            <Badge color="orange" leftSection={<IconEyeOff size={12} aria-hidden />}>
              {t('moderation.queue.hiddenNow')}
            </Badge>
          ) : null}
        </Group>
        {item.excerpt ? (
          <Blockquote p="xs" pl="md" color="gray">
            {item.excerpt}
          </Blockquote>
        ) : (
          <Text c="dimmed" fs="italic">
            {t('moderation.queue.gone')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('moderation.queue.dates', { first: formatDateTime(item.firstReportedAt), last: formatDateTime(item.lastReportedAt) })}
          {item.url ? (
            <>
              {' · '}
              <Anchor component={Link} to={item.url} size="xs" underline="always">
                {t('moderation.queue.open')}
              </Anchor>
            </>
          ) : null}
        </Text>
        <List size="sm" spacing={4} aria-label={t('moderation.queue.reports')}>
          {item.reports.map((report) => (
            <List.Item key={report.id}>
              {t('moderation.queue.reportLine', {
                name: report.reporterName ?? t('moderation.queue.someone'),
                reason: t(`moderation.reasons.${report.reason}`),
                date: formatDateTime(report.createdAt),
              })}
              {report.comment ? (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  « {report.comment} »
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        <Group gap="xs">
          {item.hidden ? (
            <Button size="xs" variant="light" leftSection={<IconEye size={14} aria-hidden />} onClick={() => onDecide('restore')}>
              {t('moderation.queue.actions.restore')}
            </Button>
          ) : (
            <Button
              size="xs"
              color="red"
              leftSection={<IconEyeOff size={14} aria-hidden />}
              disabled={!item.excerpt}
              onClick={() => onDecide('hide')}
            >
              {t('moderation.queue.actions.hide')}
            </Button>
          )}
          <Button size="xs" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={() => onDecide('dismiss')}>
            {t('moderation.queue.actions.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Open reports of a network grouped by reported content, most reported first. */
export function ModerationQueue({ networkId, onDecided }: { networkId: string; onDecided?: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<Pending | null>(null);
  const queue = useQuery({
    queryKey: moderationKeys.queue(networkId, page),
    queryFn: () => moderationApi.queue(networkId, page),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: moderationKeys.all(networkId) }),
      // Hidden and restored posts show differently in the topics: the page refreshes them.
      onDecided?.(),
    ]);

  return (
    <>
      <QueryContent query={queue} loading={<LoadingLines lines={6} />}>
        {(data) =>
          data.items.length ? (
            <>
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('moderation.queue.title')}>
                {data.items.map((item) => (
                  <QueueItem
                    key={`${item.targetKind}:${item.targetId}`}
                    item={item}
                    onDecide={(decision) => setPending({ item, decision })}
                  />
                ))}
              </Stack>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
            </>
          ) : (
            <Paper withBorder radius="md" p="lg">
              <Text c="dimmed" ta="center">
                {t('moderation.queue.empty')}
              </Text>
            </Paper>
          )
        }
      </QueryContent>
      <DecisionDialog pending={pending} onClose={() => setPending(null)} onDone={refresh} />
    </>
  );
}
