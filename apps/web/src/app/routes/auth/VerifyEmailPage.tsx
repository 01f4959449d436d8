import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { VerifyEmail } from '../../../features/auth/components/VerifyEmail';
import { AuthCard } from './AuthCard';

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <AuthCard title={t('auth.verify.title')}>
      <VerifyEmail token={params.get('token')} />
    </AuthCard>
  );
}
