import { Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_NETWORK_NOTIFICATION_LEVEL,
  NETWORK_NOTIFICATION_LEVELS,
  type NetworkNotificationLevel as Level,
} from '@maillage/contracts';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { notificationKeys, notificationsApi } from '../api/notifications.api';

/** What a member hears of one network: everything, highlights (the default) or nothing. */
export function NetworkNotificationLevel({ networkId, label }: { networkId: string; label?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const levels = useQuery({ queryKey: notificationKeys.networkLevels, queryFn: notificationsApi.networkLevels });
  const current = levels.data?.find((l) => l.networkId === networkId)?.level ?? DEFAULT_NETWORK_NOTIFICATION_LEVEL;
  const save = useMutation({
    mutationFn: (level: Level) => notificationsApi.setNetworkLevel(networkId, level),
    onSuccess: async () => {
      notify.success(t('announcements.level.saved'));
      await client.invalidateQueries({ queryKey: notificationKeys.networkLevels });
    },
    onError: (error) => notify.error(errorMessage(error, t)),
  });
  return (
    <Radio.Group
      label={label ?? t('announcements.level.label')}
      value={save.isPending && save.variables ? save.variables : current}
      onChange={(value) => save.mutate(value as Level)}
    >
      <Stack gap={6} mt={6}>
        {NETWORK_NOTIFICATION_LEVELS.map((level) => (
          <Radio
            key={level}
            value={level}
            disabled={levels.isPending}
            label={t(`announcements.level.${level}`)}
            description={
              <Text span size="xs">
                {t(`announcements.level.hint_${level}`)}
              </Text>
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
