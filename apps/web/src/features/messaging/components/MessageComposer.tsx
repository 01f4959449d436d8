import { useState } from 'react';
import { ActionIcon, Button, FileButton, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPaperclip, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_ATTACHMENT_TYPES, MESSAGE_ATTACHMENTS_MAX, MESSAGE_BODY_MAX, type MessageAttachment } from '@maillage/contracts';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { messagingApi } from '../api/messaging.api';
import classes from './Messages.module.css';

interface MessageComposerProps {
  conversationId: string;
  /** Queues the message (shown at once as "sending"); the thread sends and retries it. */
  onSend: (body: string, attachments: MessageAttachment[]) => void;
  onTyping: () => void;
}

/** A touch screen without a pointer that hovers: its keyboard's Enter key breaks the line, the button sends. */
export const TOUCH_ONLY = '(hover: none) and (pointer: coarse)';

/** Markdown-light text (Enter sends, Shift+Enter breaks the line; on a touch screen Enter breaks the line) and attachments uploaded at once. */
export function MessageComposer({ conversationId, onSend, onTyping }: MessageComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<MessageAttachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const touch = useMediaQuery(TOUCH_ONLY, false, { getInitialValueInEffect: false });
  const text = body.trim();
  const ready = (text.length > 0 || attachments.length > 0) && !uploading;

  const submit = () => {
    if (!ready) return;
    onSend(text, attachments);
    setBody('');
    setAttachments([]);
  };

  const upload = async (files: File[]) => {
    setUploading(true);
    try {
      for (const file of files.slice(0, MESSAGE_ATTACHMENTS_MAX - attachments.length)) {
        const attachment = await messagingApi.upload(conversationId, file);
        setAttachments((current) => [...current, attachment]);
      }
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setUploading(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap={4}>
        {attachments.length ? (
          <ul className={classes.plainList} aria-label={t('messaging.attachments.pending')}>
            {attachments.map((a) => (
              <li key={a.id}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" truncate>
                    {a.name}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={t('messaging.attachments.remove', { name: a.name })}
                    onClick={() => setAttachments((current) => current.filter((x) => x.id !== a.id))}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </ul>
        ) : null}
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <FileButton
            onChange={(files) => void upload(files)}
            accept={MESSAGE_ATTACHMENT_TYPES.join(',')}
            multiple
            disabled={attachments.length >= MESSAGE_ATTACHMENTS_MAX}
          >
            {(props) => (
              <Tooltip label={t('messaging.attachments.add')}>
                <ActionIcon {...props} variant="default" size={36} loading={uploading} aria-label={t('messaging.attachments.add')}>
                  <IconPaperclip size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </FileButton>
          <Textarea
            style={{ flex: 1 }}
            aria-label={t('messaging.composer.label')}
            description={touch ? t('messaging.composer.hintTouch') : t('messaging.composer.hint')}
            inputWrapperOrder={['input', 'description']}
            placeholder={t('messaging.composer.placeholder')}
            autosize
            minRows={1}
            maxRows={6}
            maxLength={MESSAGE_BODY_MAX}
            value={body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              if (event.currentTarget.value.trim()) onTyping();
            }}
            onKeyDown={(event) => {
              if (!touch && event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                submit();
              }
            }}
          />
          <Button type="submit" disabled={!ready} leftSection={<IconSend size={16} aria-hidden />}>
            {t('messaging.composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
