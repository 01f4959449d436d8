import { currentLocale } from '../../../lib/i18n';

/** 1536 → '1,5 Ko' (fr) / '1.5 KB' (en). */
export function formatBytes(bytes: number, locale: string = currentLocale()): string {
  const units = locale === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit ? 1 : 0 }).format(value);
  return `${number} ${units[unit]}`;
}
