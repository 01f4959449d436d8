import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../../features/auth/components/LoginForm';
import { SsoButtons } from '../../../features/auth/components/SsoButtons';
import { useSession } from '../../../lib/session';
import { landingPath } from '../../../features/steering/hooks/access';
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
  const asked = params.get('next');
  const next = safeNextPath(asked);

  if (user) return <Navigate to={asked ? next : landingPath(user)} replace />;
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
      {params.get('next') && !notice ? <Text mb="md">{t('auth.login.needed')}</Text> : null}
      {/* Without a page to go back to, a host's staff land on their cockpit. */}
      <LoginForm onSuccess={(signedIn) => navigate(asked ? next : landingPath(signedIn), { replace: true })} />
      {params.get('sso') === 'echec' ? (
        <Alert role="alert" color="red" variant="light" mt="md">
          {t('accounts.sso.failed')}
        </Alert>
      ) : null}
      <SsoButtons />
    </AuthCard>
  );
}
