import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines } from '../../../components/QueryContent';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../../lib/session';
import { ConversationList } from '../../../features/messaging/components/ConversationList';
import { MessageThread } from '../../../features/messaging/components/MessageThread';
import { NewConversationButton } from '../../../features/messaging/components/NewConversationDialog';
import classes from '../../../features/messaging/components/Messages.module.css';
import { useConversation, usePresence } from '../../../features/messaging/hooks/useMessaging';
import { conversationName } from '../../../features/messaging/hooks/thread';
import { isApiError } from '../../../lib/api';

/** `/messages` and `/messages/:id`: the list and the open conversation side by side; one at a time on phones. */
export default function MessagesPage() {
  const { t } = useTranslation();
  const id = useParams().id;
  const meId = useSession().user?.id ?? '';
  const presence = usePresence();
  const conversation = useConversation(id);
  const title = conversation.data ? `${conversationName(conversation.data, meId)} · ${t('messaging.title')}` : t('messaging.title');

  let thread;
  if (!id) {
    thread = (
      <Stack align="center" justify="center" h="100%" visibleFrom="sm">
        <Text c="dimmed">{t('messaging.thread.none')}</Text>
      </Stack>
    );
  } else if (conversation.isPending) {
    thread = <LoadingLines lines={6} />;
  } else if (conversation.isError) {
    thread =
      isApiError(conversation.error, 404) || isApiError(conversation.error, 400) ? (
        <Text>{t('messaging.thread.notFound')}</Text>
      ) : (
        <ErrorAlert error={conversation.error} onRetry={() => void conversation.refetch()} />
      );
  } else {
    thread = <MessageThread key={conversation.data.id} conversation={conversation.data} meId={meId} presence={presence} />;
  }

  return (
    // On a phone's thread screen the conversation gets the room: starting another one is on the list screen.
    <Page
      title={title}
      heading={t('messaging.title')}
      size="xl"
      actions={
        id ? (
          <Box visibleFrom="sm">
            <NewConversationButton />
          </Box>
        ) : (
          <NewConversationButton />
        )
      }
    >
      <div className={classes.layout} data-thread={id ? '' : undefined}>
        <section className={`${classes.pane} ${classes.listPane}`} aria-label={t('messaging.list.label')}>
          <ConversationList meId={meId} activeId={id} presence={presence} />
        </section>
        <section className={`${classes.pane} ${classes.threadPane}`} aria-label={t('messaging.thread.label')}>
          {thread}
        </section>
      </div>
    </Page>
  );
}
