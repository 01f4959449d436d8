import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { authApi } from '../api/auth.api';
import { useSessionActions } from '../../../lib/session';
import { ResendVerificationForm } from './ResendVerification';

/** Sends the token of the confirmation link once: the person is then signed in and welcomed; otherwise offers to resend the link. */
export function VerifyEmail({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const { signedIn } = useSessionActions();
  const verify = useMutation({ mutationFn: authApi.verifyEmail, onSuccess: (user) => signedIn(user) });
  const sent = useRef(false);

  useEffect(() => {
    // Once only (a token works a single time, and StrictMode runs effects twice).
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  if (verify.isSuccess) {
    return (
      <Alert role="status" color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('auth.verify.successTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text>{t('auth.verify.successText', { name: verify.data.firstName })}</Text>
          <Group gap="sm">
            <Button component={Link} to="/">
              {t('auth.verify.home')}
            </Button>
            <Button component={Link} to="/entreprises" variant="default">
              {t('auth.verify.companies')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (token && !verify.isError) {
    return (
      <Group role="status" gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{t('auth.verify.pending')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="lg">
      {verify.isError ? (
        <ErrorAlert error={verify.error} title={t('auth.verify.failedTitle')} />
      ) : (
        <Alert role="alert" color="red" variant="light">
          {t('auth.verify.missingToken')}
        </Alert>
      )}
      <ResendVerificationForm />
    </Stack>
  );
}
