import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnsubscribePreview } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { notificationsApi } from '../api/notifications.api';

/**
 * The page an e-mail's "stop these notifications" link opens: it says what the link turns off and
 * asks to confirm (opening a link changes nothing: mail scanners follow links too). No login needed.
 */
export function UnsubscribeConfirm({ token }: { token: string }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ['notifications', 'unsubscribe', token],
    queryFn: ({ signal }) => notificationsApi.unsubscribePreview(token, signal),
    retry: false,
  });
  const confirm = useMutation({ mutationFn: () => notificationsApi.unsubscribe(token) });
  const what = (scope: UnsubscribePreview['scope']) =>
    scope === 'digest'
      ? t('notifications.unsubscribe.digest')
      : t('notifications.unsubscribe.type', { type: t(`notifications.types.${scope}`) });

  return (
    <QueryContent query={preview}>
      {({ scope }) => (
        <Stack gap="md">
          {confirm.isSuccess ? (
            <Alert color="green" role="status" title={t('notifications.unsubscribe.done')}>
              {confirm.data.message}
            </Alert>
          ) : (
            <>
              <Text>{what(scope)}</Text>
              {confirm.isError ? <ErrorAlert error={confirm.error} /> : null}
              <div>
                <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
                  {t('notifications.unsubscribe.confirm')}
                </Button>
              </div>
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('notifications.unsubscribe.manage')}{' '}
            <Anchor component={Link} to="/notifications/preferences">
              {t('notifications.preferences.title')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </QueryContent>
  );
}
