import { useEffect, useLayoutEffect, useRef } from 'react';
import { Alert, Anchor, Box, Button, Group, Loader, Menu, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDotsVertical } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Conversation, Message } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines } from '../../../components/QueryContent';
import { errorMessage } from '../../../lib/errors';
import { fullName } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { messagingApi, messagingKeys } from '../api/messaging.api';
import { conversationName, lastSeqOf, otherPerson, readersOf, type PendingMessage } from '../hooks/thread';
import { useRefreshMessaging, type PresenceMap } from '../hooks/useMessaging';
import { useMarkRead, useThread } from '../hooks/useThread';
import { MessageComposer } from './MessageComposer';
import { MessageItem } from './MessageItem';
import { PresenceDot } from './PresenceDot';
import classes from './Messages.module.css';

/** Calls `onVisible` whenever `target` comes into view inside its scroll box (always, without IntersectionObserver). */
function useWhenVisible(target: React.RefObject<HTMLElement | null>, onVisible: () => void, deps: unknown[]) {
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      latest.current();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, deps);
}

function ThreadMenu({ conversation, meId }: { conversation: Conversation; meId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = useRefreshMessaging();
  const other = otherPerson(conversation, meId);
  const blocks = useQuery({ queryKey: messagingKeys.blocks, queryFn: messagingApi.blocks, enabled: !!other });
  const blocked = !!other && !!blocks.data?.some((p) => p.id === other.id);

  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      notify.success(done);
      refresh(conversation.id);
      void queryClient.invalidateQueries({ queryKey: messagingKeys.blocks });
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" rightSection={<IconDotsVertical size={14} aria-hidden />}>
          {t('messaging.thread.options')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          onClick={() =>
            void act(
              () => messagingApi.mute(conversation.id, !conversation.muted),
              conversation.muted ? t('messaging.thread.unmuted') : t('messaging.thread.mutedDone'),
            )
          }
        >
          {conversation.muted ? t('messaging.thread.unmute') : t('messaging.thread.mute')}
        </Menu.Item>
        {other ? (
          <Menu.Item
            color={blocked ? undefined : 'red'}
            onClick={() =>
              void act(
                () => (blocked ? messagingApi.unblock(other.id) : messagingApi.block(other.id)),
                blocked
                  ? t('messaging.thread.unblocked', { name: fullName(other) })
                  : t('messaging.thread.blocked', { name: fullName(other) }),
              )
            }
          >
            {blocked ? t('messaging.thread.unblock', { name: fullName(other) }) : t('messaging.thread.block', { name: fullName(other) })}
          </Menu.Item>
        ) : (
          <Menu.Item
            color="red"
            onClick={() =>
              void act(async () => {
                await messagingApi.leave(conversation.id);
                void navigate('/messages');
              }, t('messaging.thread.left'))
            }
          >
            {t('messaging.thread.leave')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function PendingItem({ pending, onRetry }: { pending: PendingMessage; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <li className={classes.message} data-mine data-pending={pending.status}>
      <div className={classes.bubble} style={{ opacity: pending.status === 'sending' ? 0.7 : 1 }}>
        <Text size="sm" className={classes.pendingBody}>
          {pending.body}
        </Text>
        {pending.attachments.map((a) => (
          <Text key={a.id} size="xs" c="dimmed">
            {a.name}
          </Text>
        ))}
      </div>
      <Group justify="flex-end" gap="xs" mt={2}>
        {pending.status === 'sending' ? (
          <Text size="xs" c="dimmed">
            {t('messaging.pending.sending')}
          </Text>
        ) : (
          <>
            <Text size="xs" c="red.8">
              {t('messaging.pending.failed')}
            </Text>
            <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
              {t('messaging.pending.retry')}
            </Button>
          </>
        )}
      </Group>
    </li>
  );
}

/** "Lu par …" under one's own last message. */
function ReadReceipt({ conversation, messages, meId }: { conversation: Conversation; messages: Message[]; meId: string }) {
  const { t } = useTranslation();
  const last = [...messages].reverse().find((m) => m.sender?.id === meId && !m.deletedAt);
  if (!last) return null;
  const readers = readersOf(conversation, last.seq, meId);
  const text = !readers.length
    ? t('messaging.receipt.sent')
    : conversation.kind === 'direct'
      ? t('messaging.receipt.seen')
      : t('messaging.receipt.readBy', { names: readers.map(fullName).join(', ') });
  return (
    <Text
      size="xs"
      c="dimmed"
      ta="right"
      data-testid="read-receipt"
      title={readers.length ? t('messaging.receipt.readBy', { names: readers.map(fullName).join(', ') }) : undefined}
    >
      {text}
    </Text>
  );
}

interface MessageThreadProps {
  conversation: Conversation;
  meId: string;
  presence: PresenceMap;
}

/** A conversation: its header, the messages (history upwards, live downwards), typing, receipts, the composer. */
export function MessageThread({ conversation, meId, presence }: MessageThreadProps) {
  const { t } = useTranslation();
  const thread = useThread(conversation.id, meId);
  const markRead = useMarkRead(conversation);
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const name = conversationName(conversation, meId);
  const other = otherPerson(conversation, meId);
  const lastSeq = lastSeqOf(thread.messages);
  const firstSeq = thread.messages[0]?.seq ?? 0;

  // Scrolling: at the bottom on arrival, after sending, and when something new comes while there; where the
  // reader was when older pages are added above.
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const shownFirst = useRef(firstSeq);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const prepended = shownFirst.current !== 0 && firstSeq !== shownFirst.current;
    shownFirst.current = firstSeq;
    if (atBottom.current) box.scrollTop = box.scrollHeight;
    else if (prepended) box.scrollTop = box.scrollHeight - fromBottom.current;
  }, [lastSeq, firstSeq, thread.pending.length, thread.status]);
  const onScroll = () => {
    const box = scroller.current;
    if (!box) return;
    fromBottom.current = box.scrollHeight - box.scrollTop;
    atBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < 48;
  };

  useWhenVisible(top, () => void thread.loadOlder(), [thread.status, firstSeq, thread.hasOlder]);
  useWhenVisible(bottom, () => markRead(lastSeq), [thread.status, lastSeq, markRead]);
  useEffect(() => {
    const onShow = () => {
      if (document.visibilityState === 'visible' && atBottom.current) markRead(lastSeq);
    };
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [lastSeq, markRead]);

  const typingNames = thread.typingIds
    .map((id) => conversation.participants.find((p) => p.id === id))
    .filter((p) => !!p)
    .map((p) => p.firstName);

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="xs" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/messages" hiddenFrom="sm" aria-label={t('messaging.thread.back')}>
            <IconArrowLeft size={20} aria-hidden />
          </Anchor>
          {other ? <PresenceDot status={presence[other.id] ?? 'offline'} name={fullName(other)} /> : null}
          <Box style={{ minWidth: 0 }}>
            <Title order={2} size="h4" lineClamp={1}>
              {name}
            </Title>
            {conversation.kind === 'group' ? (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {t('messaging.thread.participants', { count: conversation.participants.length })}
              </Text>
            ) : other ? (
              <Text size="xs" c="dimmed">
                {t(`messaging.presence.${presence[other.id] ?? 'offline'}`)}
              </Text>
            ) : null}
          </Box>
        </Group>
        <ThreadMenu conversation={conversation} meId={meId} />
      </Group>

      <div
        ref={scroller}
        className={classes.messages}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label={t('messaging.thread.history', { name })}
      >
        {thread.status === 'loading' ? <LoadingLines lines={5} /> : null}
        {thread.status === 'error' ? <ErrorAlert error={thread.error} onRetry={() => window.location.reload()} /> : null}
        {thread.status === 'ready' ? (
          <div className={classes.messagesEnd}>
            <div ref={top} />
            {thread.hasOlder ? (
              <Group justify="center" mb="xs">
                <Button size="compact-sm" variant="subtle" loading={thread.olderBusy} onClick={() => void thread.loadOlder()}>
                  {t('messaging.thread.older')}
                </Button>
              </Group>
            ) : null}
            {!thread.messages.length && !thread.pending.length ? (
              <Text c="dimmed" ta="center" py="xl">
                {t('messaging.thread.empty')}
              </Text>
            ) : null}
            <div role="log" aria-label={t('messaging.thread.messages')}>
              <ol className={classes.plainList}>
                {thread.messages.map((message) => (
                  <MessageItem key={message.seq} message={message} meId={meId} canPost={conversation.canPost} onChange={thread.replace} />
                ))}
                {thread.pending.map((pending) => (
                  <PendingItem key={pending.clientId} pending={pending} onRetry={() => void thread.retry(pending.clientId)} />
                ))}
              </ol>
            </div>
            <ReadReceipt conversation={conversation} messages={thread.messages} meId={meId} />
            <div ref={bottom} />
          </div>
        ) : null}
      </div>

      <Box mih={22} aria-live="polite">
        {typingNames.length ? (
          <Group gap={6}>
            <Loader type="dots" size="xs" aria-hidden />
            <Text size="xs" c="dimmed">
              {t('messaging.typing', { count: typingNames.length, names: typingNames.join(', ') })}
            </Text>
          </Group>
        ) : null}
      </Box>

      {conversation.canPost ? (
        <MessageComposer
          conversationId={conversation.id}
          onSend={(body, attachments) => {
            atBottom.current = true;
            void thread.send(body, attachments);
          }}
          onTyping={thread.signalTyping}
        />
      ) : (
        <Alert color="gray" variant="light">
          {t('messaging.thread.cannotPost')}
        </Alert>
      )}
    </Box>
  );
}
