import { useState } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/errors';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { authApi } from '../api/auth.api';

/** One click to send the confirmation link again to a known address. */
export function ResendVerificationButton({ email }: { email: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const resend = async () => {
    setState('busy');
    try {
      await authApi.resendVerification(email);
      setState('sent');
      notify.success(t('auth.resend.sent'));
    } catch (error) {
      setState('idle');
      notify.error(errorMessage(error, t));
    }
  };
  if (state === 'sent') return <Text size="sm">{t('auth.resend.sent')}</Text>;
  return (
    <Button size="xs" variant="outline" color="dark" loading={state === 'busy'} onClick={() => void resend()}>
      {t('auth.resend.submit')}
    </Button>
  );
}

/** Asks for the address, then sends the confirmation link again. */
export function ResendVerificationForm() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { email: '' }, validate: { email: rules.email(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async ({ email }) => {
    await authApi.resendVerification(email.trim());
    setSent(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text>{t('auth.resend.intro')}</Text>
        <ErrorAlert error={error} />
        <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {t('auth.resend.submit')}
        </Button>
        {sent ? (
          <Text role="status" fw={600}>
            {t('auth.resend.sent')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
