import { Anchor, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { privacyApi, privacyKeys } from '../api/privacy.api';

/** "Export my data": asks for a ZIP, follows its progress, offers the download link until it expires. */
export function DataExports() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const exports = useQuery({
    queryKey: privacyKeys.exports,
    queryFn: privacyApi.exports,
    // While an export is being built, its progress is read again every few seconds.
    refetchInterval: (query) => (query.state.data?.some((e) => e.status === 'pending' || e.status === 'running') ? 3000 : false),
  });
  const request = useMutation({
    mutationFn: privacyApi.requestExport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyKeys.exports }),
  });
  return (
    <Stack gap="md">
      <ErrorAlert error={request.error} />
      <Group>
        <Button onClick={() => request.mutate()} loading={request.isPending}>
          {t('privacy.exports.request')}
        </Button>
      </Group>
      <QueryContent query={exports} loading={<LoadingLines lines={2} />}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('privacy.exports.empty')}</Text>
          ) : (
            <List spacing="sm" listStyleType="none" p={0}>
              {items.map((item) => (
                <List.Item key={item.id}>
                  <Stack gap={4}>
                    <Text size="sm">
                      {t('privacy.exports.requestedAt', { date: formatDateTime(item.createdAt) })} —{' '}
                      {t(`privacy.exports.status.${item.status}`)}
                    </Text>
                    {item.status === 'pending' || item.status === 'running' ? (
                      <Progress value={item.progress} aria-label={t('privacy.exports.progress')} />
                    ) : null}
                    {item.downloadUrl ? (
                      <Text size="sm">
                        <Anchor href={item.downloadUrl} download>
                          {t('privacy.exports.download')}
                        </Anchor>{' '}
                        {item.expiresAt ? t('privacy.exports.expires', { date: formatDateTime(item.expiresAt) }) : null}
                      </Text>
                    ) : null}
                  </Stack>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryContent>
    </Stack>
  );
}
