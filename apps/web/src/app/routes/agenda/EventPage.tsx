import { Anchor, Badge, Breadcrumbs, Button, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarDown, IconMapPin, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AgendaEvent } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ImageDropzone } from '../../../components/ImageDropzone';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { AttendeesPanel } from '../../../features/agenda/components/AttendeesPanel';
import { RegistrationPanel } from '../../../features/agenda/components/RegistrationPanel';
import { agendaApi } from '../../../features/agenda/api/agenda.api';
import { editEventPath } from '../../../features/agenda/hooks/paths';
import { useAgendaEvent, useRefreshAgenda } from '../../../features/agenda/hooks/useAgenda';
import { PostHtml } from '../../../components/markdown/PostHtml';
import { networkPath } from '../../../config/paths/networks';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import NotFoundPage from '../NotFoundPage';

const STATUS_COLORS = { draft: 'gray', proposed: 'orange', published: 'teal', cancelled: 'red' } as const;

/** 'samedi 12 décembre 2026, 18:00 – 21:00' (Europe/Paris). */
function useWhen(event: AgendaEvent): string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', dateStyle: 'full' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', timeStyle: 'short' });
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

function EventDetails({ event, checkInCode }: { event: AgendaEvent; checkInCode: string | null }) {
  const { t } = useTranslation();
  const refresh = useRefreshAgenda();
  const when = useWhen(event);
  const saved = () => refresh(event.id);
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('agenda.event.breadcrumbs')} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={networkPath(event.network, 'agenda')}>
          {event.network.name}
        </Anchor>
        <Text size="sm">{event.title}</Text>
      </Breadcrumbs>
      <Group gap="xs">
        <Badge color={STATUS_COLORS[event.status]} variant="light">
          {t(`agenda.statuses.${event.status}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`agenda.formats.${event.format}`)}
        </Badge>
        {event.sharedWith.map((n) => (
          <Badge key={n.id} variant="outline" color="indigo">
            {t('agenda.event.sharedWith', { name: n.name })}
          </Badge>
        ))}
      </Group>
      {event.coverUrl ? <Image src={event.coverUrl} alt="" radius="md" mah={280} fit="cover" /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SectionCard id="event-practical" title={t('agenda.event.practical')}>
          <Stack gap="xs">
            <Text fw={600}>{when}</Text>
            {event.format === 'in_person' ? (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconMapPin size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text>{[event.address, event.communeName].filter(Boolean).join(', ')}</Text>
              </Group>
            ) : (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconVideo size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                {event.onlineUrl ? (
                  <Anchor href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
                    {t('agenda.event.join')}
                  </Anchor>
                ) : (
                  <Text>{t('agenda.event.linkForRegistered')}</Text>
                )}
              </Group>
            )}
            <Text size="sm">
              {event.capacity === null
                ? t('agenda.event.registeredNoLimit', { count: event.registeredCount })
                : t('agenda.event.seats', {
                    registered: t('agenda.event.registeredNoLimit', { count: event.registeredCount }),
                    places: t('agenda.event.places', { count: event.capacity }),
                  })}
              {event.waitlistCount ? ` · ${t('agenda.event.waitlist', { count: event.waitlistCount })}` : ''}
            </Text>
            {event.registrationDeadline ? (
              <Text size="sm">{t('agenda.event.deadline', { date: formatDateTime(event.registrationDeadline) })}</Text>
            ) : null}
            <Anchor href={agendaApi.eventIcsUrl(event.id)} download size="sm">
              <IconCalendarDown size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 6 }} />
              {t('agenda.event.ics')}
            </Anchor>
          </Stack>
        </SectionCard>
        <SectionCard id="event-registration" title={t('agenda.event.registration')}>
          <RegistrationPanel event={event} />
        </SectionCard>
      </SimpleGrid>
      {event.descriptionHtml ? (
        <SectionCard id="event-description" title={t('agenda.event.about')}>
          <PostHtml html={event.descriptionHtml} />
        </SectionCard>
      ) : null}
      {event.canManage ? (
        <>
          <SectionCard id="event-attendees" title={t('agenda.attendees.title')}>
            <AttendeesPanel event={event} checkInCode={checkInCode} />
          </SectionCard>
          <SectionCard id="event-manage" title={t('agenda.event.manage')}>
            <Stack gap="md">
              <ImageDropzone
                label={t('agenda.event.cover')}
                imageUrl={event.coverUrl}
                fallback={event.title.slice(0, 2).toUpperCase()}
                chooseLabel={t('agenda.event.chooseCover')}
                removeLabel={t('agenda.event.removeCover')}
                onUpload={(file) => agendaApi.uploadCover(event.id, file).then(saved)}
                onRemove={() => agendaApi.removeCover(event.id).then(saved)}
              />
              <Group gap="sm">
                {event.status !== 'cancelled' ? (
                  <Button component={Link} to={editEventPath(event.id)} variant="default">
                    {t('agenda.event.edit')}
                  </Button>
                ) : null}
                {event.status === 'draft' || event.status === 'proposed' ? (
                  <Button
                    onClick={async () => {
                      await agendaApi.publish(event.id);
                      notify.success(t('agenda.event.published'));
                      await saved();
                    }}
                  >
                    {event.status === 'proposed' ? t('agenda.event.approve') : t('agenda.event.publish')}
                  </Button>
                ) : null}
                {event.status !== 'cancelled' ? (
                  <ConfirmButton
                    color="red"
                    variant="light"
                    title={t('agenda.event.cancelTitle')}
                    message={t('agenda.event.cancelMessage')}
                    confirmLabel={t('agenda.event.cancelConfirm')}
                    onConfirm={async () => {
                      await agendaApi.cancel(event.id);
                      notify.success(t('agenda.event.cancelled'));
                      await saved();
                    }}
                  >
                    {t('agenda.event.cancel')}
                  </ConfirmButton>
                ) : null}
              </Group>
            </Stack>
          </SectionCard>
        </>
      ) : null}
    </Stack>
  );
}

/** /evenements/:id — an event: practical details, registration, and for its managers attendees and actions. */
export default function EventPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const event = useAgendaEvent(id);
  // The address inside a registration's QR code: organisers who open it check the person in.
  const checkInCode = useSearchParams()[0].get('code');
  if (isApiError(event.error, 404) || isApiError(event.error, 400)) return <NotFoundPage />;
  return (
    <Page title={event.data?.title ?? t('agenda.event.loading')}>
      <QueryContent query={event} loading={<LoadingLines lines={8} />}>
        {(loaded) => <EventDetails event={loaded} checkInCode={checkInCode} />}
      </QueryContent>
    </Page>
  );
}
