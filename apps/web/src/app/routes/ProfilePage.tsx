import { Anchor, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LOCALES, type Locale } from '@maillage/contracts';
import { ConfirmButton } from '../../components/ConfirmButton';
import { LANGUAGE_NAMES } from '../../components/LanguageSwitch';
import { Page } from '../../components/Page';
import { LoadingLines, QueryContent } from '../../components/QueryContent';
import { SectionCard } from '../../components/SectionCard';
import { KnownDevices } from '../../features/auth/components/KnownDevices';
import { SessionsList } from '../../features/auth/components/SessionsList';
import { TwoFactorSettings } from '../../features/auth/components/TwoFactor';
import { ChangePasswordForm } from '../../features/auth/components/PasswordForms';
import { useSessionActions } from '../../lib/session';
import { useSignOut } from '../../features/auth/hooks/useSignOut';
import { PhotoUpload } from '../../features/profile/components/PhotoUpload';
import { ProfileForm } from '../../features/profile/components/ProfileForm';
import { useLanguage } from '../../features/profile/hooks/useLanguage';
import { useMyProfile } from '../../features/profile/hooks/useProfile';
import type { LoginNotice } from './auth/LoginPage';

export default function ProfilePage() {
  const { t } = useTranslation();
  const profile = useMyProfile();
  const { language, setLanguage } = useLanguage();
  const { signOutEverywhere } = useSignOut();
  const session = useSessionActions();
  const navigate = useNavigate();

  return (
    <Page
      title={t('profile.title')}
      size="md"
      actions={
        profile.data ? (
          <Anchor component={Link} to={`/personnes/${profile.data.id}`}>
            {t('profile.seePublic')}
          </Anchor>
        ) : null
      }
    >
      <QueryContent query={profile} loading={<LoadingLines lines={8} />}>
        {(me) => (
          <Stack gap="lg">
            <SectionCard id="profile-info" title={t('profile.sections.info')}>
              <ProfileForm profile={me} />
            </SectionCard>
            <SectionCard id="profile-photo" title={t('profile.sections.photo')}>
              <PhotoUpload profile={me} />
            </SectionCard>
            <SectionCard id="profile-language" title={t('profile.sections.language')}>
              <Radio.Group label={t('language.label')} value={language} onChange={(value) => void setLanguage(value as Locale)}>
                <Stack gap="xs" mt="xs">
                  {LOCALES.map((locale) => (
                    <Radio key={locale} value={locale} label={LANGUAGE_NAMES[locale]} lang={locale} />
                  ))}
                </Stack>
              </Radio.Group>
            </SectionCard>
            <SectionCard id="profile-password" title={t('profile.sections.password')} intro={t('profile.passwordIntro')}>
              <ChangePasswordForm
                onSuccess={() => {
                  session.signedOut();
                  navigate('/connexion', { state: { notice: 'passwordChanged' satisfies LoginNotice } });
                }}
              />
            </SectionCard>
            <SectionCard id="profile-two-factor" title={t('accounts.twoFactor.title')} intro={t('accounts.twoFactor.intro')}>
              <TwoFactorSettings />
            </SectionCard>
            <SectionCard id="profile-open-sessions" title={t('accounts.sessions.title')} intro={t('accounts.sessions.intro')}>
              <SessionsList />
            </SectionCard>
            <SectionCard id="profile-devices" title={t('devices.title')} intro={t('devices.intro')}>
              <KnownDevices />
            </SectionCard>
            <SectionCard id="profile-privacy" title={t('privacy.title')} intro={t('privacy.lead')}>
              <Anchor component={Link} to="/compte/confidentialite">
                {t('privacy.open')}
              </Anchor>
            </SectionCard>
            <SectionCard id="profile-sessions" title={t('profile.sections.sessions')} intro={t('profile.sessionsIntro')}>
              <ConfirmButton
                variant="outline"
                color="red"
                title={t('profile.logoutAllTitle')}
                message={t('profile.logoutAllText')}
                confirmLabel={t('profile.logoutAll')}
                onConfirm={signOutEverywhere}
              >
                {t('profile.logoutAll')}
              </ConfirmButton>
            </SectionCard>
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
}
