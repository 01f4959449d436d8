import type { Browser, Page } from 'playwright-core';
import { BASE_URL, expectAccessible, launch, login, newContext, screenshot } from './support/browser';

// A 1×1 PNG for the logo upload.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000005000157a7e1b70000000049454e44ae426082',
  'hex',
);
const email = `camille.${Date.now()}@exemple.test`;
const password = 'une phrase de passe pour la démo';
// A real, valid SIRET that the demo data does not contain.
const SIRET = '732 829 320 00074';

/** The verification link, read in the e-mail outbox by the platform admin, as a demo user would. */
async function verificationLinkFromOutbox(browser: Browser): Promise<string> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await login(page, 'admin@demo.maillage.fr');
  await page.goto('/admin/e-mails');
  await page.getByRole('searchbox').fill(email);
  await page.getByRole('link', { name: 'Confirmez votre adresse e-mail' }).first().click();
  const link = page.locator('a[href*="/verifier-email?token="]').first();
  await link.waitFor();
  await expectAccessible(page, 'admin e-mail');
  await screenshot(page, 'admin-mail');
  const href = (await link.getAttribute('href'))!;
  await context.close();
  return href;
}

async function pickOption(page: Page, label: string, typed: string, option: RegExp) {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('foundation, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('signs up, verifies through the outbox, creates, edits and illustrates a company, logs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeDefined();
    await expectAccessible(page, 'home (anonymous)');
    await screenshot(page, 'home-anonymous');

    await page.goto('/inscription');
    await expectAccessible(page, 'sign-up');
    await page.getByLabel('Prénom').fill('Camille');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('checkbox', { name: /J’accepte les/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Vérifiez votre boîte mail').waitFor();

    const link = await verificationLinkFromOutbox(browser);
    expect(link.startsWith(BASE_URL) || link.startsWith('http://localhost')).toBe(true);
    await page.goto(new URL(link).pathname + new URL(link).search);
    await page.getByText('Adresse confirmée').waitFor();
    await expectAccessible(page, 'e-mail verified');

    // Confirming the address signed the person in.
    await page.goto('/entreprises');
    await expectAccessible(page, 'my companies (empty)');
    await page.getByLabel('SIRET').fill(SIRET);
    await page.getByRole('button', { name: "Ajouter l'entreprise" }).click();
    await page.getByLabel('Raison sociale').fill('Atelier Martin');
    await page.getByRole('button', { name: "Ajouter l'entreprise" }).click();
    await page.waitForURL(/\/entreprises\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Atelier Martin' }).waitFor();
    await expectAccessible(page, 'company page');

    await page
      .getByRole('link', { name: 'Modifier' })
      .or(page.getByRole('button', { name: 'Modifier' }))
      .first()
      .click();
    await page.locator('input[type=file]').first().setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('img[src^="/api/v1/files/"]').first().waitFor();
    await page.getByLabel('Nom commercial').fill('Usinage Martin');
    await pickOption(page, 'Code NAF', '25.62', /25\.62B/);
    await pickOption(page, 'Commune', 'Saint-Étienne', /Saint-Étienne/);
    await page.getByLabel('Site web').fill('https://usinage-martin.example');
    await page.getByLabel('Description').fill('Usinage de précision, inox et titane.');
    await expectAccessible(page, 'company edit');
    await screenshot(page, 'company-edit');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    await page.getByText("Les informations de l'entreprise sont enregistrées.").first().waitFor();

    await page.getByText('Usinage de précision, inox et titane.').waitFor();
    await page.locator('img[src^="/api/v1/files/"]').first().waitFor();
    await page
      .getByText(/25\.62B/)
      .first()
      .waitFor();
    await page
      .getByText(/Saint-Étienne/)
      .first()
      .waitFor();
    await page.getByText('732 829 320 00074').first().waitFor();
    await expectAccessible(page, 'company page (filled)');
    await screenshot(page, 'company-page');

    await page.getByRole('button', { name: /Menu du compte de Camille Martin/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter', exact: true }).click();
    await page
      .getByRole('link', { name: /^(Connexion|Se connecter)$/ })
      .first()
      .waitFor();
    const me = await page.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('is readable on a phone, in French and in English', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await login(page, 'membre@demo.maillage.fr');
    await page.goto('/entreprises');
    await page.getByText('Usinage de précision du Forez').first().waitFor();
    await expectAccessible(page, 'my companies (phone)');
    await screenshot(page, 'phone-my-companies');
    await page.getByText('Usinage de précision du Forez').first().click();
    await page.waitForURL(/\/entreprises\/[0-9a-f-]{36}/);
    await expectAccessible(page, 'company page (phone)');
    await screenshot(page, 'phone-company');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await page.goto('/profil');
    await expectAccessible(page, 'profile (phone)');
    await screenshot(page, 'phone-profile');
    await context.close();
  });
});
