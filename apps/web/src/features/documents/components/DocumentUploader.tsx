import { useId, useRef, useState } from 'react';
import { ActionIcon, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconCheck, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_ACCEPT } from '@maillage/contracts';
import { currentLocale } from '../../../lib/i18n';
import { documentErrorMessage, formatBytes } from '../hooks/files';
import type { QueuedUpload } from '../hooks/useUploadQueue';

interface DocumentUploaderProps {
  maxBytes: number;
  items: QueuedUpload[];
  onFiles: (files: File[]) => void;
  onDismiss: (key: string) => void;
}

/** What the browser's file picker offers (the server decides from the bytes anyway). */
const ACCEPT = { 'application/octet-stream': [...DOCUMENT_ACCEPT] };

function UploadLine({ item, maxBytes, onDismiss }: { item: QueuedUpload; maxBytes: number; onDismiss: (key: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = Math.round(item.progress * 100);
  const status =
    item.status === 'error'
      ? documentErrorMessage(item.error, t, maxBytes, locale)
      : item.status === 'done'
        ? t('documents.upload.done')
        : item.status === 'waiting'
          ? t('documents.upload.waiting')
          : t('documents.upload.progress', { percent });
  return (
    <li>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={500} truncate="end" style={{ minWidth: 0 }}>
            {item.name}{' '}
            <Text span size="xs" c="dimmed">
              ({formatBytes(item.size, locale)})
            </Text>
          </Text>
          <Group gap={4} wrap="nowrap">
            {item.status === 'done' ? <IconCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden /> : null}
            {item.status === 'error' || item.status === 'done' ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                onClick={() => onDismiss(item.key)}
                aria-label={t('documents.upload.dismiss', { name: item.name })}
              >
                <IconX size={14} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
        </Group>
        <Progress
          value={item.status === 'error' ? 100 : percent}
          color={item.status === 'error' ? 'red' : item.status === 'done' ? 'teal' : 'blue'}
          size="sm"
          aria-label={t('documents.upload.progressLabel', { name: item.name })}
        />
        <Text
          size="xs"
          c={item.status === 'error' ? 'var(--mantine-color-error)' : 'dimmed'}
          role={item.status === 'error' ? 'alert' : undefined}
        >
          {status}
        </Text>
      </Stack>
    </li>
  );
}

/** Drop several files (or pick them with the button): each goes up with its own progress bar. */
export function DocumentUploader({ maxBytes, items, onFiles, onDismiss }: DocumentUploaderProps) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  const hintId = useId();
  const [rejected, setRejected] = useState<string[]>([]);
  const locale = currentLocale();

  const reject = (rejections: FileRejection[]) =>
    setRejected(
      rejections.map(({ file, errors }) =>
        t(errors[0]?.code === 'file-too-large' ? 'documents.upload.tooLarge' : 'documents.upload.notAccepted', {
          name: file.name,
          max: formatBytes(maxBytes, locale),
        }),
      ),
    );

  return (
    <Stack gap="sm">
      {/* A drop target for the mouse; the real control is the button (keyboard, screen readers). */}
      <Dropzone
        openRef={openRef}
        onDrop={(files) => {
          setRejected([]);
          if (files.length) onFiles(files);
        }}
        onReject={reject}
        maxSize={maxBytes}
        accept={ACCEPT}
        multiple
        activateOnClick={false}
        activateOnKeyboard={false}
        enablePointerEvents
        tabIndex={-1}
        data-testid="document-dropzone"
      >
        <Group justify="center" gap="md" mih={64} wrap="wrap">
          <IconUpload size={28} aria-hidden color="var(--mantine-color-blue-7)" />
          <Stack gap={2} align="flex-start">
            <Button size="sm" variant="light" onClick={() => openRef.current?.()} aria-describedby={hintId}>
              {t('documents.upload.choose')}
            </Button>
            <Text size="sm" c="dimmed" id={hintId}>
              {t('documents.upload.hint', { max: formatBytes(maxBytes, locale) })}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {rejected.map((message) => (
        <Text key={message} role="alert" size="sm" c="var(--mantine-color-error)">
          {message}
        </Text>
      ))}
      {items.length ? (
        <Paper withBorder p="sm" radius="md">
          <Stack gap="sm" component="ul" aria-label={t('documents.upload.listLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <UploadLine key={item.key} item={item} maxBytes={maxBytes} onDismiss={onDismiss} />
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
