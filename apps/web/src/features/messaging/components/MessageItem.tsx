import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Menu, Stack, Text, Textarea } from '@mantine/core';
import { IconDots, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_BODY_MAX, type Message, type MessageReaction } from '@maillage/contracts';
import { ConfirmDialog } from '../../../components/ConfirmButton';
import { ReactionButtons } from '../../../components/ReactionButtons';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { fullName } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { messagingApi } from '../api/messaging.api';
import { PostHtml } from '../../../components/markdown/PostHtml';
import classes from './Messages.module.css';

interface MessageItemProps {
  message: Message;
  meId: string;
  canPost: boolean;
  onChange: (message: Message) => void;
}

/** Runs an API call that answers the changed message; a failure becomes a toast. */
function useMessageAction(onChange: (message: Message) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<Message | void>): Promise<boolean> => {
    setBusy(true);
    try {
      const answer = await call();
      if (answer) onChange(answer);
      return true;
    } catch (error) {
      notify.error(errorMessage(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function Reactions({
  message,
  meId,
  canReact,
  onChange,
}: {
  message: Message;
  meId: string;
  canReact: boolean;
  onChange: (m: Message) => void;
}) {
  const [busy, setBusy] = useState<MessageReaction | null>(null);
  const { run } = useMessageAction(onChange);
  const counts = message.reactions.map((r) => ({ reaction: r.reaction, count: r.personIds.length, mine: r.personIds.includes(meId) }));
  if (!counts.some((r) => r.count > 0) && !canReact) return null;
  const toggle = async (reaction: MessageReaction, on: boolean) => {
    setBusy(reaction);
    await run(() => messagingApi.react(message.id, reaction, on));
    setBusy(null);
  };
  return (
    <ReactionButtons reactions={counts} canReact={canReact} busy={busy} size="xs" onToggle={(reaction, on) => void toggle(reaction, on)} />
  );
}

function EditForm({ message, onDone, onChange }: { message: Message; onDone: () => void; onChange: (m: Message) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(message.body ?? '');
  const { busy, run } = useMessageAction(onChange);
  const save = async () => {
    if (await run(() => messagingApi.edit(message.id, body.trim()))) onDone();
  };
  return (
    <Stack gap={6}>
      <Textarea
        label={t('messaging.message.editLabel')}
        autosize
        minRows={2}
        maxLength={MESSAGE_BODY_MAX}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        data-autofocus
      />
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={busy} disabled={!body.trim()} onClick={() => void save()}>
          {t('messaging.message.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One message: author and time, sanitised body, attachments, reactions; own messages can be edited and deleted. */
export function MessageItem({ message, meId, canPost, onChange }: MessageItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useMessageAction(onChange);
  const mine = message.sender?.id === meId;
  const deleted = message.deletedAt !== null;
  const author = message.sender ? (mine ? t('messaging.list.me') : fullName(message.sender)) : t('messaging.message.formerMember');

  const remove = async () => {
    const done = await run(async () => {
      await messagingApi.remove(message.id);
      onChange({ ...message, body: null, bodyHtml: null, attachments: [], deletedAt: new Date().toISOString() });
    });
    if (done) setConfirming(false);
  };

  return (
    <li className={classes.message} data-mine={mine || undefined} data-seq={message.seq}>
      <Group gap={6} justify={mine ? 'flex-end' : 'flex-start'} wrap="nowrap" mb={2}>
        <Text size="xs" fw={600}>
          {author}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt)}
        </Text>
        {message.editedAt && !deleted ? (
          <Text size="xs" c="dimmed">
            {t('messaging.message.edited')}
          </Text>
        ) : null}
        {mine && !deleted && canPost ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('messaging.message.actions', { time: formatDateTime(message.createdAt) })}
              >
                <IconDots size={14} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setEditing(true)}>{t('messaging.message.edit')}</Menu.Item>
              <Menu.Item color="red" onClick={() => setConfirming(true)}>
                {t('messaging.message.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {editing ? (
        <EditForm message={message} onChange={onChange} onDone={() => setEditing(false)} />
      ) : (
        <div className={classes.bubble}>
          {deleted ? (
            <Text size="sm" fs="italic" c="dimmed">
              {t('messaging.message.deleted')}
            </Text>
          ) : (
            <>
              {message.bodyHtml ? <PostHtml html={message.bodyHtml} /> : null}
              {message.attachments.length ? (
                <ul className={classes.plainList} aria-label={t('messaging.attachments.list')}>
                  {message.attachments.map((a) => (
                    <li key={a.id}>
                      <Anchor href={a.url} size="sm" target="_blank" rel="noopener">
                        <IconPaperclip size={14} aria-hidden /> {a.name}
                      </Anchor>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </div>
      )}
      {!deleted ? (
        <Group justify={mine ? 'flex-end' : 'flex-start'} mt={2}>
          <Reactions message={message} meId={meId} canReact={canPost} onChange={onChange} />
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('messaging.message.deleteTitle')}
        message={t('messaging.message.deleteConfirm')}
        confirmLabel={t('messaging.message.delete')}
        busy={busy}
        onConfirm={() => void remove()}
      />
    </li>
  );
}
