import { useMemo, useRef, useState } from 'react';
import { Alert, Box, Group, Loader, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import type { DatesSetArg, EventClickArg, EventInput } from '@fullcalendar/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AgendaEventSummary } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TIME_ZONE } from '../../../config';
import type { AgendaQuery } from '../api/agenda.api';
import { useAgendaEvents } from '../hooks/useAgenda';
import { eventPath } from '../hooks/paths';
import classes from './AgendaCalendar.module.css';

const STATUS_COLORS: Record<AgendaEventSummary['status'], string> = {
  published: '#1c5ea8',
  draft: '#5c5f66',
  proposed: '#8a5300',
  cancelled: '#868e96',
};

/** What the calendar shows of an event: Europe/Paris wall-clock times (the calendar's time zone). */
export function toCalendarEvent(event: AgendaEventSummary, t: (key: string) => string): EventInput {
  const prefix = event.status === 'published' ? '' : `[${t(`agenda.statuses.${event.status}`)}] `;
  return {
    id: event.id,
    title: `${prefix}${event.title}`,
    start: event.localStartsAt,
    end: event.localEndsAt,
    url: eventPath(event.id),
    backgroundColor: STATUS_COLORS[event.status],
    borderColor: STATUS_COLORS[event.status],
    textColor: '#ffffff',
    classNames: event.status === 'cancelled' ? [classes.cancelled] : [],
  };
}

interface AgendaCalendarProps {
  /** The query without its period (the calendar adds the visible one). */
  query: Omit<AgendaQuery, 'from' | 'to'>;
  /** Accessible name of the calendar region. */
  label: string;
}

/** Month, week and list views (FullCalendar) in Europe/Paris, in the interface language; opening an event leads to its page. */
export function AgendaCalendar({ query, label }: AgendaCalendarProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const box = useRef<HTMLElement>(null);
  const events = useAgendaEvents(range ? { ...query, ...range } : null);
  const items = useMemo(() => (events.data ?? []).map((e) => toCalendarEvent(e, t)), [events.data, t]);
  const onDates = (arg: DatesSetArg) => {
    // The toolbar's chevrons are decorative (each button has its own name): hidden from assistive technologies.
    queueMicrotask(() => box.current?.querySelectorAll('.fc-icon').forEach((icon) => icon.setAttribute('aria-hidden', 'true')));
    const next = { from: arg.startStr.slice(0, 16), to: arg.endStr.slice(0, 16) };
    setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  };
  const onClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    if (arg.event.url) navigate(arg.event.url);
  };
  return (
    <Box component="section" aria-label={label} className={classes.calendar} ref={box}>
      <Group justify="flex-end" h={24} mb={4}>
        {events.isFetching ? <Loader size="xs" aria-label={t('agenda.loading')} /> : null}
        {events.isSuccess && !events.isFetching ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('agenda.eventCount', { count: events.data.length })}
          </Text>
        ) : null}
      </Group>
      {events.isError ? <ErrorAlert error={events.error} onRetry={() => void events.refetch()} /> : null}
      <FullCalendar
        key={phone ? 'phone' : 'desktop'}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin]}
        initialView={phone ? 'listUpcoming' : 'dayGridMonth'}
        views={{ listUpcoming: { type: 'list', duration: { days: 90 }, buttonText: t('agenda.views.list') } }}
        headerToolbar={
          phone
            ? { left: 'prev,next', center: 'title', right: 'today' }
            : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listUpcoming' }
        }
        footerToolbar={phone ? { center: 'dayGridMonth,timeGridWeek,listUpcoming' } : undefined}
        locale={i18n.language === 'en' ? enGbLocale : frLocale}
        timeZone={TIME_ZONE}
        events={items}
        datesSet={onDates}
        eventClick={onClick}
        height="auto"
        firstDay={1}
        nowIndicator
        dayMaxEvents={3}
        slotMinTime="07:00:00"
        slotMaxTime="22:00:00"
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        noEventsText={t('agenda.empty')}
      />
      {events.isSuccess && !events.data.length ? (
        <Alert color="gray" variant="light" mt="sm">
          {t('agenda.emptyPeriod')}
        </Alert>
      ) : null}
    </Box>
  );
}
