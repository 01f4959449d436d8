import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { profileApi } from '../api/profile.api';
import { useLanguage } from './useLanguage';
import { LANGUAGE_STORAGE_KEY } from '../../../config';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

jest.mock('../api/profile.api', () => ({
  ...jest.requireActual('../api/profile.api'),
  profileApi: { update: jest.fn() },
}));
const update = profileApi.update as jest.MockedFunction<typeof profileApi.update>;

/** The header's wiring: the switch plus a translated text. */
function Harness() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <>
      <p>{t('nav.home')}</p>
      <LanguageSwitch value={language} onChange={(locale) => void setLanguage(locale)} />
    </>
  );
}

async function switchTo(name: string) {
  fireEvent.click(screen.getByRole('button', { name: /Changer de langue|Change language/ }));
  fireEvent.click(await screen.findByRole('menuitem', { name }));
  // The menu closes once a language is chosen.
  await waitFor(() => expect(screen.queryByRole('menuitem')).not.toBeInTheDocument());
}

describe('language switch', () => {
  beforeEach(async () => {
    update.mockReset();
    window.localStorage.clear();
    await i18n.changeLanguage('fr');
  });

  it('switches the interface to English, sets <html lang> and remembers the choice', async () => {
    renderWithProviders(<Harness />);
    expect(screen.getByText('Accueil')).toBeInTheDocument();
    await switchTo('English');
    expect(await screen.findByText('Home')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(update).not.toHaveBeenCalled();
  });

  it('saves the language on the account of a signed-in person', async () => {
    update.mockResolvedValueOnce({} as never);
    renderWithProviders(<Harness />, { user: testUser });
    await switchTo('English');
    await waitFor(() => expect(update).toHaveBeenCalledWith({ locale: 'en' }));
    expect(screen.getByText('Home')).toBeInTheDocument();
    await switchTo('Français');
    expect(await screen.findByText('Accueil')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
  });
});
