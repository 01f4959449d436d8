import { currentLocale } from '../../../lib/i18n';

const intlLocale = () => (currentLocale() === 'fr' ? 'fr-FR' : 'en-GB');

/** 12345 → '12 345' (fr) / '12,345' (en). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

const SIZE_UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/** A file size in kilo-, mega- or gigabytes: '3,6 ko', '12,3 Mo' (fr) / '12.3 MB' (en). */
export function formatSize(bytes: number): string {
  const [unit, size] = SIZE_UNITS.find(([, size]) => bytes >= size) ?? SIZE_UNITS[2];
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
}
