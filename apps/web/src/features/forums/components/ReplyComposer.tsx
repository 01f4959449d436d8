import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Button, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconQuote, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORUM_POST_MAX, type ForumAttachment, type ForumPost } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { nameOr } from '../../../lib/format';
import { forumsApi } from '../api/forums.api';
import { mentionSource } from '../hooks/useForum';
import { AttachmentPicker } from './AttachmentPicker';
import { MarkdownEditor } from '../../../components/markdown/MarkdownEditor';

export interface ReplyComposerHandle {
  /** Replies quoting `post`: shows the quote and moves the focus to the text. */
  quote: (post: ForumPost) => void;
}

interface ReplyComposerProps {
  topicId: string;
  networkId: string;
  onPosted: (post: ForumPost) => void;
}

/** The reply form at the end of a topic. */
export const ReplyComposer = forwardRef<ReplyComposerHandle, ReplyComposerProps>(function ReplyComposer(
  { topicId, networkId, onPosted },
  ref,
) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [quoted, setQuoted] = useState<ForumPost | null>(null);
  const [attachments, setAttachments] = useState<ForumAttachment[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textarea = useRef<HTMLTextAreaElement | null>(null);

  useImperativeHandle(ref, () => ({
    quote: (post) => {
      setQuoted(post);
      textarea.current?.scrollIntoView({ block: 'center' });
      textarea.current?.focus();
    },
  }));

  const send = async () => {
    if (!body.trim()) {
      setError(null);
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const post = await forumsApi.reply(topicId, { body, quotePostId: quoted?.id ?? null, attachmentIds: attachments.map((a) => a.id) });
      onPosted(post);
      setBody('');
      setQuoted(null);
      setAttachments([]);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="repondre">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="repondre">
            {t('forums.reply.title')}
          </Title>
          <ErrorAlert error={error} />
          {quoted ? (
            <Group gap="xs" wrap="nowrap" justify="space-between" p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconQuote size={16} aria-hidden />
                <Text size="sm" lineClamp={1}>
                  {t('forums.reply.quoting', {
                    name: quoted.author ? nameOr(quoted.author, t('common.aMember')) : t('forums.post.deletedAuthor'),
                    number: quoted.sequence,
                  })}
                </Text>
              </Group>
              <CloseButton size="sm" aria-label={t('forums.reply.removeQuote')} onClick={() => setQuoted(null)} />
            </Group>
          ) : null}
          <MarkdownEditor
            label={t('forums.reply.body')}
            value={body}
            onChange={setBody}
            maxLength={FORUM_POST_MAX}
            mentions={mentionSource(networkId)}
            minRows={4}
            textareaRef={(node) => {
              textarea.current = node;
            }}
          />
          <Group justify="space-between" align="flex-start" gap="sm">
            <AttachmentPicker networkId={networkId} value={attachments} onChange={setAttachments} disabled={busy} />
            <Button type="submit" loading={busy} leftSection={<IconSend size={16} aria-hidden />}>
              {t('forums.reply.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
});
