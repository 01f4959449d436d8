import { useState } from 'react';
import { Alert, Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { currentLocale } from '../../../lib/i18n';
import { rules, useFormSubmit } from '../../../lib/forms';
import { authApi } from '../api/auth.api';
import { PasswordField } from './PasswordField';
import { ResendVerificationButton } from './ResendVerification';

/** Sign-up; the API always answers the same, so the next step is the mailbox. */
export function SignupForm() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { firstName: '', lastName: '', email: '', password: '' },
    validate: {
      firstName: rules.required(t),
      lastName: rules.required(t),
      email: rules.email(t),
      password: rules.newPassword(t),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const email = values.email.trim();
    await authApi.signup({ ...values, email, firstName: values.firstName.trim(), lastName: values.lastName.trim(), locale: currentLocale() });
    setSentTo(email);
  });

  if (sentTo) {
    return (
      <Alert role="status" color="teal" variant="light" icon={<IconMailCheck aria-hidden />} title={t('auth.signup.sentTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text>{t('auth.signup.sentText', { email: sentTo })}</Text>
          <ResendVerificationButton email={sentTo} />
        </Stack>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.firstName')} autoComplete="given-name" required {...form.getInputProps('firstName')} />
          <TextInput label={t('fields.lastName')} autoComplete="family-name" required {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordField isNew label={t('fields.password')} required {...form.getInputProps('password')} />
        <Button type="submit" loading={submitting}>
          {t('auth.signup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
