// API errors → translated, human messages; field errors → form fields.
import type { TFunction } from 'i18next';
import type { FieldError } from '@maillage/contracts';
import { isApiError } from './api';
import { i18n } from './i18n';

/** 'must be a valid e-mail address' → 'must_be_a_valid_e_mail_address' (a translation key). */
function messageKey(message: string): string {
  return message
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Stands for an API error whose details were all shown next to the form's fields. */
export class FieldsToFixError extends Error {
  constructor(readonly original: unknown) {
    super('Some fields need to be corrected');
  }
}

/** A user-facing message for anything a request may throw. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof FieldsToFixError) return t('errors.fieldsToFix');
  if (isApiError(error)) {
    if (error.code === 'TOO_MANY_REQUESTS') {
      const seconds = error.detail<number>('retryAfterSeconds');
      if (seconds) return t('errors.tooManyRequestsRetry', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    const key = `errors.codes.${error.code}`;
    if (i18n.exists(key)) return t(key);
    if (error.status >= 500) return t('errors.server');
    return error.message;
  }
  // fetch() rejects with a TypeError when the network is down.
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unknown');
}

/** The messages of one field, translated when they are known. */
export function fieldErrorText(fieldError: FieldError, t: TFunction): string {
  return fieldError.messages
    .map((message) => {
      const key = `errors.fields.${messageKey(message)}`;
      return i18n.exists(key) ? t(key) : message;
    })
    .join(' ');
}

/** The subset of a form that receives server-side field errors. */
export interface FieldErrorTarget {
  getValues: () => object;
  setFieldError: (path: never, error: string) => void;
}

/**
 * Puts field errors on the matching form fields (`aliases` renames API fields, e.g. nafCode → naf);
 * returns the form fields that received an error.
 */
export function applyFieldErrors(form: FieldErrorTarget, error: unknown, t: TFunction, aliases: Record<string, string> = {}): string[] {
  if (!isApiError(error)) return [];
  const values = form.getValues();
  const matched: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const field = aliases[fieldError.field] ?? fieldError.field;
    if (field in values) {
      form.setFieldError(field as never, fieldErrorText(fieldError, t));
      matched.push(field);
    }
  }
  return matched;
}
