import { useState, type ReactNode } from 'react';
import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { notify } from '../lib/notify';
import { Dialog } from './Dialog';

interface ConfirmButtonProps extends ButtonProps {
  /** The button's text, also its accessible name unless `aria-label` is given. */
  children: ReactNode;
  'aria-label'?: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

/** A button that asks for confirmation in a dialog before a destructive action. */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  'aria-label': ariaLabel,
  ...buttonProps
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpened(false);
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...buttonProps} aria-label={ariaLabel} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        message={message}
        confirmLabel={confirmLabel}
        busy={busy}
        onConfirm={() => void confirm()}
      />
    </>
  );
}

interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
}

/** The confirmation dialog alone, for triggers that are not buttons (menu items). */
export function ConfirmDialog({ opened, onClose, title, message, confirmLabel, busy, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      <Text>{message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Dialog>
  );
}
