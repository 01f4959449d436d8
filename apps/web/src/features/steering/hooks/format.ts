// Numbers of the steering pages, in the interface language (Europe/Paris for dates).
import { TIME_ZONE } from '../../../config';
import { currentLocale } from '../../../lib/i18n';

const intlLocale = () => (currentLocale() === 'fr' ? 'fr-FR' : 'en-GB');

/** 12345 → '12 345' (fr); null → '—'. */
export function formatNumber(value: number | null | undefined, maximumFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits }).format(value);
}

/** 0.425 → '43 %' (fr) / '43%' (en); null → '—'. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** 1500 → '1 500 €'; null → '—'. */
export function formatEuros(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'EUR', maximumFractionDigits: value % 1 ? 2 : 0 }).format(
    value,
  );
}

/** +3 / −2 / 0 with a real minus sign. */
export function formatSigned(value: number): string {
  const text = formatNumber(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** '2026-03' → 'mars 2026' (long) or 'mars 26' (short, for chart axes). */
export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const [year, index] = month.split('-').map(Number);
  if (!year || !index) return month;
  // Mid-month at noon UTC: the same month in Europe/Paris whatever the offset.
  const date = new Date(Date.UTC(year, index - 1, 15, 12));
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone: TIME_ZONE,
    month: style === 'long' ? 'long' : 'short',
    year: style === 'long' ? 'numeric' : '2-digit',
  }).format(date);
}

/** A calendar day 'YYYY-MM-DD' → '7 décembre 2026' (no time zone shift: it is a day, not an instant). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  const text = new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
  // French writes the first of the month as an ordinal: « 1er janvier ».
  return currentLocale() === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** Today in Europe/Paris, 'YYYY-MM-DD'. */
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The current year in Europe/Paris. */
export function currentYear(now: Date = new Date()): number {
  return Number(todayInParis(now).slice(0, 4));
}

/** Median hours → '5 h' under two days, else '3 j' (fr) / '3 d'. */
export function formatHours(hours: number | null | undefined, dayUnit: string, hourUnit: string): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '—';
  return hours < 48 ? `${formatNumber(hours)} ${hourUnit}` : `${formatNumber(hours / 24)} ${dayUnit}`;
}
