import { Box, Button, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '@maillage/contracts';
import { formatDateTime, relativeTime } from '../../../lib/dates';
import { useMarkRead } from '../hooks/useNotifications';

/** Only paths of the web app are followed (the API builds them; never an outside address). */
function internalPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/notifications';
}

/** The sentence of a notification, from its type and data (the names are set by the producing module). */
function useNotificationText() {
  const { t } = useTranslation();
  return (notification: NotificationView) => {
    const decision =
      notification.type === 'network.membership_decision'
        ? `_${notification.data.decision === 'approved' ? 'approved' : 'rejected'}`
        : notification.type === 'company.claim_decision'
          ? `_${notification.data.decision === 'accepted' ? 'accepted' : 'refused'}`
          : '';
    return t(`notifications.messages.${notification.type}${decision}`, notification.data);
  };
}

interface NotificationListProps {
  items: NotificationView[];
  /** Called when a notification is opened (e.g. to close the popover). */
  onOpen?: () => void;
  /** Shows a « Marquer comme lu » button on the unread ones. */
  withMarkRead?: boolean;
}

/** Notifications, newest first: opening one marks it read and goes to what it is about. */
export function NotificationList({ items, onOpen, withMarkRead = false }: NotificationListProps) {
  const { t } = useTranslation();
  const text = useNotificationText();
  const markRead = useMarkRead();
  return (
    <Stack component="ul" gap={4} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((notification) => {
        const excerpt = typeof notification.data.excerpt === 'string' ? notification.data.excerpt : null;
        return (
          <Group component="li" key={notification.id} gap="xs" wrap="nowrap" align="flex-start">
            <UnstyledButton
              component={Link}
              to={internalPath(notification.path)}
              onClick={() => {
                if (!notification.read) markRead.mutate([notification.id]);
                onOpen?.();
              }}
              p="xs"
              style={{ flex: 1, minWidth: 0, borderRadius: 'var(--mantine-radius-sm)' }}
              bg={notification.read ? undefined : 'blue.0'}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Box
                  aria-hidden
                  mt={6}
                  w={8}
                  h={8}
                  style={{ flex: 'none', borderRadius: '50%' }}
                  bg={notification.read ? 'transparent' : 'blue.7'}
                />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={notification.read ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                    {notification.read ? null : <VisuallyHidden>{`${t('notifications.unread')}, `}</VisuallyHidden>}
                    {text(notification)}
                    {notification.count > 1 ? ` ${t('notifications.times', { count: notification.count })}` : ''}
                  </Text>
                  {excerpt ? (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {excerpt}
                    </Text>
                  ) : null}
                  <Text
                    size="xs"
                    c="dimmed"
                    component="time"
                    dateTime={notification.createdAt}
                    title={formatDateTime(notification.createdAt)}
                  >
                    {relativeTime(notification.createdAt)}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
            {withMarkRead && !notification.read ? (
              <Button
                variant="subtle"
                size="compact-sm"
                mt="xs"
                loading={markRead.isPending && markRead.variables?.[0] === notification.id}
                onClick={() => markRead.mutate([notification.id])}
              >
                {t('notifications.markRead')}
              </Button>
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}
