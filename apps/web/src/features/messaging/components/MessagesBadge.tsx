import { ActionIcon, Indicator } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMessagingLive, useUnreadMessages } from '../hooks/useMessaging';

/**
 * The header's link to the messages (signed-in people only) with the unread count, kept live by the
 * socket events. Its own chunk: the real-time client stays out of the entry.
 */
export default function MessagesBadge() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const count = useUnreadMessages().data?.total ?? 0;
  useMessagingLive();
  const here = pathname === '/messages' || pathname.startsWith('/messages/');
  return (
    <ActionIcon
      component={Link}
      to="/messages"
      variant={here ? 'light' : 'subtle'}
      color={here ? 'blue' : 'dark'}
      size="lg"
      aria-current={here ? 'page' : undefined}
      aria-label={count ? t('messaging.badge.labelUnread', { count }) : t('messaging.badge.label')}
    >
      <Indicator label={count > 99 ? '99+' : count} size={16} color="red" offset={2} disabled={count === 0}>
        <IconMessageCircle size={20} aria-hidden />
      </Indicator>
    </ActionIcon>
  );
}
