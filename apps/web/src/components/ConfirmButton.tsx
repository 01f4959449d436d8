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
export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, 'aria-label': ariaLabel, ...buttonProps }: ConfirmButtonProps) {
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
      <Dialog opened={opened} onClose={() => setOpened(false)} title={title}>
        <Text>{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Dialog>
    </>
  );
}
