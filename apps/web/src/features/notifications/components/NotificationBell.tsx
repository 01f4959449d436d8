import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryContent } from '../../../components/QueryContent';
import { useLiveNotifications, useMarkAllRead, useNotificationList, useUnreadCount } from '../hooks/useNotifications';
import { NotificationList } from './NotificationList';

const LATEST = { page: 1, pageSize: 8 };

/**
 * The header's bell (signed-in people only): the unread count, kept live by the socket events, and a
 * popover with the latest notifications. Its own chunk: the real-time client stays out of the entry.
 */
export default function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const count = useUnreadCount().data ?? 0;
  const latest = useNotificationList(LATEST, opened);
  const markAllRead = useMarkAllRead();
  useLiveNotifications(true);

  return (
    <Popover
      opened={opened}
      onChange={(value) => (value ? undefined : close())}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal={false}
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="lg"
          onClick={toggle}
          aria-label={count ? t('notifications.bell.labelUnread', { count }) : t('notifications.bell.label')}
        >
          {/* Inside the button: its accessible name already says the count. */}
          <Indicator label={count > 99 ? '99+' : count} size={16} color="red" offset={2} disabled={count === 0}>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px="xs" pb="xs" gap="xs">
          <Text fw={600} size="sm">
            {t('notifications.bell.latest')}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={count === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          <QueryContent query={latest}>
            {(page) =>
              page.items.length ? (
                <NotificationList items={page.items} onOpen={close} />
              ) : (
                <Text size="sm" c="dimmed" p="xs">
                  {t('notifications.empty')}
                </Text>
              )
            }
          </QueryContent>
        </ScrollArea.Autosize>
        <Group justify="space-between" px="xs" pt="xs">
          <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
            {t('notifications.bell.seeAll')}
          </Anchor>
          <Anchor component={Link} to="/notifications/preferences" size="sm" onClick={close}>
            {t('notifications.preferencesLink')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
