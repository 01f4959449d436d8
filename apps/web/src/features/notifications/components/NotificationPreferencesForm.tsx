import { useState } from 'react';
import { Button, Group, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationPreference, type NotificationType } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { notify } from '../../../lib/notify';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../hooks/useNotifications';

type Choices = Partial<Record<NotificationType, NotificationChannel>>;

function PreferencesForm({ preferences }: { preferences: NotificationPreference[] }) {
  const { t } = useTranslation();
  const save = useSaveNotificationPreferences();
  const [choices, setChoices] = useState<Choices>(() => Object.fromEntries(preferences.map((p) => [p.type, p.channel])));
  const channelLabel = (channel: NotificationChannel) => t(`notifications.channels.${channel}`);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const changes = preferences.map(({ type, channel }) => ({ type, channel: choices[type] ?? channel }));
        save.mutate(changes, { onSuccess: () => notify.success(t('notifications.preferences.saved')) });
      }}
    >
      <Stack gap="lg">
        {preferences.map((preference) => (
          <Radio.Group
            key={preference.type}
            name={`channel-${preference.type}`}
            label={t(`notifications.types.${preference.type}`)}
            description={t('notifications.preferences.default', { channel: channelLabel(preference.defaultChannel) })}
            value={choices[preference.type] ?? preference.channel}
            onChange={(value) => setChoices((current) => ({ ...current, [preference.type]: value as NotificationChannel }))}
          >
            <Group gap="md" mt="xs">
              {NOTIFICATION_CHANNELS.map((channel) => (
                <Radio key={channel} value={channel} label={channelLabel(channel)} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One choice of channel per notification type (in-app, e-mail at once, daily digest, off). */
export function NotificationPreferencesForm() {
  const preferences = useNotificationPreferences();
  return <QueryContent query={preferences}>{(list) => <PreferencesForm preferences={list} />}</QueryContent>;
}
