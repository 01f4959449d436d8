import { useState, type ReactNode } from 'react';
import { Badge, Box, Group, Stack, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBellOff, IconSearch, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationListItem } from '@maillage/contracts';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SEARCH_DEBOUNCE_MS } from '../../../config';
import { relativeTime } from '../../../lib/dates';
import { useConversationList, type PresenceMap } from '../hooks/useMessaging';
import { conversationName, otherPerson, plainExcerpt } from '../hooks/thread';
import { PresenceDot } from './PresenceDot';
import classes from './Messages.module.css';

const PAGE_SIZE = 50;

/** An icon with a text alternative for screen readers. */
function Hidden({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <span>
      {icon}
      <VisuallyHidden>{text}</VisuallyHidden>
    </span>
  );
}

function ConversationRow({
  item,
  meId,
  active,
  presence,
}: {
  item: ConversationListItem;
  meId: string;
  active: boolean;
  presence: PresenceMap;
}) {
  const { t } = useTranslation();
  const name = conversationName(item, meId);
  const other = otherPerson(item, meId);
  const last = item.lastMessage;
  const preview = !last
    ? t('messaging.list.noMessage')
    : last.deletedAt
      ? t('messaging.message.deleted')
      : `${last.sender?.id === meId ? t('messaging.list.you') : ''}${plainExcerpt(last.body ?? '') || t('messaging.list.attachment')}`;
  return (
    <UnstyledButton
      component={Link}
      to={`/messages/${item.id}`}
      className={classes.row}
      data-active={active || undefined}
      aria-current={active ? 'page' : undefined}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box pt={6}>
          {other ? (
            <PresenceDot status={presence[other.id] ?? 'offline'} />
          ) : (
            <Hidden icon={<IconUsers size={14} aria-hidden />} text={t('messaging.list.group')} />
          )}
        </Box>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text fw={item.unreadCount ? 700 : 600} size="sm" truncate>
              {name}
            </Text>
            {item.lastMessageAt ? (
              <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
                {relativeTime(item.lastMessageAt)}
              </Text>
            ) : null}
          </Group>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="sm" c={item.unreadCount ? 'dark' : 'dimmed'} truncate>
              {preview}
            </Text>
            <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
              {item.muted ? <Hidden icon={<IconBellOff size={14} aria-hidden />} text={t('messaging.list.muted')} /> : null}
              {item.unreadCount ? (
                <Badge size="sm" color="red" circle={item.unreadCount < 10}>
                  <span aria-hidden>{item.unreadCount > 99 ? '99+' : item.unreadCount}</span>
                  <VisuallyHidden>{t('messaging.list.unread', { count: item.unreadCount })}</VisuallyHidden>
                </Badge>
              ) : null}
            </Group>
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** My conversations, newest activity first, with a search on titles and names. */
export function ConversationList({ meId, activeId, presence }: { meId: string; activeId?: string; presence: PresenceMap }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), SEARCH_DEBOUNCE_MS);
  const list = useConversationList({ q: debounced || undefined, page: 1, pageSize: PAGE_SIZE });
  return (
    <Stack gap="xs" h="100%" style={{ minHeight: 0 }}>
      <TextInput
        type="search"
        aria-label={t('messaging.list.search')}
        placeholder={t('messaging.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
      />
      <Box className={classes.listScroll}>
        <QueryContent query={list} loading={<LoadingLines lines={6} />}>
          {(page) =>
            page.items.length ? (
              <ul className={classes.plainList} aria-label={t('messaging.list.label')}>
                {page.items.map((item) => (
                  <li key={item.id}>
                    <ConversationRow item={item} meId={meId} active={item.id === activeId} presence={presence} />
                  </li>
                ))}
              </ul>
            ) : (
              <Text c="dimmed" size="sm" p="sm">
                {debounced ? t('messaging.list.noMatch') : t('messaging.list.empty')}
              </Text>
            )
          }
        </QueryContent>
      </Box>
    </Stack>
  );
}
