// Dates are always shown in Europe/Paris, in the interface language.
import { TIME_ZONE } from '../config';
import i18n from 'i18next';
import { currentLocale } from './i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: TIME_ZONE, ...options });
    formatters.set(key, cached);
  }
  return cached;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** '26 novembre 2025' */
export function formatDate(value: string | Date, locale: string = currentLocale()): string {
  const date = toDate(value);
  return date ? formatter(locale, { dateStyle: 'long' }).format(date) : '';
}

/** '26/11/2025 17:02' */
export function formatDateTime(value: string | Date, locale: string = currentLocale()): string {
  const date = toDate(value);
  return date ? formatter(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date) : '';
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
];

/** 'à l’instant', 'il y a 5 minutes', 'hier'; after a week, the date and time (Europe/Paris). */
export function relativeTime(value: string, locale: string = currentLocale(), now: number = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  if (Number.isNaN(seconds) || -seconds >= 7 * 86_400) return formatDateTime(value, locale);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // Intl says « cette minute-ci »: people say « à l’instant ».
  if (-seconds < 60) return i18n.t('dates.justNow', { lng: locale });
  let chosen = UNITS[0];
  for (const unit of UNITS) if (-seconds >= unit[1]) chosen = unit;
  return format.format(Math.round(seconds / chosen[1]), chosen[0]);
}
