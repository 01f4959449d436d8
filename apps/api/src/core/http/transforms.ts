import { Transform } from 'class-transformer';

/** Trims strings and normalises them to NFC; other types pass through for the validators to reject. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));

/** Like Trim, and turns an empty string into null (optional text fields that can be cleared). */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const v = value.normalize('NFC').trim();
    return v === '' ? null : v;
  });

/** Trims each string of an array and drops empty and duplicate entries. */
export const TrimList = () =>
  Transform(({ value }) =>
    Array.isArray(value)
      ? [...new Set(value.map((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v)).filter((v) => v !== ''))]
      : value,
  );
