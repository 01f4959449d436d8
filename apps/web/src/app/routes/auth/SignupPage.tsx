import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { SignupForm } from '../../../features/auth/components/SignupForm';
import { useSession } from '../../../lib/session';
import { AuthCard } from './AuthCard';

export default function SignupPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user) return <Navigate to="/" replace />;
  return (
    <AuthCard
      title={t('auth.signup.title')}
      description={t('auth.signup.lead')}
      footer={
        <Text ta="center">
          {t('auth.signup.haveAccount')}{' '}
          <Anchor component={Link} to="/connexion">
            {t('auth.signup.loginLink')}
          </Anchor>
        </Text>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
