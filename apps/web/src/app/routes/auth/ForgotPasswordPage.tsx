import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordForm } from '../../../features/auth/components/PasswordForms';
import { AuthCard } from './AuthCard';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <AuthCard
      title={t('auth.forgot.title')}
      description={t('auth.forgot.lead')}
      footer={
        <Text ta="center">
          <Anchor component={Link} to="/connexion">
            {t('auth.backToLogin')}
          </Anchor>
        </Text>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
