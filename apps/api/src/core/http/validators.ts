import { registerDecorator, type ValidationOptions } from 'class-validator';
import { findCommune, findHeadcountBand, findLegalForm, findNaf, isValidSiret } from '@maillage/referentials';

function check(name: string, message: string, test: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (object: object, propertyName: string | symbol) =>
      registerDecorator({
        name,
        target: object.constructor,
        propertyName: String(propertyName),
        options: { message, ...options },
        validator: { validate: test },
      });
}

const str = (f: (s: string) => boolean) => (v: unknown) => typeof v === 'string' && f(v);

/** 14 digits with valid check digits (La Poste's exception included). */
export const IsSiret = check('isSiret', 'must be a valid SIRET (14 digits, check digits)', str(isValidSiret));
/** A NAF rev.2 sub-class of the official list, such as 25.62B. */
export const IsNafCode = check(
  'isNafCode',
  'must be a NAF rev.2 code of the official list (e.g. 25.62B)',
  str((s) => findNaf(s) !== null),
);
/** A current INSEE commune code. */
export const IsCommuneCode = check(
  'isCommuneCode',
  'must be the INSEE code of a current commune',
  str((s) => findCommune(s) !== null),
);
export const IsHeadcountBand = check(
  'isHeadcountBand',
  'must be an INSEE headcount band code',
  str((s) => findHeadcountBand(s) !== null),
);
export const IsLegalForm = check(
  'isLegalForm',
  'must be an INSEE legal category code',
  str((s) => findLegalForm(s) !== null),
);

// Line breaks and every other control or separator character (C0, DEL, C1, U+2028/2029): a name or a title
// is written into headers, calendar lines and CSV cells, where a line break starts a new field.
const NOT_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A single-line text (names, titles, labels, subjects): no line break, tab or other control character. */
export const SingleLine = check('singleLine', 'must be a single line of text (no line breaks or control characters)', (v) =>
  Array.isArray(v) ? v.every((s) => typeof s !== 'string' || !NOT_SINGLE_LINE.test(s)) : typeof v !== 'string' || !NOT_SINGLE_LINE.test(v),
);
