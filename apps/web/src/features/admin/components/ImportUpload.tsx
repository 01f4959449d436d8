import { useId, useRef, useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DirectoryImport } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api';
import { importsApi } from '../api/imports.api';
import { formatSize } from '../hooks/numbers';

/** Extensions and types a StockEtablissement CSV comes with (the API checks the bytes again). */
const CSV_ACCEPT = { 'text/csv': ['.csv'], 'application/vnd.ms-excel': ['.csv'], 'text/plain': ['.csv'] };

interface ImportUploadProps {
  maxBytes: number;
  /** Another import is queued or running: uploads wait. */
  busy: boolean;
  onStarted: (started: DirectoryImport) => void;
}

/** Drop or pick the INSEE StockEtablissement CSV; the import starts once it is received. */
export function ImportUpload({ maxBytes, busy, onStarted }: ImportUploadProps) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  const hintId = useId();
  const [rejection, setRejection] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: importsApi.upload, onSuccess: onStarted });
  const max = formatSize(maxBytes);

  const drop = (files: File[]) => {
    setRejection(null);
    if (files[0]) upload.mutate(files[0]);
  };
  const reject = (rejections: FileRejection[]) => {
    upload.reset();
    const code = rejections[0]?.errors[0]?.code;
    setRejection(code === 'file-too-large' ? t('admin.imports.tooLarge', { max }) : t('admin.imports.notCsv'));
  };
  const error = upload.error;
  // Upload refusals explained for this file (the generic texts speak of images).
  const refused = isApiError(error, 413)
    ? t('admin.imports.tooLarge', { max })
    : isApiError(error, 415)
      ? t('admin.imports.notCsv')
      : isApiError(error, 422)
        ? t('admin.imports.notSirene', { columns: (error.detail<string[]>('missingColumns') ?? []).slice(0, 4).join(', ') || '—' })
        : null;
  const problem = rejection ?? refused;

  return (
    <Stack gap="sm">
      {/* A drop target for the mouse; the real control is the button (keyboard, screen readers). */}
      <Dropzone
        openRef={openRef}
        onDrop={drop}
        onReject={reject}
        maxSize={maxBytes}
        accept={CSV_ACCEPT}
        multiple={false}
        loading={upload.isPending}
        disabled={busy}
        activateOnClick={false}
        activateOnKeyboard={false}
        enablePointerEvents
        tabIndex={-1}
      >
        <Group justify="center" gap="md" mih={96} wrap="nowrap">
          <IconFileTypeCsv size={36} aria-hidden style={{ flexShrink: 0 }} />
          <Stack gap={4} align="flex-start">
            <Button variant="light" onClick={() => openRef.current?.()} disabled={busy} aria-describedby={hintId}>
              {t('admin.imports.choose')}
            </Button>
            <Text size="sm" c="dimmed" id={hintId}>
              {busy ? t('admin.imports.wait') : t('admin.imports.dropHint', { max })}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {upload.isPending ? (
        <Text size="sm" aria-live="polite">
          {t('admin.imports.sending')}
        </Text>
      ) : null}
      {problem ? (
        <Text role="alert" c="var(--mantine-color-error)" size="sm">
          {problem}
        </Text>
      ) : (
        <ErrorAlert error={error} />
      )}
    </Stack>
  );
}
