// Sign-in security in a browser: an admin requires two-step verification of staff, Claire (staff of the
// demo CCI) sets it up at her next sign-in and then signs in with a code; her sessions are listed and one
// is closed; a staff member signs in through the CCI's OpenID Connect provider (a real one, started here).
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, expectAccessible, launch, login, newContext, screenshot } from './support/browser';
import { startOidcProvider } from './support/oidc-provider';

const ADMIN = 'admin@demo.maillage.fr';
const CLAIRE = 'animatrice@demo.maillage.fr';
const CCI = 'CCI Lyon Métropole Saint-Étienne Roanne';

const codeFor = (secret: string, offsetSeconds = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });

async function passwordStep(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('sign-in security, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('requires two-step verification of staff: Claire sets it up, signs in with a code, and closes a session', async () => {
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await login(admin, ADMIN);
    await admin.goto('/admin/securite');
    const requirement = admin.getByRole('switch', { name: /Exiger la vérification en deux étapes/ });
    await requirement.waitFor();
    await expectAccessible(admin, 'admin security');
    await requirement.click({ force: true });
    await admin.getByText('Vérification en deux étapes exigée.').waitFor();
    await screenshot(admin, 'accounts-admin-security');

    // Claire's next sign-in: nothing but the set-up until it is done.
    const claireContext = await newContext(browser);
    const claire = await claireContext.newPage();
    await passwordStep(claire, CLAIRE);
    await claire.getByRole('heading', { level: 1, name: 'Sécurisez votre compte' }).waitFor();
    await expectAccessible(claire, 'two-factor gate');
    await screenshot(claire, 'accounts-gate');
    await claire.getByRole('button', { name: 'Configurer la vérification en deux étapes' }).click();
    await claire.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = (await claire.locator('code').first().innerText()).trim();
    await expectAccessible(claire, 'two-factor QR code');
    await screenshot(claire, 'accounts-enrol-qr');
    await claire.getByLabel('Code de vérification').fill(codeFor(secret));
    await claire.getByRole('button', { name: 'Activer' }).click();
    const codes = claire.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
    await codes.first().waitFor();
    const recovery = await codes.allInnerTexts();
    expect(recovery).toHaveLength(10);
    await expectAccessible(claire, 'recovery codes');
    await screenshot(claire, 'accounts-recovery-codes');
    await claire.getByRole('button', { name: "J'ai noté mes codes" }).click();
    await claire.getByRole('button', { name: /Menu du compte/ }).waitFor();

    // Signing in again asks for a code (the next time step: each code works once).
    await claireContext.clearCookies();
    await passwordStep(claire, CLAIRE);
    await claire.getByText('Vérification en deux étapes', { exact: true }).waitFor();
    await expectAccessible(claire, 'sign-in code step');
    await screenshot(claire, 'accounts-login-code');
    await claire.getByLabel('Code de vérification').fill('000000');
    await claire.getByRole('button', { name: 'Vérifier' }).click();
    await claire.getByText("Ce code n'est pas valide ou a déjà servi.").waitFor();
    await claire.getByLabel('Code de vérification').fill(codeFor(secret, 30));
    await claire.getByRole('button', { name: 'Vérifier' }).click();
    await claire.waitForURL((url) => !url.pathname.startsWith('/connexion'));

    // On her phone, with a recovery code.
    const phoneContext = await newContext(browser, 'phone');
    const phone = await phoneContext.newPage();
    await passwordStep(phone, CLAIRE);
    await phone.getByLabel('Code de vérification').fill(recovery[0]);
    await phone.getByRole('button', { name: 'Vérifier' }).click();
    await phone.waitForURL((url) => !url.pathname.startsWith('/connexion'));
    await phone.goto('/profil');
    await phone.getByRole('list', { name: 'Sessions ouvertes sur votre compte' }).getByText('Cette session').waitFor();
    await expectAccessible(phone, 'profile security (phone)');
    await screenshot(phone, 'phone-accounts-profile');

    await claire.goto('/profil');
    const sessions = claire.getByRole('list', { name: 'Sessions ouvertes sur votre compte' });
    await sessions.getByText('Cette session').waitFor();
    // At least the session opened at the set-up (its cookie was dropped, not closed), this one and the phone's; other
    // journeys run before this one may have left Claire's earlier sessions open.
    const open = await sessions.getByRole('listitem').count();
    expect(open).toBeGreaterThanOrEqual(3);
    await claire.getByText('9 codes de secours restants').waitFor();
    await expectAccessible(claire, 'profile security');
    await screenshot(claire, 'accounts-profile');
    await sessions
      .getByRole('button', { name: /^Fermer la session/ })
      .first()
      .click();
    await claire
      .getByRole('dialog', { name: 'Fermer cette session ?' })
      .getByRole('button', { name: 'Fermer la session', exact: true })
      .click();
    await claire.getByText('Session fermée.').waitFor();
    await sessions
      .getByRole('listitem')
      .nth(open - 1)
      .waitFor({ state: 'detached' });
    await claire.getByRole('button', { name: 'Fermer toutes les autres sessions' }).click();
    await claire
      .getByRole('dialog', { name: 'Fermer les autres sessions ?' })
      .getByRole('button', { name: 'Fermer toutes les autres sessions' })
      .click();
    await claire.getByText(/^\d+ sessions? fermées?\.$/).waitFor();
    await sessions.getByRole('listitem').nth(1).waitFor({ state: 'detached' });
    await claire.getByText("Aucune autre session n'est ouverte.").waitFor();
    await phone.goto('/profil');
    await phone.waitForURL((url) => url.pathname.startsWith('/connexion'));

    // Back as it was for the other journeys: optional again, and Claire turns it off (password + a recovery code).
    await requirement.click({ force: true });
    await admin.getByText('Vérification en deux étapes facultative.').waitFor();
    await claire.reload();
    const disable = claire.getByRole('form', { name: 'Désactiver la vérification en deux étapes' });
    await disable.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await disable.getByLabel('Code de vérification').fill(recovery[1]);
    await disable.getByRole('button', { name: 'Désactiver' }).click();
    await claire.getByText('Vérification en deux étapes désactivée.').waitFor();
    await Promise.all([adminContext.close(), claireContext.close(), phoneContext.close()]);
  });

  it('signs a staff member in through the CCI’s OpenID Connect provider', async () => {
    // The app's public address (PUBLIC_URL) is localhost: the provider sends browsers back there.
    const appUrl = `http://localhost:${new URL(BASE_URL).port}`;
    const provider = await startOidcProvider([
      { client_id: 'maillage-e2e', client_secret: 'e2e client secret', redirect_uris: [`${appUrl}/api/v1/auth/sso/callback`] },
    ]);
    try {
      const adminContext = await newContext(browser);
      const admin = await adminContext.newPage();
      await login(admin, ADMIN);
      await admin.goto('/admin/securite');
      await admin.getByText('Aucun fournisseur configuré.').waitFor();
      await admin.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
      const form = admin.getByRole('form', { name: 'Fournisseur OpenID Connect' });
      await form.getByLabel('Organisation').click();
      await admin.getByRole('option', { name: CCI }).click();
      await form.getByLabel('Émetteur (issuer)').fill(provider.issuer);
      await form.getByLabel('Identifiant client').fill('maillage-e2e');
      await form.getByLabel('Secret client').fill('e2e client secret');
      await form.getByLabel('Domaines autorisés').fill('cci-lyon-e2e.fr');
      await expectAccessible(admin, 'admin sso form');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await admin.getByText('Fournisseur enregistré.').waitFor();
      await admin.getByRole('cell', { name: 'cci-lyon-e2e.fr' }).waitFor();
      await expectAccessible(admin, 'admin sso list');
      await screenshot(admin, 'accounts-admin-sso');

      const staffContext = await browser.newContext({
        baseURL: appUrl,
        viewport: { width: 1280, height: 900 },
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
      });
      const staff = await staffContext.newPage();
      await staff.goto('/connexion');
      const button = staff.getByRole('link', { name: `Se connecter avec ${CCI}` });
      await button.waitFor();
      await expectAccessible(staff, 'login with sso');
      await screenshot(staff, 'accounts-login-sso');
      await button.click();
      await staff.waitForURL((url) => url.href.startsWith(provider.issuer));
      await staff.getByLabel('Adresse e-mail').fill('agent.sso@cci-lyon-e2e.fr');
      await staff.getByLabel('Prénom').fill('Agathe');
      await staff.getByLabel('Nom', { exact: true }).fill('Unique');
      await staff.getByRole('button', { name: 'Se connecter chez le fournisseur' }).click();
      await staff.waitForURL((url) => url.origin === appUrl && !url.pathname.startsWith('/api/'));
      await staff.getByRole('button', { name: /Menu du compte/ }).waitFor();
      const me = await staff.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
      expect(me).toMatchObject({ email: 'agent.sso@cci-lyon-e2e.fr', staffOf: [{ organizationName: CCI, role: 'animator' }] });
      await expectAccessible(staff, 'signed in through sso');
      await screenshot(staff, 'accounts-sso-signed-in');

      // A forged return is refused with a 4xx page that leads back to the sign-in.
      const forged = await staff.goto(`${appUrl}/api/v1/auth/sso/callback?state=forged&code=forged`);
      expect(forged?.status()).toBe(400);
      await staff.getByRole('link', { name: 'Retour à la page de connexion' }).waitFor();
      await expectAccessible(staff, 'sso failure page');

      await admin.reload();
      await admin.getByRole('button', { name: `Supprimer le fournisseur de ${CCI}` }).click();
      await admin.getByRole('dialog', { name: 'Supprimer ce fournisseur ?' }).getByRole('button', { name: 'Supprimer' }).click();
      await admin.getByText('Aucun fournisseur configuré.').waitFor();
      await Promise.all([adminContext.close(), staffContext.close()]);
    } finally {
      provider.stop();
    }
  });
});
