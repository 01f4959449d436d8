import { useState } from 'react';
import { ActionIcon, Button, FileButton, Group, List, Text } from '@mantine/core';
import { IconFileTypePdf, IconPaperclip, IconPhoto, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORUM_ATTACHMENT_TYPES, FORUM_ATTACHMENTS_MAX, type ForumAttachment } from '@maillage/contracts';
import { errorMessage } from '../../../lib/errors';
import { formatBytes } from '../hooks/format';
import { notify } from '../../../lib/notify';
import { forumsApi } from '../api/forums.api';

interface AttachmentPickerProps {
  networkId: string;
  value: ForumAttachment[];
  onChange: (attachments: ForumAttachment[]) => void;
  disabled?: boolean;
}

/** Images and PDF files joined to a post: uploaded at once, sent as ids with the post. */
export function AttachmentPicker({ networkId, value, onChange, disabled }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const room = FORUM_ATTACHMENTS_MAX - value.length;

  const upload = async (files: File[]) => {
    setBusy(true);
    let next = value;
    try {
      for (const file of files.slice(0, room)) {
        const attachment = await forumsApi.upload(networkId, file);
        next = [...next, attachment];
        onChange(next);
      }
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <FileButton
        onChange={(files) => void upload(files)}
        accept={FORUM_ATTACHMENT_TYPES.join(',')}
        multiple
        disabled={disabled || room <= 0}
      >
        {(props) => (
          <Button {...props} variant="default" size="xs" loading={busy} leftSection={<IconPaperclip size={14} aria-hidden />}>
            {t('forums.attachments.add')}
          </Button>
        )}
      </FileButton>
      <Text size="xs" c="dimmed" mt={4}>
        {t('forums.attachments.hint', { count: FORUM_ATTACHMENTS_MAX })}
      </Text>
      {value.length ? (
        <List listStyleType="none" spacing={4} mt="xs" aria-label={t('forums.attachments.list')}>
          {value.map((attachment) => (
            <List.Item key={attachment.id}>
              <Group gap="xs" wrap="nowrap">
                {attachment.isImage ? <IconPhoto size={16} aria-hidden /> : <IconFileTypePdf size={16} aria-hidden />}
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {attachment.fileName}{' '}
                  <Text span c="dimmed" size="xs">
                    ({formatBytes(attachment.size)})
                  </Text>
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('forums.attachments.remove', { name: attachment.fileName })}
                  onClick={() => onChange(value.filter((a) => a.id !== attachment.id))}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </div>
  );
}
