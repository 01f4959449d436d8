import { Badge, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { authApi } from '../api/auth.api';
import { describeUserAgent } from './KnownDevices';

const sessionsKey = ['auth', 'sessions'] as const;

/** The account's open sessions: each can be ended, or all but this one at once. */
export function SessionsList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => authApi.sessions(signal) });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionsKey }),
      queryClient.invalidateQueries({ queryKey: ['auth', 'devices'] }),
    ]);
  const revoke = useMutation({
    mutationFn: (session: SessionView) => authApi.revokeSession(session.id),
    onSuccess: () => {
      notify.success(t('accounts.sessions.revoked'));
      return refresh();
    },
  });
  const revokeOthers = useMutation({
    mutationFn: () => authApi.revokeOtherSessions(),
    onSuccess: ({ ended }) => {
      notify.success(t('accounts.sessions.othersRevoked', { count: ended }));
      return refresh();
    },
  });

  return (
    <QueryContent query={sessions} loading={<LoadingLines lines={4} />}>
      {(list) => (
        <Stack gap="md">
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('accounts.sessions.listLabel')}>
            {list.map((session) => {
              const name = describeUserAgent(session.userAgent) ?? t('devices.unknown');
              return (
                <Group key={session.id} component="li" justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text fw={600}>{name}</Text>
                      {session.current ? <Badge variant="light">{t('accounts.sessions.current')}</Badge> : null}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('accounts.sessions.opened', { date: formatDateTime(session.createdAt) })}
                    </Text>
                  </Stack>
                  {session.current ? null : (
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={t('accounts.sessions.revokeNamed', { name, date: formatDateTime(session.createdAt) })}
                      title={t('accounts.sessions.revokeTitle')}
                      message={t('accounts.sessions.revokeText', { name })}
                      confirmLabel={t('accounts.sessions.revokeConfirm')}
                      onConfirm={() => revoke.mutateAsync(session)}
                    >
                      {t('accounts.sessions.revoke')}
                    </ConfirmButton>
                  )}
                </Group>
              );
            })}
          </Stack>
          {list.some((s) => !s.current) ? (
            <Group>
              <ConfirmButton
                variant="outline"
                color="red"
                title={t('accounts.sessions.othersTitle')}
                message={t('accounts.sessions.othersText')}
                confirmLabel={t('accounts.sessions.others')}
                onConfirm={() => revokeOthers.mutateAsync()}
              >
                {t('accounts.sessions.others')}
              </ConfirmButton>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('accounts.sessions.onlyThis')}
            </Text>
          )}
        </Stack>
      )}
    </QueryContent>
  );
}
