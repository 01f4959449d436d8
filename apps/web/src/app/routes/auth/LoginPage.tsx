import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../../features/auth/components/LoginForm';
import { useSession } from '../../../features/auth/hooks/useSession';
import { safeNextPath } from '../../../lib/safe-next';
import { AuthCard } from './AuthCard';

/** Why the person lands here after another page (see navigate(..., { state })). */
export type LoginNotice = 'passwordChanged' | 'passwordReset';

export default function LoginPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: LoginNotice } | null)?.notice;
  const next = safeNextPath(params.get('next'));

  if (user) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title={t('auth.login.title')}
      footer={
        <Text ta="center">
          {t('auth.login.noAccount')}{' '}
          <Anchor component={Link} to="/inscription">
            {t('auth.login.signupLink')}
          </Anchor>
        </Text>
      }
    >
      {notice ? (
        <Alert role="status" color="teal" variant="light" mb="md">
          {t(`auth.notices.${notice}`)}
        </Alert>
      ) : null}
      {params.get('next') && !notice ? (
        <Text mb="md">{t('auth.login.needed')}</Text>
      ) : null}
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
    </AuthCard>
  );
}
