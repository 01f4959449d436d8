// Toasts for the outcome of an action (Mantine notifications are announced with role="alert").
import { notifications } from '@mantine/notifications';
import { i18n } from './i18n';

function show(message: string, color: string) {
  notifications.show({
    message,
    color,
    withBorder: true,
    autoClose: color === 'red' ? 8000 : 4000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

export const notify = {
  success: (message: string) => show(message, 'teal'),
  error: (message: string) => show(message, 'red'),
};
