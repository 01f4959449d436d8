import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';

// Newsletters, done-when: Claire writes a newsletter with an events block to her club, previews it at phone width
// and sends it; a member receives it (the outbox, read in Administration → E-mails), unsubscribes through its link
// and gets no further one.

const stamp = Date.now();
const CLUB = 'club-des-industriels-du-forez';
const ANIMATOR = 'animatrice@demo.maillage.fr';
const MEMBER = 'membre@demo.maillage.fr';
const ADMIN = 'admin@demo.maillage.fr';

/** The JSON API as the person signed in on `page` (same cookies, CSRF token). */
async function api(page: Page) {
  const request = page.context().request;
  const token = ((await (await request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  return async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': token } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

async function signedIn(
  browser: Browser,
  email: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  await login(page, email);
  return { context, page };
}

interface MailItem {
  id: string;
  to: string;
  subject: string;
  text: string;
}

describe('newsletters, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('Claire writes, previews on a phone and sends a newsletter; a member receives it, unsubscribes and gets no further one', async () => {
    const subject = `Les nouvelles du club ${stamp}`;
    const claire = await signedIn(browser, ANIMATOR);
    const page = claire.page;

    // ---- the club's Lettres tab, then the composer ----
    await page.goto(`/reseaux/${CLUB}/lettres`);
    await page.getByRole('tab', { name: 'Lettres' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle lettre' }).click();
    await page.waitForURL(/\/lettres\/nouvelle/);
    await page.getByLabel('Objet').fill(subject);
    await page.getByRole('textbox', { name: 'Texte' }).fill('Bonjour à **toutes et tous** !\n\nVoici les rendez-vous du mois.');
    await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
    await page.getByRole('menuitem', { name: 'Prochains événements' }).click();
    const events = page.getByRole('region', { name: 'Prochains événements' });
    await events.waitFor();
    await expect(events.getByLabel('Élément 1')).toBeTruthy();
    // The open opportunities of the club (those its members may all see), editable like the other blocks.
    await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
    await page.getByRole('menuitem', { name: 'Opportunités ouvertes' }).click();
    await page.getByRole('region', { name: 'Opportunités ouvertes' }).waitFor();
    await expectAccessible(page, 'composer');
    await screenshot(page, 'newsletter-composer');

    // ---- preview at phone width ----
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await page.waitForURL(/\/lettres\/[0-9a-f-]{36}$/);
    const preview = page.getByRole('region', { name: 'Aperçu' });
    await preview.waitFor();
    await preview.getByText('Téléphone').click();
    const frame = page.frameLocator(`iframe[title="Aperçu de « ${subject} »"]`);
    await frame.getByText('toutes et tous').waitFor();
    await frame.getByText('Prochains événements').waitFor();
    const width = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(380);
    await expectAccessible(page, 'composer with preview');
    await screenshot(page, 'newsletter-preview-phone');

    // ---- the audience narrowed to a sector (NAF division 99: none of the club's companies), then widened again ----
    const sector = page.getByRole('combobox', { name: 'Secteurs (NAF)' });
    await sector.fill('99');
    await sector.press('Enter');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await preview.getByText('0 personne la recevrait.').waitFor();
    await expectAccessible(page, 'composer with a sector');
    await sector.click();
    await sector.press('Backspace');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await preview.getByText(/^\d+ personnes la recevraient\.$/).waitFor();

    // ---- send now ----
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Envoyer maintenant' }).click();
    await page.getByText('Envoyée', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText('Destinataires').waitFor();
    await expectAccessible(page, 'sent newsletter');
    await screenshot(page, 'newsletter-sent');

    // ---- the member's mail, in Administration → E-mails ----
    const admin = await signedIn(browser, ADMIN);
    await admin.page.goto(`/admin/e-mails`);
    await admin.page.getByRole('searchbox').fill(subject);
    await admin.page.getByText(MEMBER).first().waitFor();
    await screenshot(admin.page, 'newsletter-admin-outbox');
    const adminApi = await api(admin.page);
    const mails = await adminApi<{ items: MailItem[] }>('GET', `/admin/mails?q=${encodeURIComponent(MEMBER)}`);
    const mail = mails.items.find((m) => m.subject === subject);
    expect(mail).toBeDefined();
    const link = /(https?:\/\/\S+\/lettres\/desabonnement\?token=[\w.-]+)/.exec(mail!.text)![1];

    // ---- the member unsubscribes through the mail's link ----
    const member = await signedIn(browser, MEMBER, 'phone');
    const url = new URL(link);
    await member.page.goto(`${url.pathname}${url.search}`);
    await member.page.getByRole('button', { name: 'Me désabonner' }).click();
    await member.page.getByText('C’est fait.').waitFor();
    await expectAccessible(member.page, 'unsubscribed');
    await screenshot(member.page, 'newsletter-unsubscribed-phone');

    // ---- a second newsletter: not to them ----
    const claireApi = await api(page);
    const [club] = await claireApi<{ id: string; slug: string }[]>('GET', '/newsletters/networks').then((rows) =>
      rows.filter((n) => n.slug === CLUB),
    );
    const second = await claireApi<{ id: string }>('POST', '/newsletters', {
      subject: `${subject} (2)`,
      networkIds: [club.id],
      blocks: [{ kind: 'text', markdown: 'Encore.' }],
    });
    await claireApi('POST', `/newsletters/${second.id}/send`, {});
    // Sending now wakes the worker at once; its page shows « Envoyée » when every recipient is queued.
    await page.goto(`/lettres/${second.id}`);
    await page.getByText('Envoyée', { exact: true }).waitFor({ timeout: 30_000 });
    const after = await adminApi<{ items: MailItem[] }>('GET', `/admin/mails?q=${encodeURIComponent(`${subject} (2)`)}`);
    expect(after.items.length).toBeGreaterThan(0);
    expect(after.items.map((m) => m.to)).not.toContain(MEMBER);

    // ---- the archive on the club's page ----
    await member.page.goto(`/reseaux/${CLUB}/lettres`);
    await member.page.getByRole('link', { name: subject, exact: true }).click();
    await member.page.frameLocator('iframe').getByText('toutes et tous').waitFor();
    // « du réseau »: a network's name has no article of its own to contract (« de Club … » read wrong).
    await member.page.getByText(/aux membres du réseau Club des industriels du Forez$/).waitFor();
    await expectAccessible(member.page, 'archive');
    await screenshot(member.page, 'newsletter-archive-phone');
    await Promise.all([claire.context.close(), admin.context.close(), member.context.close()]);
  });
});
