import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../../../features/auth/components/PasswordForms';
import { useSessionActions } from '../../../lib/session';
import { AuthCard } from './AuthCard';
import type { LoginNotice } from './LoginPage';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSessionActions();
  const token = useSearchParams()[0].get('token');
  return (
    <AuthCard title={t('auth.reset.title')} description={token ? t('auth.reset.lead') : undefined}>
      {token ? (
        <ResetPasswordForm
          token={token}
          onSuccess={() => {
            // Every session was closed, this browser's included.
            session.signedOut();
            navigate('/connexion', { state: { notice: 'passwordReset' satisfies LoginNotice } });
          }}
        />
      ) : (
        <Stack gap="sm">
          <Alert role="alert" color="red" variant="light">
            {t('auth.reset.missingToken')}
          </Alert>
          <Anchor component={Link} to="/mot-de-passe-oublie">
            {t('auth.reset.askAgain')}
          </Anchor>
        </Stack>
      )}
    </AuthCard>
  );
}
