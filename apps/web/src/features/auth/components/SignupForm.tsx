import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { currentLocale } from '../../../lib/i18n';
import { legalApi, legalKeys, versionsOf } from '../../../lib/legal';
import { rules, useFormSubmit } from '../../../lib/forms';
import { authApi } from '../api/auth.api';
import { PasswordField } from './PasswordField';
import { ResendVerificationButton } from './ResendVerification';

/** Sign-up; the API always answers the same, so the next step is the mailbox. */
export function SignupForm() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { firstName: '', lastName: '', email: '', password: '', consent: false },
    validate: {
      consent: (value) => (value ? null : t('consent.required')),
      firstName: rules.required(t),
      lastName: rules.required(t),
      email: rules.email(t),
      password: rules.newPassword(t),
    },
  });
  // The versions shown with the form are the ones accepted (none while nothing is published).
  const legal = useQuery({ queryKey: legalKeys.versions, queryFn: legalApi.versions });
  const { onSubmit, error, submitting } = useFormSubmit(form, async ({ consent: _consent, ...values }) => {
    const email = values.email.trim();
    const consents = versionsOf(legal.data);
    await authApi.signup({
      ...values,
      email,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      locale: currentLocale(),
      ...(consents.terms && consents.privacy ? { consents } : {}),
    });
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
        <Checkbox
          required
          label={
            <>
              {t('consent.signup')}{' '}
              <Anchor component={Link} to="/conditions-utilisation" target="_blank" inherit>
                {t('legal.terms.title')}
              </Anchor>{' '}
              {t('consent.and')}{' '}
              <Anchor component={Link} to="/confidentialite" target="_blank" inherit>
                {t('legal.privacy.title')}
              </Anchor>
            </>
          }
          {...form.getInputProps('consent', { type: 'checkbox' })}
        />
        <Button type="submit" loading={submitting}>
          {t('auth.signup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
