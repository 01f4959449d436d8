import { useState, type ReactNode } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Shown above the field, e.g. the content concerned. */
  children?: ReactNode;
  label: string;
  description: string;
  maxLength: number;
  confirmLabel: string;
  confirmColor?: string;
  /** Receives the trimmed text, or null when left empty; closes the dialog when it resolves. */
  onConfirm: (reason: string | null) => Promise<unknown>;
}

/** A moderation decision confirmed with an optional reason (kept in the audit log). */
export function ReasonDialog({
  opened,
  onClose,
  title,
  children,
  label,
  description,
  maxLength,
  confirmLabel,
  confirmColor = 'red',
  onConfirm,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim() || null);
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog opened={opened} onClose={close} title={title}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {children}
        <Textarea
          label={label}
          description={description}
          value={reason}
          maxLength={maxLength}
          autosize
          minRows={2}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color={confirmColor} loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
