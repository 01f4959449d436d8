// Dates are always shown in Europe/Paris, in the interface language.
import { TIME_ZONE } from '../config';
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
