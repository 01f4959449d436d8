import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { DATA_DIR, expectAccessible, launch, login, newContext, screenshot } from './support/browser';

// Partner search with the demo data `npm start` writes: a visitor narrows the opportunities by type and deadline
// (the club's own opportunity never shows to them), and a member stops the weekly opportunities e-mail from its link.

const ROOT = join(__dirname, '../../..');
const CLUB_ONLY = 'Groupement du club : marché de maintenance des ponts roulants';
const CLOSING_SOON = 'Réponse groupée : maintenance des lignes d’emboutissage';

async function call<T>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const { token } = (await (await request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const response = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { 'x-csrf-token': token } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The results page has settled: no request in flight. */
async function settled(page: Page) {
  await page
    .locator('[aria-busy="true"]')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
}

describe('opportunities in search, and the weekly e-mail’s unsubscribe link, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('narrows the demo opportunities by type and deadline; the club’s one stays out of a visitor’s results and counts', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto('/recherche?kind=opportunity');
    const results = page.getByRole('list', { name: 'Résultats' });
    await results.getByRole('link', { name: /Mutualisation d’une machine de mesure/ }).waitFor();
    await settled(page);
    expect(await page.getByText(CLUB_ONLY).count()).toBe(0);
    // Type facet (five public types), deadline facet.
    await page.getByText('Type d’opportunité').first().waitFor();
    for (const type of [
      'Appel d’offres / réponse groupée',
      'Sous-traitance',
      'Mutualisation',
      'Partenariat ou projet R&D',
      'Emploi partagé',
    ]) {
      await page.getByRole('checkbox', { name: new RegExp(`^${type.replace(/[’']/g, '.')} \\(1\\)$`) }).waitFor();
    }
    await page.getByRole('checkbox', { name: /^Clôture sous 7 jours \(1\)$/ }).click();
    await page.waitForURL(/deadline=7d/);
    await settled(page);
    // The others close later: they leave the list, the count follows.
    await results.getByRole('link', { name: /Mutualisation d’une machine de mesure/ }).waitFor({ state: 'detached' });
    await page.getByText('1 résultat', { exact: true }).waitFor();
    await results.getByRole('link', { name: new RegExp(CLOSING_SOON) }).waitFor();
    await page.getByRole('list', { name: 'Filtres appliqués' }).getByText('Clôture sous 7 jours').waitFor();
    await expectAccessible(page, 'opportunities by deadline');
    await screenshot(page, 'opportunities-search-deadline');
    // A type with nothing closing this week: no result, and both choices stay shown (at 0) to be unticked.
    await page.goto('/recherche?kind=opportunity&opportunityType=pooling&deadline=7d');
    await page.getByText('0 résultat', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: /^Mutualisation \(0\)$/ }).waitFor();
    await page.getByRole('checkbox', { name: /^Clôture sous 7 jours \(0\)$/ }).click();
    await page.waitForURL((url) => !url.search.includes('deadline'));
    await results.getByRole('link', { name: /Mutualisation d’une machine de mesure/ }).waitFor();
    await page.context().close();

    // A phone: the facets in the drawer.
    const phone = await (await newContext(browser, 'phone')).newPage();
    await phone.goto('/recherche?kind=opportunity&opportunityType=joint_bid');
    await phone.getByRole('link', { name: new RegExp(CLOSING_SOON) }).waitFor();
    await phone.getByRole('button', { name: /^Filtres/ }).click();
    const drawer = phone.getByRole('dialog', { name: 'Filtres' });
    await drawer.getByRole('checkbox', { name: /^Appel d.offres \/ réponse groupée \(1\)$/ }).waitFor();
    await expectAccessible(phone, 'opportunity filters (phone)');
    await screenshot(phone, 'phone-opportunities-search-filters');
    await phone.context().close();

    // The club's member finds the club's one too.
    const member = await (await newContext(browser)).newPage();
    await login(member, 'membre@demo.maillage.fr');
    await member.goto('/recherche?kind=opportunity&opportunityType=joint_bid');
    await member
      .getByRole('list', { name: 'Résultats' })
      .getByRole('link', { name: new RegExp(CLUB_ONLY) })
      .waitFor();
    // Its count takes the club's one in: at least the public one and it (journeys run before may have published more to
    // the member's networks).
    const facet = member.getByRole('checkbox', { name: /^Appel d.offres \/ réponse groupée \(\d+\)$/ });
    await facet.waitFor();
    const label = await facet.evaluate((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(Number(/\((\d+)\)$/.exec(label)?.[1])).toBeGreaterThanOrEqual(2);
    await member.context().close();
  }, 180_000);

  it('stops the weekly e-mail from its link: the page asks first, then confirms', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'membre@demo.maillage.fr');
    await call(context.request, 'PUT', '/opportunities/digest', { weekly: true });
    const me = await call<{ id: string }>(context.request, 'GET', '/auth/me');
    // The link of the e-mail, signed as the app signs it (its secret is in its data folder).
    const secret = readFileSync(join(DATA_DIR, 'session-secret'), 'utf8').trim();
    const { SignedIdTokens } = require(join(ROOT, 'apps/api/dist/core/mail/signed-id-tokens.js'));
    const token: string = new SignedIdTokens(secret, 'maillage:opportunities:digest:v1', 1).sign([me.id]);
    // Opened without being signed in (from a mail client): asks, changes nothing.
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`/opportunites/desabonnement?token=${token}`);
    await visitor.getByRole('heading', { level: 1, name: 'Ne plus recevoir les opportunités de la semaine' }).waitFor();
    const button = visitor.getByRole('button', { name: 'Ne plus recevoir cet e-mail' });
    await button.waitFor();
    expect((await call<{ weekly: boolean }>(context.request, 'GET', '/opportunities/digest')).weekly).toBe(true);
    await expectAccessible(visitor, 'weekly e-mail unsubscribe');
    await screenshot(visitor, 'opportunities-unsubscribe');
    await button.click();
    await visitor
      .getByRole('status')
      .getByText(/vous ne recevrez plus l’e-mail des opportunités de la semaine/)
      .waitFor();
    await screenshot(visitor, 'opportunities-unsubscribed');
    expect((await call<{ weekly: boolean }>(context.request, 'GET', '/opportunities/digest')).weekly).toBe(false);
    // A phone, a broken link.
    const phone = await (await newContext(browser, 'phone')).newPage();
    await phone.goto(`/opportunites/desabonnement?token=${token.slice(0, -3)}abc`);
    await phone.getByRole('alert').waitFor();
    await expectAccessible(phone, 'weekly e-mail unsubscribe, broken link (phone)');
    await screenshot(phone, 'phone-opportunities-unsubscribe-invalid');
    await context.close();
  }, 120_000);
});
