import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api';
import { rules, useFormSubmit } from '../../../lib/forms';
import { authApi } from '../api/auth.api';
import { useSessionActions } from '../../../lib/session';
import { PasswordField } from './PasswordField';
import { ResendVerificationButton } from './ResendVerification';
import { TwoFactorCodeField } from './TwoFactor';

/** An unconfirmed address: the API refuses to open the session (403). */
function isUnverified(error: unknown): boolean {
  return isApiError(error) && (error.code === 'EMAIL_NOT_VERIFIED' || error.status === 403);
}

/** The second step of a sign-in: a code from the app or a recovery code. */
function TwoFactorStep({ onSuccess, onRestart }: { onSuccess: (user: SessionUser) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const session = useSessionActions();
  const form = useForm({ initialValues: { code: '' }, validate: { code: rules.required(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const user = await authApi.loginTwoFactor(values.code.trim());
    session.signedIn(user);
    onSuccess(user);
  });
  const expired = isApiError(error) && error.code === 'TWO_FACTOR_CHALLENGE_EXPIRED';
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="two-factor-step">
      <Stack gap="md">
        <Text fw={600} id="two-factor-step">
          {t('accounts.login.codeTitle')}
        </Text>
        <Text size="sm">{t('accounts.login.codeText')}</Text>
        <ErrorAlert error={error} />
        <TwoFactorCodeField inputMode="text" autoFocus {...form.getInputProps('code')} />
        <Button type="submit" loading={submitting}>
          {t('accounts.login.verify')}
        </Button>
        <Button variant="subtle" onClick={onRestart}>
          {expired ? t('accounts.login.restartExpired') : t('accounts.login.restart')}
        </Button>
      </Stack>
    </form>
  );
}

/** E-mail + password (then a code when the account has two-factor sign-in); an unverified address gets a "send the link again" button. */
export function LoginForm({ onSuccess }: { onSuccess: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const session = useSessionActions();
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  const [codeAsked, setCodeAsked] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: rules.email(t), password: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(
    form,
    async (values) => {
      setUnverifiedEmail(null);
      const user = await authApi.login({ email: values.email.trim(), password: values.password });
      if ('twoFactorRequired' in user) {
        setCodeAsked(true);
        return;
      }
      session.signedIn(user);
      onSuccess(user);
    },
    {
      onError: (caught) => {
        if (!isUnverified(caught)) return false;
        setUnverifiedEmail(form.getValues().email.trim());
        return true;
      },
    },
  );

  if (codeAsked) {
    return (
      <TwoFactorStep
        onSuccess={onSuccess}
        onRestart={() => {
          form.setFieldValue('password', '');
          setCodeAsked(false);
        }}
      />
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {unverifiedEmail ? (
          <Alert role="alert" color="orange" variant="light" title={t('auth.unverified.title')}>
            <Stack gap="xs" align="flex-start">
              {t('auth.unverified.text')}
              <ResendVerificationButton email={unverifiedEmail} />
            </Stack>
          </Alert>
        ) : null}
        <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <Stack gap={4}>
          <PasswordField label={t('fields.password')} required {...form.getInputProps('password')} />
          <Group justify="flex-end">
            <Anchor component={Link} to="/mot-de-passe-oublie" size="sm">
              {t('auth.login.forgot')}
            </Anchor>
          </Group>
        </Stack>
        <Button type="submit" loading={submitting}>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
