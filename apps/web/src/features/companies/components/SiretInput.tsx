import { TextInput, type TextInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { isValidSiret, normalizeIdentifier } from '@maillage/referentials/identifiers';

/** Groups the digits as they are typed: '73282932000074' → '732 829 320 00074'. */
export function formatSiretInput(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 14);
  return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 9), digits.slice(9)].filter(Boolean).join(' ');
}

/** Client-side SIRET rule: 14 digits whose check digits are right. */
export function siretError(value: string, t: TFunction): string | null {
  const digits = normalizeIdentifier(value);
  if (!digits) return t('validation.required');
  if (!/^\d{14}$/.test(digits)) return t('validation.siretLength');
  return isValidSiret(digits) ? null : t('validation.siretChecksum');
}

interface SiretInputProps extends Omit<TextInputProps, 'onChange' | 'value'> {
  value?: string;
  onChange?: (value: string) => void;
}

/** A SIRET field that shows the digits grouped as on official documents. */
export function SiretInput({ value = '', onChange, ...props }: SiretInputProps) {
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      maxLength={17}
      {...props}
      value={formatSiretInput(value)}
      onChange={(event) => onChange?.(formatSiretInput(event.currentTarget.value))}
    />
  );
}
