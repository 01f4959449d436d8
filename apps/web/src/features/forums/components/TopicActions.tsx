import { useState } from 'react';
import { Button, Group, Menu, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowsMove,
  IconShare,
  IconShareOff,
  IconBell,
  IconBellOff,
  IconChevronDown,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconPin,
  IconPinnedOff,
  IconShieldCheck,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FORUM_TITLE_MAX, type ForumShareTarget, type ForumTopic } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { moderationPath } from '../../../config/paths/moderation';
import { networkPath } from '../../../config/paths/networks';
import { forumsApi } from '../api/forums.api';
import { useForumOverview, useRefreshForum } from '../hooks/useForum';

type OpenDialog = 'rename' | 'move' | 'share' | null;

interface TopicActionsProps {
  topic: ForumTopic;
  onChange: (topic: ForumTopic) => void;
}

function MoveForm({ topic, onDone }: { topic: ForumTopic; onDone: (topic: ForumTopic) => void }) {
  const { t } = useTranslation();
  const overview = useForumOverview(topic.networkId);
  const [categoryId, setCategoryId] = useState(topic.categoryId);
  const [busy, setBusy] = useState(false);
  const move = async () => {
    setBusy(true);
    try {
      onDone(await forumsApi.move(topic.id, categoryId));
      notify.success(t('forums.topic.moved'));
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('forums.topic.category')}
        data={(overview.data?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={categoryId}
        disabled={!overview.data}
        onChange={(event) => setCategoryId(event.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button loading={busy} disabled={categoryId === topic.categoryId} onClick={() => void move()}>
          {t('forums.topic.move')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Sharing with sibling networks (animators): their members read and answer the topic in their own forum. */
function ShareForm({ topic }: { topic: ForumTopic }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['forums', 'shares', topic.id];
  const targets = useQuery({ queryKey: key, queryFn: () => forumsApi.shareTargets(topic.id) });
  const toggle = async (target: ForumShareTarget, shared: boolean) => {
    try {
      client.setQueryData(key, await forumsApi.share(topic.id, target.networkId, shared));
      notify.success(shared ? t('forums.share.shared', { name: target.name }) : t('forums.share.unshared', { name: target.name }));
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };
  return (
    <QueryContent query={targets}>
      {(list) =>
        list.length ? (
          <Stack gap="sm">
            <Text size="sm">{t('forums.share.lead')}</Text>
            {list.map((target) => (
              <Switch
                key={target.networkId}
                label={target.name}
                checked={target.shared}
                onChange={(event) => void toggle(target, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('forums.share.none')}</Text>
        )
      }
    </QueryContent>
  );
}

function RenameForm({ topic, onDone }: { topic: ForumTopic; onDone: (topic: ForumTopic) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(topic.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rename = async () => {
    if (!title.trim()) return setError(t('validation.required'));
    setBusy(true);
    try {
      onDone(await forumsApi.rename(topic.id, title.trim()));
      notify.success(t('forums.topic.renamed'));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void rename();
      }}
      noValidate
    >
      <Stack gap="md">
        <TextInput
          label={t('forums.topic.title')}
          value={title}
          maxLength={FORUM_TITLE_MAX}
          error={error}
          data-autofocus
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Follow, and the topic's management menu (rename, pin, lock, move, delete, moderation). */
export function TopicActions({ topic, onChange }: TopicActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshForum();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { permissions } = topic;

  const run = async (action: () => Promise<ForumTopic>, success: string) => {
    try {
      onChange(await action());
      notify.success(success);
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };
  const done = (next: ForumTopic) => {
    onChange(next);
    setDialog(null);
  };
  const remove = async () => {
    await forumsApi.deleteTopic(topic.id);
    notify.success(t('forums.topic.deleted'));
    void refresh(topic.networkId);
    navigate(networkPath({ id: topic.networkId }, 'forum'));
  };
  const manages = permissions.canEdit || permissions.canModerate;
  // A moderator of a network this topic was shared into (who does not run its home network) takes it out of theirs.
  const removable = permissions.canShare ? [] : permissions.canRemoveFrom;
  const takeOut = async () => {
    for (const networkId of removable) await forumsApi.share(topic.id, networkId, false);
    notify.success(t('forums.share.takenOut'));
    for (const networkId of removable) void refresh(networkId);
    navigate(networkPath({ id: removable[0] }, 'forum'));
  };

  return (
    <Group gap="xs">
      {permissions.canFollow ? (
        <Button
          variant={topic.following ? 'light' : 'default'}
          leftSection={topic.following ? <IconBellOff size={16} aria-hidden /> : <IconBell size={16} aria-hidden />}
          onClick={() =>
            void run(
              () => forumsApi.follow(topic.id, !topic.following),
              topic.following ? t('forums.topic.unfollowed') : t('forums.topic.followed'),
            )
          }
        >
          {topic.following ? t('forums.topic.unfollow') : t('forums.topic.follow')}
        </Button>
      ) : null}
      {manages ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
              {t('forums.topic.manage')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {permissions.canEdit ? (
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('rename')}>
                {t('forums.topic.rename')}
              </Menu.Item>
            ) : null}
            {permissions.canModerate ? (
              <>
                <Menu.Item
                  leftSection={topic.pinned ? <IconPinnedOff size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
                  onClick={() =>
                    void run(
                      () => forumsApi.pin(topic.id, !topic.pinned),
                      topic.pinned ? t('forums.topic.unpinnedDone') : t('forums.topic.pinnedDone'),
                    )
                  }
                >
                  {topic.pinned ? t('forums.topic.unpin') : t('forums.topic.pin')}
                </Menu.Item>
                <Menu.Item
                  leftSection={topic.locked ? <IconLockOpen size={16} aria-hidden /> : <IconLock size={16} aria-hidden />}
                  onClick={() =>
                    void run(
                      () => forumsApi.lock(topic.id, !topic.locked),
                      topic.locked ? t('forums.topic.unlockedDone') : t('forums.topic.lockedDone'),
                    )
                  }
                >
                  {topic.locked ? t('forums.topic.unlock') : t('forums.topic.lock')}
                </Menu.Item>
                <Menu.Item leftSection={<IconArrowsMove size={16} aria-hidden />} onClick={() => setDialog('move')}>
                  {t('forums.topic.moveEllipsis')}
                </Menu.Item>
                {permissions.canShare ? (
                  <Menu.Item leftSection={<IconShare size={16} aria-hidden />} onClick={() => setDialog('share')}>
                    {t('forums.share.action')}
                  </Menu.Item>
                ) : null}
                <Menu.Item
                  component={Link}
                  to={moderationPath({ id: topic.networkId })}
                  leftSection={<IconShieldCheck size={16} aria-hidden />}
                >
                  {t('moderation.title')}
                </Menu.Item>
              </>
            ) : null}
          </Menu.Dropdown>
        </Menu>
      ) : null}
      {removable.length ? (
        <ConfirmButton
          variant="default"
          leftSection={<IconShareOff size={16} aria-hidden />}
          title={t('forums.share.takeOutTitle')}
          message={t('forums.share.takeOutMessage', { network: topic.networkName })}
          confirmLabel={t('forums.share.takeOut')}
          onConfirm={takeOut}
        >
          {t('forums.share.takeOut')}
        </ConfirmButton>
      ) : null}
      {permissions.canDelete ? (
        <ConfirmButton
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          title={t('forums.topic.deleteTitle')}
          message={t('forums.topic.deleteMessage')}
          confirmLabel={t('common.delete')}
          onConfirm={remove}
        >
          {t('forums.topic.delete')}
        </ConfirmButton>
      ) : null}
      <Dialog opened={dialog === 'rename'} onClose={() => setDialog(null)} title={t('forums.topic.rename')}>
        <RenameForm topic={topic} onDone={done} />
      </Dialog>
      <Dialog opened={dialog === 'move'} onClose={() => setDialog(null)} title={t('forums.topic.moveTitle')}>
        {dialog === 'move' ? <MoveForm topic={topic} onDone={done} /> : null}
      </Dialog>
      <Dialog opened={dialog === 'share'} onClose={() => setDialog(null)} title={t('forums.share.title')}>
        {dialog === 'share' ? <ShareForm topic={topic} /> : null}
      </Dialog>
    </Group>
  );
}
