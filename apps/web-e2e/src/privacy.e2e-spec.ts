import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';
import { signedIn as signedInAs } from './support/session';

// Privacy and accounts: sign-up with consent, then a member hides her e-mail from everyone, exports her data (her
// post and her file are in the ZIP) and deletes her account (her post then reads "Ancien membre").

const stamp = Date.now();
const PASSWORD = 'une phrase de passe pour Inès';
const EMAIL = `ines.${stamp}@exemple.test`;
const POST = `Bonjour le club, ici Inès ${stamp}`;
const FILE = `plan-ines-${stamp}.png`;
const MEMBER = 'membre@demo.maillage.fr';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000005000157a7e1b70000000049454e44ae426082',
  'hex',
);

/** The JSON API as the signed-in person of `page` (same cookies, CSRF token). */
async function apiOf(page: Page) {
  const request = page.context().request;
  const token = ((await (await request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  const call = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>,
  ): Promise<T> => {
    const response = await request.fetch(`/api/v1${path}`, {
      method,
      ...(multipart ? { multipart } : { data: body }),
      headers: { 'x-csrf-token': token },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body?: unknown) => call<T>('PUT', path, body),
    upload: <T>(path: string, file: { name: string; mimeType: string; buffer: Buffer }) => call<T>('POST', path, undefined, { file }),
  };
}

/** A valid SIRET (Luhn on the SIREN and on the whole number) that the demo data does not hold. */
function freshSiret(seed: number): string {
  const luhnDigit = (digits: string) => {
    for (let d = 0; d <= 9; d++) {
      const sum = [...`${digits}${d}`].reverse().reduce((acc, c, i) => {
        const n = Number(c) * (i % 2 ? 2 : 1);
        return acc + (n > 9 ? n - 9 : n);
      }, 0);
      if (sum % 10 === 0) return String(d);
    }
    throw new Error('unreachable');
  };
  const siren8 = String(70000000 + (seed % 10000000)).slice(0, 8);
  const siren = `${siren8}${luhnDigit(siren8)}`;
  return `${siren}0001${luhnDigit(`${siren}0001`)}`;
}

async function signedIn(
  browser: Browser,
  email: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInAs(browser, email, { viewport });
}

describe('privacy and accounts, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('signs up with consent, hides an e-mail, exports the data and deletes the account', async () => {
    // ---- the platform admin publishes the terms (in the page) and the privacy policy ----
    const admin = await signedIn(browser, 'admin@demo.maillage.fr');
    await admin.page.goto('/conditions-utilisation');
    await admin.page
      .getByLabel('Texte (Markdown)')
      .fill(`# Conditions d’utilisation\n\nVersion de test ${stamp} : **respectez les autres membres**.`);
    await admin.page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
    await admin.page.getByText('respectez les autres membres', { exact: true }).waitFor();
    await expectAccessible(admin.page, 'terms, edited by the admin');
    await screenshot(admin.page, 'privacy-legal-admin');
    const adminApi = await apiOf(admin.page);
    await adminApi.put('/legal/privacy', { body: `# Politique de confidentialité\n\nVersion de test ${stamp}.` });
    const versions = await adminApi.get<{ kind: string; version: number }[]>('/legal');
    const current = {
      terms: versions.find((v) => v.kind === 'terms')?.version,
      privacy: versions.find((v) => v.kind === 'privacy')?.version,
    };

    // New versions: the admin is asked again, at the top of every page.
    await admin.page.goto('/');
    const gate = admin.page.getByRole('region', { name: 'Nouvelles conditions' });
    await gate.waitFor();
    await expectAccessible(admin.page, 'consent asked again');
    await screenshot(admin.page, 'privacy-consent-again');
    await gate.getByRole('checkbox').check();
    await gate.getByRole('button', { name: 'Accepter et continuer' }).click();
    await gate.waitFor({ state: 'detached' });

    // ---- Inès signs up: the form asks her to accept them ----
    const ines = { context: await newContext(browser), page: null as unknown as Page };
    ines.page = await ines.context.newPage();
    await ines.page.goto('/inscription');
    await ines.page.getByLabel('Prénom').fill('Inès');
    await ines.page.getByLabel('Nom', { exact: true }).fill('Garnier');
    await ines.page.getByLabel('Adresse e-mail').fill(EMAIL);
    await ines.page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await ines.page.getByRole('button', { name: 'Créer mon compte' }).click();
    await ines.page.getByText('Acceptez les conditions d’utilisation et la politique de confidentialité').waitFor();
    await expectAccessible(ines.page, 'sign-up, consent missing');
    await screenshot(ines.page, 'privacy-signup-consent');
    await ines.page.getByRole('checkbox', { name: /J’accepte les/ }).check();
    await ines.page.getByRole('button', { name: 'Créer mon compte' }).click();
    await ines.page.getByText('Vérifiez votre boîte mail').waitFor();
    const mails = await adminApi.get<{ items: { text: string }[] }>(`/admin/mails?q=${encodeURIComponent(EMAIL)}`);
    const link = /(https?:\/\/\S+)/.exec(mails.items[0]?.text ?? '')?.[1];
    if (!link) throw new Error('no verification link');
    await ines.page.goto(new URL(link).pathname + new URL(link).search);
    await ines.page.getByText('Adresse confirmée').waitFor();
    const inesApi = await apiOf(ines.page);
    const session = await inesApi.get<{ user: { id: string; consentRequired: boolean } }>('/auth/session');
    expect(session.user.consentRequired).toBe(false);

    // ---- set-up through the API: a club with Inès's company and the demo member's, a post and a file ----
    const member = await signedIn(browser, MEMBER);
    const memberApi = await apiOf(member.page);
    await memberApi.post('/privacy/consents', current);
    const animator = await signedIn(browser, 'animatrice@demo.maillage.fr');
    const animatorApi = await apiOf(animator.page);
    await animatorApi.post('/privacy/consents', current);
    const me = await animatorApi.get<{ staffOf: { organizationId: string }[] }>('/auth/me');
    const network = await animatorApi.post<{ id: string }>('/networks', {
      name: `Club confidentialité ${stamp}`,
      type: 'business_club',
      visibility: 'public',
      joinPolicy: 'open',
      maturity: 'development',
      hostOrganizationId: me.staffOf[0]?.organizationId,
    });
    const category = await animatorApi.post<{ id: string }>(`/networks/${network.id}/forum/categories`, { name: `Présentations ${stamp}` });
    const company = await inesApi.post<{ id: string }>('/companies', { siret: freshSiret(stamp), legalName: `Garnier Conseil ${stamp}` });
    await inesApi.post(`/networks/${network.id}/join`, { companyId: company.id });
    const flagship = (await memberApi.get<{ id: string }[]>('/companies/mine'))[0];
    await memberApi.post(`/networks/${network.id}/join`, { companyId: flagship?.id });
    const topic = await inesApi.post<{ id: string }>(`/networks/${network.id}/forum/topics`, {
      categoryId: category.id,
      title: `Présentation d’Inès ${stamp}`,
      body: POST,
    });
    await inesApi.upload(`/networks/${network.id}/documents`, { name: FILE, mimeType: 'image/png', buffer: PNG });
    await animator.context.close();

    // By default the members of her networks see her address on her profile.
    await member.page.goto(`/personnes/${session.user.id}`);
    await member.page.getByText(EMAIL).waitFor();

    // ---- Inès sets her e-mail to "nobody" ----
    await ines.page.goto('/profil');
    await ines.page.getByRole('link', { name: 'Gérer ma confidentialité et mes données' }).click();
    await ines.page.waitForURL('**/compte/confidentialite');
    await ines.page.getByRole('heading', { level: 1, name: 'Confidentialité et données' }).waitFor();
    await ines.page.getByLabel('Qui voit mon adresse e-mail').click();
    await ines.page.getByRole('option', { name: 'Personne', exact: true }).click();
    await ines.page.getByRole('button', { name: 'Enregistrer' }).click();
    await ines.page.getByText('Vos choix de confidentialité sont enregistrés.').waitFor();
    await expectAccessible(ines.page, 'privacy page');
    await screenshot(ines.page, 'privacy-page');

    // The other member no longer sees it anywhere: her profile and her topic in the pages; the API's answers too.
    for (const path of [`/personnes/${session.user.id}`, `/forum/sujets/${topic.id}`]) {
      await member.page.goto(path);
      await member.page.getByRole('heading', { level: 1 }).first().waitFor();
      await member.page.waitForLoadState('networkidle');
      expect([path, (await member.page.content()).includes(EMAIL)]).toEqual([path, false]);
    }
    for (const path of [
      `/people/${session.user.id}`,
      `/networks/${network.id}/people`,
      `/forum/topics/${topic.id}`,
      `/companies/${company.id}/members`,
      `/search?q=${encodeURIComponent(EMAIL)}`,
      `/messaging/contacts?q=In`,
    ]) {
      const text = await (await member.page.context().request.get(`/api/v1${path}`)).text();
      expect([path, text.includes(EMAIL)]).toEqual([path, false]);
    }

    // ---- she exports her data: her post and her file are in the ZIP ----
    await ines.page.getByRole('button', { name: 'Préparer l’export de mes données' }).click();
    const download = ines.page.getByRole('link', { name: 'Télécharger l’archive' });
    await download.waitFor({ timeout: 60_000 });
    await expectAccessible(ines.page, 'privacy page, export ready');
    const [file] = await Promise.all([ines.page.waitForEvent('download'), download.click()]);
    const zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
    const texts = Object.entries(zip)
      .filter(([name]) => /\.(json|csv)$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(texts).toContain(POST);
    expect(Object.keys(zip)).toContain(`documents/fichiers/v1-${FILE}`);
    expect(Buffer.from(zip[`documents/fichiers/v1-${FILE}`] ?? []).equals(PNG)).toBe(true);
    expect(texts).not.toContain(MEMBER);

    // ---- on a phone, then she deletes her account ----
    const phone = await newContext(browser, 'phone');
    const onPhone = await phone.newPage();
    await login(onPhone, EMAIL, PASSWORD);
    await onPhone.goto('/compte/confidentialite');
    await onPhone.getByRole('heading', { level: 1, name: 'Confidentialité et données' }).waitFor();
    await onPhone.getByRole('link', { name: 'Télécharger l’archive' }).first().waitFor();
    await expectAccessible(onPhone, 'privacy page (phone)');
    await screenshot(onPhone, 'phone-privacy-page');
    await phone.close();

    await ines.page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
    const [refused] = await Promise.all([
      ines.page.waitForResponse((r) => r.url().endsWith('/api/v1/privacy/account/delete')),
      ines.page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await ines.page.getByRole('alert').first().waitFor();
    await expectAccessible(ines.page, 'account deletion, wrong password');
    await screenshot(ines.page, 'privacy-delete-wrong-password');
    await ines.page.getByLabel('Mot de passe actuel').fill(PASSWORD);
    await ines.page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    await ines.page.waitForURL((url) => url.pathname === '/');
    expect((await ines.page.context().request.get('/api/v1/auth/me')).status()).toBe(401);

    // Her post stays, signed "Ancien membre"; her name and address are nowhere.
    await member.page.goto(`/forum/sujets/${topic.id}`);
    await member.page.getByText(POST).waitFor();
    await member.page.getByText('Ancien membre').first().waitFor();
    await member.page.waitForLoadState('networkidle');
    expect(await member.page.content()).not.toContain('Garnier');
    expect(await member.page.content()).not.toContain(EMAIL);
    await expectAccessible(member.page, 'topic by a former member');
    await screenshot(member.page, 'privacy-former-member-post');

    // ---- the admin's privacy page: the audit log ----
    await admin.page.goto('/admin/confidentialite');
    await admin.page.getByText('Publication d’un texte légal').first().waitFor();
    await expectAccessible(admin.page, 'admin privacy');
    await screenshot(admin.page, 'privacy-admin');
    await admin.context.close();
    await member.context.close();
    await ines.context.close();
  });
});
