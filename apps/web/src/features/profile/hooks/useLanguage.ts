import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@maillage/contracts';
import { errorMessage } from '../../../lib/errors';
import { changeLocale, DEFAULT_LOCALE, isLocale } from '../../../lib/i18n';
import { notify } from '../../../lib/notify';
import { useSession, useSessionActions } from '../../../lib/session';
import { profileApi } from '../api/profile.api';

/** The interface language; switching it also saves it on the account of a signed-in person. */
export function useLanguage() {
  const { i18n, t } = useTranslation();
  const { user } = useSession();
  const session = useSessionActions();
  const language: Locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;

  const setLanguage = async (locale: Locale) => {
    await changeLocale(locale);
    if (user && user.locale !== locale) {
      session.update({ locale });
      try {
        await profileApi.update({ locale });
      } catch (error) {
        notify.error(errorMessage(error, t));
      }
    }
  };
  return { language, setLanguage };
}

/** Once signed in, the account's language wins over the one chosen on this device. */
export function useAccountLanguage() {
  const { i18n } = useTranslation();
  const { user } = useSession();
  const accountLocale = user?.locale;
  useEffect(() => {
    if (accountLocale && accountLocale !== i18n.language) void changeLocale(accountLocale);
  }, [accountLocale, i18n]);
}
