import { currentLocale } from '../../../lib/i18n';

const intlLocale = () => (currentLocale() === 'fr' ? 'fr-FR' : 'en-GB');

/** 12345 → '12 345' (fr) / '12,345' (en). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** Large files in megabytes: '12,3 Mo' (fr) / '12.3 MB' (en). */
export function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  );
}
