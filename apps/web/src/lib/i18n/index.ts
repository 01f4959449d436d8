// react-i18next set-up: French by default (bundled), English loaded on demand; the choice is kept
// in localStorage and mirrored on <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@maillage/contracts';
import { LANGUAGE_STORAGE_KEY } from '../../config';
import { de } from './elision';
import fr from './fr.json';

export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

// Read before initialising: the initial languageChanged event stores French.
const initial = storedLocale();

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
});

/** Translations of the other languages, fetched the first time they are chosen. */
const loaders: Record<Exclude<Locale, 'fr'>, () => Promise<{ default: typeof fr }>> = {
  en: () => import('./en.json'),
};

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  partialBundledLanguages: true,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;
// `{{name, de}}`: « de Peugeot », « d’Atelier Martin » (French messages only use it).
i18n.services.formatter?.add('de', (value) => de(value));

/** Switches the interface language, loading its translations first when needed. */
export async function changeLocale(locale: Locale): Promise<void> {
  if (locale !== 'fr' && !i18n.hasResourceBundle(locale, 'translation')) {
    const messages = await loaders[locale]();
    i18n.addResourceBundle(locale, 'translation', messages.default);
  }
  await i18n.changeLanguage(locale);
}

// The language chosen on a previous visit (other than French, it arrives a moment later).
if (initial !== DEFAULT_LOCALE) void changeLocale(initial);

/** The current interface language. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export { i18n };
