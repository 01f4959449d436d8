import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FORUM_POST_MAX, FORUM_REASON_MAX, type ForumPost } from '@maillage/contracts';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { forumKeys, forumsApi } from '../api/forums.api';
import { mentionSource } from '../hooks/useForum';
import { MarkdownEditor } from '../../../components/markdown/MarkdownEditor';
import { PostHtml } from '../../../components/markdown/PostHtml';

interface PostDialogProps {
  opened: boolean;
  onClose: () => void;
  post: ForumPost;
}

/** Edits a post's Markdown (the API keeps the previous version in the history). */
export function EditPostDialog({
  opened,
  onClose,
  post,
  networkId,
  onSaved,
}: PostDialogProps & { networkId: string; onSaved: (post: ForumPost) => void }) {
  const { t } = useTranslation();
  // Live events do not carry the Markdown: fetch it when the post's copy lacks it.
  const source = useQuery({
    queryKey: ['forums', 'post', post.id, 'source', post.editedAt],
    queryFn: () => forumsApi.getPost(post.id),
    enabled: opened && post.markdown === null,
  });
  const markdown = post.markdown ?? source.data?.markdown ?? null;
  const [body, setBody] = useState(markdown ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (opened) setBody(markdown ?? '');
  }, [opened, markdown]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await forumsApi.editPost(post.id, body));
      notify.success(t('forums.post.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={onClose} title={t('forums.post.editTitle')} size="xl">
      <Stack gap="md">
        <ErrorAlert error={error ?? source.error} />
        {markdown === null && source.isPending ? (
          <LoadingLines />
        ) : (
          <MarkdownEditor
            label={t('forums.post.body')}
            value={body}
            onChange={setBody}
            maxLength={FORUM_POST_MAX}
            mentions={mentionSource(networkId)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} disabled={!body.trim()} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** The earlier versions of an edited post, newest first. */
export function RevisionsDialog({ opened, onClose, post }: PostDialogProps) {
  const { t } = useTranslation();
  const revisions = useQuery({ queryKey: forumKeys.revisions(post.id), queryFn: () => forumsApi.revisions(post.id), enabled: opened });
  return (
    <Dialog opened={opened} onClose={onClose} title={t('forums.post.historyTitle')} size="lg">
      <QueryContent query={revisions}>
        {(items) =>
          items.length ? (
            <Timeline bulletSize={14} lineWidth={2}>
              {items.map((revision) => (
                <Timeline.Item key={revision.id} title={t('forums.post.versionOf', { date: formatDateTime(revision.createdAt) })}>
                  <Paper withBorder p="sm" mt={4} radius="sm">
                    <PostHtml html={revision.html} />
                  </Paper>
                </Timeline.Item>
              ))}
            </Timeline>
          ) : (
            <Text c="dimmed">{t('forums.post.noHistory')}</Text>
          )
        }
      </QueryContent>
    </Dialog>
  );
}

/** A moderator hides a post, with a reason shown to readers and kept in the audit log. */
export function HidePostDialog({ opened, onClose, post, onDone }: PostDialogProps & { onDone: (post: ForumPost) => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('forums.moderation.hideTitle')}
      label={t('forums.moderation.reason')}
      description={t('forums.moderation.reasonHint')}
      maxLength={FORUM_REASON_MAX}
      confirmLabel={t('forums.moderation.hide')}
      onConfirm={async (reason) => {
        onDone(await forumsApi.hidePost(post.id, reason));
        notify.success(t('forums.moderation.hidden'));
      }}
    />
  );
}
