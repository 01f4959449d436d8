import { Button, type ButtonProps } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/session';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { useStartConversation } from '../hooks/useMessaging';

interface MessageButtonProps extends ButtonProps {
  personId: string;
  /** The person's name, for the accessible name when several buttons are on the page. */
  name?: string;
}

/** "Envoyer un message": opens the direct conversation with this person (signed-in people, not oneself). */
export function MessageButton({ personId, name, ...props }: MessageButtonProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const start = useStartConversation();
  if (!user || user.id === personId) return null;
  return (
    <Button
      variant="default"
      leftSection={<IconMessageCircle size={16} aria-hidden />}
      {...props}
      loading={start.isPending}
      aria-label={name ? t('messaging.sendTo', { name }) : undefined}
      onClick={() => start.mutate({ kind: 'direct', personId }, { onError: (error) => notify.error(errorMessage(error, t)) })}
    >
      {t('messaging.send')}
    </Button>
  );
}
