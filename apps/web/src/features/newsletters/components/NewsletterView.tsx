import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Newsletter, NewsletterFigures } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { newsletterKeys, newslettersApi } from '../api/newsletters.api';
import { NewsletterFrame } from './NewsletterFrame';
import { STATUS_COLORS } from './NetworkNewslettersTab';

const FIGURES: (keyof NewsletterFigures)[] = ['recipients', 'sent', 'failed', 'skipped', 'unsubscribed', 'clicks', 'clickers'];

/** A newsletter that left the composer: its state, its figures for its managers, and its web version. */
export function NewsletterView({ newsletter }: { newsletter: Newsletter }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const archive = useQuery({ queryKey: newsletterKeys.archive(newsletter.id), queryFn: () => newslettersApi.archive(newsletter.id) });
  const sending = newsletter.status === 'sending' || newsletter.status === 'scheduled';
  const refresh = useQuery({
    queryKey: newsletterKeys.one(newsletter.id),
    queryFn: () => newslettersApi.get(newsletter.id),
    initialData: newsletter,
    refetchInterval: sending && newsletter.canManage ? 3000 : false,
  });
  const current = refresh.data;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Badge variant="light" color={STATUS_COLORS[current.status]}>
          {t(`newsletters.statuses.${current.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {current.sentAt
            ? t('newsletters.sentOn', {
                date: formatDateTime(current.sentAt),
                networks: current.networks.map((n) => n.name).join(', '),
                count: current.networks.length,
              })
            : current.scheduledAt
              ? t('newsletters.scheduledFor', { date: formatDateTime(current.scheduledAt) })
              : null}
        </Text>
      </Group>
      {current.status === 'scheduled' && current.canManage ? (
        <Alert variant="light" color="blue">
          <Group justify="space-between">
            <Text size="sm">{t('newsletters.scheduledHelp')}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={async () => {
                queryClient.setQueryData(newsletterKeys.one(current.id), await newslettersApi.unschedule(current.id));
                await queryClient.invalidateQueries({ queryKey: newsletterKeys.all });
              }}
            >
              {t('newsletters.unschedule')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {current.figures ? (
        <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }} component="dl" aria-label={t('newsletters.figures.title')} m={0}>
          {FIGURES.map((key) => (
            <Stack key={key} gap={0}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`newsletters.figures.${key}`)}
              </Text>
              <Text component="dd" fw={700} size="xl" m={0}>
                {current.figures?.[key]}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      ) : null}
      <QueryContent query={archive}>
        {(a) => <NewsletterFrame html={a.html} width="100%" title={t('newsletters.preview.frameOf', { subject: current.subject })} />}
      </QueryContent>
    </Stack>
  );
}
