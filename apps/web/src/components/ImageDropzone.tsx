import { useEffect, useId, useRef, useState } from 'react';
import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMAGE_UPLOAD } from '../config';
import { errorMessage } from '../lib/errors';
import { notify } from '../lib/notify';
import { ErrorAlert } from './ErrorAlert';

interface ImageDropzoneProps {
  /** What the image is, e.g. 'Logo' or 'Photo'; used in the labels. */
  label: string;
  imageUrl: string | null;
  /** Text shown instead of an image (initials). */
  fallback: string;
  round?: boolean;
  /** The button's text, e.g. 'Choisir un logo'. */
  chooseLabel: string;
  removeLabel: string;
  onUpload: (file: File) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
}

/** Drop or pick an image (PNG, JPEG, WebP, GIF, 5 MB), with a preview and a remove button. */
export function ImageDropzone({ label, imageUrl, fallback, round, chooseLabel, removeLabel, onUpload, onRemove }: ImageDropzoneProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const openRef = useRef<() => void>(null);
  const hintId = useId();

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  const run = async (action: () => Promise<unknown>, success: string) => {
    setBusy(true);
    setError(null);
    setRejection(null);
    try {
      await action();
      notify.success(success);
    } catch (caught) {
      setError(caught);
      notify.error(errorMessage(caught, t));
    } finally {
      setBusy(false);
      setPreview(null);
    }
  };

  const drop = (files: File[]) => {
    const file = files[0];
    if (!file) return;
    setPreview(URL.createObjectURL(file));
    void run(() => onUpload(file), t('image.uploaded'));
  };

  const reject = (rejections: FileRejection[]) => {
    const code = rejections[0]?.errors[0]?.code;
    setError(null);
    setRejection(code === 'file-too-large' ? t('errors.codes.FILE_TOO_LARGE') : t('errors.codes.UNSUPPORTED_FILE_TYPE'));
  };

  const shown = preview ?? imageUrl;
  const hint = t('image.hint');
  return (
    <Stack gap="sm">
      <Group align="center" gap="lg">
        <Avatar src={shown} alt={shown ? label : undefined} size={96} radius={round ? 'xl' : 'md'} color="blue">
          {fallback}
        </Avatar>
        {/* A drop target for the mouse; the real control is the button (keyboard, screen readers). */}
        <Dropzone
          openRef={openRef}
          onDrop={drop}
          onReject={reject}
          maxSize={IMAGE_UPLOAD.maxBytes}
          accept={[...IMAGE_UPLOAD.mimeTypes]}
          multiple={false}
          loading={busy}
          activateOnClick={false}
          activateOnKeyboard={false}
          enablePointerEvents
          tabIndex={-1}
          style={{ flex: '1 1 16rem' }}
        >
          <Group justify="center" gap="sm" mih={72}>
            <IconPhotoUp size={28} aria-hidden />
            <Stack gap={4} align="flex-start">
              <Button size="sm" variant="light" onClick={() => openRef.current?.()} aria-describedby={hintId}>
                {chooseLabel}
              </Button>
              <Text size="sm" c="dimmed" id={hintId}>
                {t('image.orDrop')} ({hint})
              </Text>
            </Stack>
          </Group>
        </Dropzone>
      </Group>
      {rejection ? (
        <Text role="alert" c="var(--mantine-color-error)" size="sm">
          {rejection}
        </Text>
      ) : null}
      <ErrorAlert error={error} />
      {imageUrl ? (
        <Group>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            loading={busy}
            onClick={() => void run(onRemove, t('image.removed'))}
          >
            {removeLabel}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
