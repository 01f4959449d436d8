import { useState } from 'react';
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_TITLE_MAX, type MessagingPerson } from '@maillage/contracts';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RemoteSelect } from '../../../components/RemoteSelect';
import { fullName } from '../../../lib/format';
import { messagingApi } from '../api/messaging.api';
import { useStartConversation } from '../hooks/useMessaging';
import classes from './Messages.module.css';

/** "Nouvelle conversation": one person (direct) or several with a title (group). */
export function NewConversationButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [people, setPeople] = useState<MessagingPerson[]>([]);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const start = useStartConversation();
  const group = people.length > 1;

  const close = () => {
    setOpened(false);
    setPeople([]);
    setTitle('');
    setTitleError(null);
    start.reset();
  };

  const submit = () => {
    if (!people.length) return;
    if (group && !title.trim()) {
      setTitleError(t('messaging.new.titleRequired'));
      return;
    }
    const request = group
      ? { kind: 'group' as const, title: title.trim(), personIds: people.map((p) => p.id) }
      : { kind: 'direct' as const, personId: people[0]?.id ?? '' };
    start.mutate(request, { onSuccess: close });
  };

  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t('messaging.new.open')}
      </Button>
      <Dialog opened={opened} onClose={close} title={t('messaging.new.title')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <RemoteSelect<MessagingPerson>
              label={t('messaging.new.person')}
              description={t('messaging.new.personHint')}
              selected={null}
              onSelect={(person) => {
                if (person && !people.some((p) => p.id === person.id)) setPeople([...people, person]);
              }}
              search={(q, signal) => messagingApi.searchPeople(q, signal)}
              cacheKey="messaging-people"
              toOption={(person) => ({ value: person.id, label: fullName(person) })}
            />
            {people.length ? (
              <ul className={classes.plainList} aria-label={t('messaging.new.chosen')}>
                {people.map((person) => (
                  <li key={person.id}>
                    <Group gap={4}>
                      <Text size="sm">{fullName(person)}</Text>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={t('messaging.new.remove', { name: fullName(person) })}
                        onClick={() => setPeople(people.filter((p) => p.id !== person.id))}
                      >
                        <IconX size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </li>
                ))}
              </ul>
            ) : null}
            {group ? (
              <TextInput
                label={t('messaging.new.groupTitle')}
                required
                maxLength={CONVERSATION_TITLE_MAX}
                value={title}
                error={titleError}
                onChange={(event) => {
                  setTitle(event.currentTarget.value);
                  setTitleError(null);
                }}
              />
            ) : null}
            <ErrorAlert error={start.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!people.length} loading={start.isPending}>
                {t('messaging.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
