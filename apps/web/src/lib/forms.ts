// Shared form helpers: submit handling with API errors, and the client-side rules.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { UseFormReturnType } from '@mantine/form';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@maillage/contracts';
import { isApiError } from './api';
import { applyFieldErrors, FieldsToFixError } from './errors';

export interface SubmitOptions {
  /** Return true when the error was fully handled (nothing more to show). */
  onError?: (error: unknown) => boolean | void;
  /** API field name → form field name, when they differ. */
  fieldAliases?: Record<string, string>;
}

/**
 * Wraps a form's submit: runs `action`, maps the API's field errors onto the fields and keeps the
 * error for an <ErrorAlert> (a generic "fix the fields" when every detail found its field). The
 * first invalid field gets the focus. `submitting` is Mantine's own flag.
 */
export function useFormSubmit<Values, Transformed = Values>(
  form: UseFormReturnType<Values, Transformed>,
  action: (values: Transformed) => Promise<unknown>,
  options: SubmitOptions = {},
) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const focusFirst = (fields: string[]) => {
    const first = fields[0];
    if (first) form.getInputNode(first as never)?.focus();
  };
  const onSubmit = form.onSubmit(
    async (values) => {
      setError(null);
      try {
        await action(values);
      } catch (caught) {
        if (options.onError?.(caught)) return;
        const matched = applyFieldErrors(form as never, caught, t, options.fieldAliases);
        const all = isApiError(caught) && matched.length > 0 && matched.length === caught.fieldErrors.length;
        setError(all ? new FieldsToFixError(caught) : caught);
        focusFirst(matched);
      }
    },
    (errors) => focusFirst(Object.keys(errors)),
  );
  return { onSubmit, error, setError, submitting: form.submitting };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Client-side rules returning a translated message or null, for `useForm({ validate })`. */
export const rules = {
  required: (t: TFunction) => (value: unknown) => ((typeof value === 'string' ? value.trim() : value) ? null : t('validation.required')),
  email: (t: TFunction) => (value: string) =>
    !value.trim() ? t('validation.required') : EMAIL.test(value.trim()) ? null : t('validation.email'),
  newPassword: (t: TFunction) => (value: string) => {
    const length = [...value].length;
    if (length < PASSWORD_MIN_LENGTH) return t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    if (length > PASSWORD_MAX_LENGTH) return t('validation.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
    return null;
  },
  url: (t: TFunction) => (value: string) => {
    if (!value.trim()) return null;
    try {
      const parsed = new URL(normalizeUrl(value));
      return /^https?:$/.test(parsed.protocol) && parsed.hostname.includes('.') ? null : t('validation.url');
    } catch {
      return t('validation.url');
    }
  },
};

/** 'www.example.fr' → 'https://www.example.fr'; empty → ''. */
export function normalizeUrl(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** '' → null, for optional text fields sent to the API. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
