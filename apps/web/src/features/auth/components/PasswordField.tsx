import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@maillage/contracts';

interface PasswordFieldProps extends PasswordInputProps {
  /** A new password: shows the rule and lets password managers suggest one. */
  isNew?: boolean;
}

/** A password input with a labelled show/hide toggle; new passwords show the rule. */
export function PasswordField({ isNew, ...props }: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      autoComplete={isNew ? 'new-password' : 'current-password'}
      description={isNew ? t('password.hint', { min: PASSWORD_MIN_LENGTH }) : undefined}
      maxLength={PASSWORD_MAX_LENGTH}
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
      {...props}
    />
  );
}
