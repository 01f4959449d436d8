import type { Browser } from 'playwright-core';
import { BASE_URL, expectAccessible, launch, login, newContext, screenshot } from './support/browser';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('known devices in the profile, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('lists the browsers that signed in, and removing one signs it out', async () => {
    const laptop = await newContext(browser);
    const phone = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      userAgent: IPHONE_SAFARI,
    });
    const onLaptop = await laptop.newPage();
    const onPhone = await phone.newPage();
    await login(onPhone, 'membre@demo.maillage.fr');
    await login(onLaptop, 'membre@demo.maillage.fr');

    await onLaptop.goto('/profil');
    const list = onLaptop.getByRole('list', { name: 'Appareils connectés à votre compte' });
    await list.waitFor();
    await list.getByText('Cet appareil').waitFor();
    await list.getByText('Safari · iOS').first().waitFor();
    await expectAccessible(onLaptop, 'profile with devices');
    await screenshot(onLaptop, 'profile-devices');

    await onPhone.goto('/profil');
    await onPhone.getByRole('list', { name: 'Appareils connectés à votre compte' }).getByText('Cet appareil').waitFor();
    await expectAccessible(onPhone, 'profile with devices (phone)');
    await screenshot(onPhone, 'phone-profile-devices');

    await list.getByRole('button', { name: 'Retirer Safari · iOS' }).first().click();
    const dialog = onLaptop.getByRole('dialog', { name: 'Retirer cet appareil ?' });
    await dialog.getByRole('button', { name: 'Retirer' }).click();
    await onLaptop.getByText('Appareil retiré et déconnecté.').waitFor();
    await list.getByText('Safari · iOS').waitFor({ state: 'detached' });

    // The phone's session ended with its device: the next page asks it to sign in again.
    await onPhone.goto('/profil');
    await onPhone.waitForURL((url) => url.pathname.startsWith('/connexion'));
    await laptop.close();
    await phone.close();
  });
});
