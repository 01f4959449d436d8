import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PollView } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { forumKeys, pollsApi } from '../api/forums.api';

/** The topic's poll, if it has one: vote (or change one's vote) while open, counts when the author's rule allows. */
export function TopicPoll({ topicId }: { topicId: string }) {
  const query = useQuery({
    queryKey: forumKeys.poll(topicId),
    queryFn: () => pollsApi.get(topicId),
    retry: (n, error) => !isApiError(error, 404) && n < 2,
  });
  // No poll on this topic (404): nothing to show; any other failure says so.
  if (isApiError(query.error, 404)) return null;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return null;
  return <PollCard key={query.data.myVote.join()} poll={query.data} topicId={topicId} />;
}

function PollCard({ poll, topicId }: { poll: PollView; topicId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string[]>(poll.myVote);
  const [editing, setEditing] = useState(poll.myVote.length === 0);
  const update = (next: PollView) => queryClient.setQueryData(forumKeys.poll(topicId), next);
  const vote = useMutation({ mutationFn: () => pollsApi.vote(topicId, choice), onSuccess: (next) => (update(next), setEditing(false)) });
  const close = useMutation({ mutationFn: () => pollsApi.close(topicId), onSuccess: update });
  const voting = poll.canVote && editing;
  const total = poll.options.reduce((sum, o) => sum + (o.votes ?? 0), 0);
  const headingId = `poll-${poll.id}`;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <IconChartBar size={18} aria-hidden />
            <Title order={2} size="h4" id={headingId}>
              {poll.question}
            </Title>
          </Group>
          <Badge color={poll.closed ? 'gray' : 'teal'} variant="light">
            {poll.closed ? t('polls.closed') : t('polls.open')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            poll.multiple ? t('polls.multipleHint') : t('polls.singleHint'),
            poll.closesAt ? t(poll.closed ? 'polls.closedOn' : 'polls.closesOn', { date: formatDateTime(poll.closesAt) }) : null,
            !poll.resultsVisible
              ? t(poll.resultsVisibility === 'after_close' ? 'polls.resultsAfterClose' : 'polls.resultsAfterVote')
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <ErrorAlert error={vote.error ?? close.error} />
        {voting ? (
          poll.multiple ? (
            <Checkbox.Group value={choice} onChange={setChoice} label={t('polls.yourChoice')}>
              <Stack gap="xs" mt="xs">
                {poll.options.map((o) => (
                  <Checkbox key={o.id} value={o.id} label={o.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <Radio.Group value={choice[0] ?? null} onChange={(v) => setChoice([v])} label={t('polls.yourChoice')}>
              <Stack gap="xs" mt="xs">
                {poll.options.map((o) => (
                  <Radio key={o.id} value={o.id} label={o.label} />
                ))}
              </Stack>
            </Radio.Group>
          )
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('polls.results')}>
            {poll.options.map((o) => {
              const share = o.votes !== null && total > 0 ? Math.round((o.votes / total) * 100) : 0;
              const mine = poll.myVote.includes(o.id);
              return (
                <li key={o.id}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={mine ? 700 : 400}>
                      {o.label}
                      {mine ? ` (${t('polls.mine')})` : ''}
                    </Text>
                    {o.votes !== null ? (
                      <Text size="sm" c="dimmed">
                        {t('polls.votes', { count: o.votes })} · {share} %
                      </Text>
                    ) : null}
                  </Group>
                  {o.votes !== null ? (
                    <Progress value={share} size="sm" aria-label={t('polls.shareOf', { option: o.label, share })} />
                  ) : null}
                </li>
              );
            })}
          </Stack>
        )}
        {poll.voters !== null ? (
          <Text size="sm" c="dimmed">
            {t('polls.voters', { count: poll.voters })}
          </Text>
        ) : null}
        <Group gap="xs">
          {voting ? (
            <Button size="sm" onClick={() => vote.mutate()} loading={vote.isPending} disabled={!choice.length}>
              {t('polls.vote')}
            </Button>
          ) : null}
          {voting && poll.myVote.length ? (
            <Button size="sm" variant="default" onClick={() => (setChoice(poll.myVote), setEditing(false))}>
              {t('common.cancel')}
            </Button>
          ) : null}
          {poll.canVote && !editing ? (
            <Button size="sm" variant="default" onClick={() => setEditing(true)}>
              {t('polls.changeVote')}
            </Button>
          ) : null}
          {poll.canClose ? (
            <Button size="sm" variant="subtle" color="red" onClick={() => close.mutate()} loading={close.isPending}>
              {t('polls.close')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
