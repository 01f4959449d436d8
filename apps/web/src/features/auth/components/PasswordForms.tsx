import { useState } from 'react';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, useFormSubmit } from '../../../lib/forms';
import { authApi } from '../api/auth.api';
import { PasswordField } from './PasswordField';

/** "Forgot password": always the same answer, whether the address is known or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { email: '' }, validate: { email: rules.email(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async ({ email }) => {
    await authApi.forgotPassword(email.trim());
    setSent(true);
  });
  if (sent) {
    return (
      <Alert role="status" color="teal" variant="light" title={t('auth.forgot.sentTitle')}>
        {t('auth.forgot.sentText')}
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <Button type="submit" loading={submitting}>
          {t('auth.forgot.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** A new password from the link of the reset e-mail. */
export function ResetPasswordForm({ token, onSuccess }: { token: string; onSuccess: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { password: '' }, validate: { password: rules.newPassword(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async ({ password }) => {
    await authApi.resetPassword({ token, password });
    onSuccess();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <PasswordField isNew label={t('fields.newPassword')} required {...form.getInputProps('password')} />
        <Button type="submit" loading={submitting}>
          {t('auth.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** Changing the password closes every session: `onSuccess` sends the person to the login page. */
export function ChangePasswordForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { currentPassword: rules.required(t), newPassword: rules.newPassword(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    await authApi.changePassword(values);
    onSuccess();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={480}>
        <ErrorAlert error={error} />
        <PasswordField label={t('fields.currentPassword')} required {...form.getInputProps('currentPassword')} />
        <PasswordField isNew label={t('fields.newPassword')} required {...form.getInputProps('newPassword')} />
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {t('auth.change.submit')}
        </Button>
      </Stack>
    </form>
  );
}
