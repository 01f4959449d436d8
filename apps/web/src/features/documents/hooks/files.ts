import {
  IconFile,
  IconFileTypeCsv,
  IconFileTypeDoc,
  IconFileTypePdf,
  IconFileTypePpt,
  IconFileTypeSvg,
  IconFileTypeTxt,
  IconFileTypeXls,
  IconFileTypeZip,
  IconPhoto,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** '340 ko', '2,5 Mo' (French) or '340 kB', '2.5 MB' (English), in multiples of 1,024 as file managers show them. */
export function formatBytes(size: number, locale: string): string {
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

const KINDS: [RegExp, Icon, string][] = [
  [/pdf/, IconFileTypePdf, 'pdf'],
  [/svg/, IconFileTypeSvg, 'image'],
  [/^image\//, IconPhoto, 'image'],
  [/wordprocessing|msword|opendocument\.text|rtf/, IconFileTypeDoc, 'text'],
  [/spreadsheet|ms-excel/, IconFileTypeXls, 'spreadsheet'],
  [/presentation|powerpoint/, IconFileTypePpt, 'presentation'],
  [/csv/, IconFileTypeCsv, 'spreadsheet'],
  [/^text\//, IconFileTypeTxt, 'text'],
  [/zip/, IconFileTypeZip, 'archive'],
];

/** The icon and the kind ('pdf', 'image', 'text'…: a translation key under documents.kinds) of a file type. */
export function fileKind(mimeType: string): { icon: Icon; kind: string } {
  const found = KINDS.find(([pattern]) => pattern.test(mimeType));
  return found ? { icon: found[1], kind: found[2] } : { icon: IconFile, kind: 'other' };
}

/** Upload and library errors in the library's words (file limits, unsafe files), else the common messages. */
export function documentErrorMessage(error: unknown, t: TFunction, maxBytes: number, locale: string): string {
  if (isApiError(error)) {
    const key = `documents.errors.${error.code}`;
    if (i18n.exists(key)) return t(key, { max: formatBytes(maxBytes, locale) });
  }
  return errorMessage(error, t);
}
