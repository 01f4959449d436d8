import { useState } from 'react';
import { Button, EmptyState, Group, Switch } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { useMarkAllRead, useNotificationList } from '../hooks/useNotifications';
import { NotificationList } from './NotificationList';

const PAGE_SIZE = 20;

/** The full list: « Non lues seulement », pages, mark one or all as read. */
export function NotificationCentre() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotificationList({ unread, page, pageSize: PAGE_SIZE });
  const markAllRead = useMarkAllRead();
  const unreadCount = list.data?.unreadCount ?? 0;

  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        <Switch
          label={t('notifications.unreadOnly')}
          checked={unread}
          onChange={(event) => {
            setUnread(event.currentTarget.checked);
            setPage(1);
          }}
        />
        <Button variant="light" disabled={unreadCount === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <QueryContent query={list}>
        {(data) =>
          data.items.length ? (
            <>
              <NotificationList items={data.items} withMarkRead />
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
            </>
          ) : (
            <EmptyState
              icon={<IconBellOff size={32} aria-hidden />}
              withIndicatorBackground
              title={t(unread ? 'notifications.emptyUnread' : 'notifications.empty')}
            />
          )
        }
      </QueryContent>
    </>
  );
}
