import { Alert, Badge, Button, Group, Image, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCheckInCode, type AgendaEvent } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { useSession } from '../../../lib/session';
import { agendaApi } from '../api/agenda.api';
import { useRefreshAgenda } from '../hooks/useAgenda';

/** The caller's registration: the form (with the event's questions), their status or waitlist position, cancellation. */
export function RegistrationPanel({ event }: { event: AgendaEvent }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const refresh = useRefreshAgenda();
  const form = useForm<{ answers: Record<string, string> }>({
    initialValues: { answers: Object.fromEntries(event.questions.map((q) => [q.id, ''])) },
    validate: {
      answers: Object.fromEntries(
        event.questions.map((q) => [q.id, (value: string) => (q.required && !value?.trim() ? t('validation.required') : null)]),
      ),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const answers = Object.fromEntries(Object.entries(values.answers).filter(([, v]) => v.trim()));
    const result = await agendaApi.register(event.id, answers);
    notify.success(
      result.status === 'registered'
        ? t('agenda.registration.registered')
        : t('agenda.registration.waitlisted', { position: result.waitlistPosition }),
    );
    await refresh(event.id);
  });
  const registered = event.myStatus === 'registered';
  const waitlisted = event.myStatus === 'waitlisted';
  if (registered || waitlisted) {
    return (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={registered ? 'teal' : 'orange'} size="lg" variant="light">
            {registered
              ? t('agenda.registration.youAreRegistered')
              : t('agenda.registration.yourPosition', { position: event.myWaitlistPosition })}
          </Badge>
        </Group>
        {waitlisted ? <Text size="sm">{t('agenda.registration.waitlistHint')}</Text> : null}
        {event.myCheckIn ? (
          <Paper withBorder radius="md" p="sm" style={{ alignSelf: 'flex-start' }}>
            <Stack gap={4} align="center">
              <Text size="sm" fw={600}>
                {t('agenda.registration.qrTitle')}
              </Text>
              <Image src={event.myCheckIn.qrUrl} w={180} h={180} alt={t('agenda.registration.qrAlt')} />
              <Text ff="monospace" size="md" style={{ letterSpacing: 1 }} data-testid="my-check-in-code">
                {formatCheckInCode(event.myCheckIn.code)}
              </Text>
              <Text size="xs" c="dimmed" ta="center" maw={220}>
                {t('agenda.registration.qrHint')}
              </Text>
            </Stack>
          </Paper>
        ) : null}
        {event.status === 'published' ? (
          <ConfirmButton
            variant="default"
            color="red"
            style={{ alignSelf: 'flex-start' }}
            title={t('agenda.registration.cancelTitle')}
            message={t('agenda.registration.cancelMessage', { title: event.title })}
            confirmLabel={t('agenda.registration.cancelConfirm')}
            onConfirm={async () => {
              await agendaApi.unregister(event.id);
              notify.success(t('agenda.registration.cancelled'));
              await refresh(event.id);
            }}
          >
            {t('agenda.registration.cancel')}
          </ConfirmButton>
        ) : null}
      </Stack>
    );
  }
  if (!user) {
    return (
      <Text>
        <Link to={`/connexion?next=${encodeURIComponent(`/evenements/${event.id}`)}`}>{t('agenda.registration.signIn')}</Link>
      </Text>
    );
  }
  if (!event.canRegister) {
    return (
      <Alert color="gray" variant="light">
        {t(`agenda.registration.closed.${event.registrationClosed ?? 'not_published'}`)}
      </Alert>
    );
  }
  const full = event.capacity !== null && event.registeredCount >= event.capacity;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        {full ? <Text size="sm">{t('agenda.registration.fullHint')}</Text> : null}
        {event.questions.map((q) =>
          q.kind === 'choice' ? (
            <Radio.Group key={q.id} label={q.label} required={q.required} {...form.getInputProps(`answers.${q.id}`)}>
              <Group mt={6} gap="md">
                {q.choices.map((choice) => (
                  <Radio key={choice} value={choice} label={choice} />
                ))}
              </Group>
            </Radio.Group>
          ) : (
            <Textarea
              key={q.id}
              label={q.label}
              required={q.required}
              autosize
              minRows={1}
              maxLength={1000}
              {...form.getInputProps(`answers.${q.id}`)}
            />
          ),
        )}
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {full ? t('agenda.registration.joinWaitlist') : t('agenda.registration.register')}
        </Button>
      </Stack>
    </form>
  );
}
