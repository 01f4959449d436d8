import { TIME_ZONE } from '../../../config';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Europe/Paris wall-clock time, 'YYYY-MM-DD HH:mm:ss' (what Mantine's date pickers hold). */
export function toParisWallClock(value: string | Date): string {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * A picker's wall-clock value ('YYYY-MM-DD HH:mm:ss') as the API reads it: an ISO date-time without an
 * offset, which the API interprets in Europe/Paris (and refuses when the hour does not exist there).
 */
export function wallClockToApi(value: string): string {
  return value.trim().replace(' ', 'T').slice(0, 16);
}

/** The first and last days around a month, for the agenda queries (Paris dates, without offset). */
export function rangeAround(date: Date, monthsBefore = 1, monthsAfter = 2): { from: string; to: string } {
  const from = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBefore, 1));
  const to = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsAfter + 1, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: `${day(from)}T00:00`, to: `${day(to)}T00:00` };
}
