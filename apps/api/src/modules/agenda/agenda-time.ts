import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { AGENDA_TIME_ZONE, type AgendaRecurrenceFrequency } from '@maillage/contracts';

dayjs.extend(utc);
dayjs.extend(timezone);

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Why a time was refused (see parseAgendaTime). */
export type AgendaTimeError = 'format' | 'impossible' | 'nonexistent';

/**
 * Reads an ISO 8601 date-time: with an offset (or Z) it is an instant; without one it is a Europe/Paris
 * wall-clock time. Impossible dates (31 April, 25:00) and wall-clock times that do not exist in Paris
 * (the hour skipped when daylight saving starts) are refused rather than silently shifted.
 */
export function parseAgendaTime(value: string): Date | AgendaTimeError {
  const m = ISO.exec(value);
  if (!m) return 'format';
  const [, y, mo, d, h, mi, s = '00', offset] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (day.getUTCFullYear() !== +y || day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
    return 'impossible';
  if (offset) return new Date(value);
  const wall = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const local = dayjs.tz(wall, AGENDA_TIME_ZONE);
  if (local.format('YYYY-MM-DDTHH:mm:ss') !== wall) return 'nonexistent';
  return local.toDate();
}

/** The instant in Europe/Paris (ICS generation, formatting). */
export function inParis(date: Date): Dayjs {
  return dayjs(date).tz(AGENDA_TIME_ZONE);
}

/** `YYYY-MM-DDTHH:mm:ss` in Europe/Paris. */
export function parisWallClock(date: Date): string {
  return inParis(date).format('YYYY-MM-DDTHH:mm:ss');
}

/** A readable Europe/Paris date and time for notifications and e-mails. */
export function parisLabel(date: Date, locale: 'fr' | 'en' = 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: AGENDA_TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(date);
}

/**
 * The occurrences of a recurring event: the same Europe/Paris wall-clock time every week or month
 * (so 18:00 stays 18:00 across daylight-saving changes). A monthly occurrence on the 31st falls on the
 * month's last day when the month is shorter.
 */
export function occurrences(
  start: Date,
  end: Date,
  recurrence: { frequency: AgendaRecurrenceFrequency; count: number } | null | undefined,
): { startsAt: Date; endsAt: Date }[] {
  const count = recurrence?.count ?? 1;
  const first = inParis(start);
  const duration = end.getTime() - start.getTime();
  const wall = first.format('HH:mm:ss');
  // Calendar arithmetic on the Paris date alone (UTC has no daylight saving to shift it).
  const day = dayjs.utc(first.format('YYYY-MM-DD'));
  const result: { startsAt: Date; endsAt: Date }[] = [];
  for (let i = 0; i < count; i++) {
    const date = recurrence?.frequency === 'monthly' ? day.add(i, 'month') : day.add(i * 7, 'day');
    const startsAt = dayjs.tz(`${date.format('YYYY-MM-DD')}T${wall}`, AGENDA_TIME_ZONE).toDate();
    result.push({ startsAt, endsAt: new Date(startsAt.getTime() + duration) });
  }
  return result;
}
