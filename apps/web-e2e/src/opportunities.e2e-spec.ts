import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';

// Opportunities, done-when: a member company publishes a joint-bid opportunity restricted to its club; a matching
// company of the club gets the notification and responds; a company outside the club finds nothing of it anywhere;
// the publisher shortlists two responders and forms a mini-grappe that both join.

const stamp = Date.now();
const PASSWORD = 'une phrase de passe pour les opportunités';
const TITLE = `Réponse groupée pièces aéronautiques ${stamp}`;
const CLUB = 'club-des-industriels-du-forez';
const DAY = 24 * 3600 * 1000;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DEADLINE = new Date(Date.now() + 21 * DAY).toISOString().slice(0, 10);

async function call<T>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const { token } = (await (await request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const response = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { 'x-csrf-token': token } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function siretFor(n: number): string {
  const check = (digits: string) =>
    String(
      [...Array(10).keys()].find(
        (d) =>
          [...`${digits}${d}`].reverse().reduce((sum, c, i) => sum + ((x) => (x > 9 ? x - 9 : x))(Number(c) * (i % 2 ? 2 : 1)), 0) % 10 ===
          0,
      ),
    );
  const siren8 = String(60000000 + ((stamp + n * 7919) % 9999999)).slice(0, 8);
  const siren = siren8 + check(siren8);
  return `${siren}0003${check(`${siren}0003`)}`;
}

interface Person {
  company: string;
  companyId: string;
  context: BrowserContext;
  page: Page;
}

/** A new person (address confirmed through the admin's outbox), signed in, owner of a company with this activity and offer. */
async function newPerson(
  browser: Browser,
  admin: APIRequestContext,
  firstName: string,
  n: number,
  company: { naf: string; commune: string },
): Promise<Person> {
  const email = `${firstName.toLowerCase()}.opps.${stamp}@exemple.test`;
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await call(context.request, 'POST', '/auth/signup', { email, password: PASSWORD, firstName, lastName: 'Opportunité' });
  const mails = await call<{ items: { text: string }[] }>(admin, 'GET', `/admin/mails?q=${encodeURIComponent(email)}`);
  const token = /token=([\w-]+)/.exec(mails.items[0]?.text ?? '')?.[1];
  await call(context.request, 'POST', '/auth/verify', { token });
  // Confirming the address signs the person in.
  await page.goto('/');
  const name = `${firstName} Mécanique ${stamp}`;
  const created = await call<{ id: string }>(context.request, 'POST', '/companies', { siret: siretFor(n), legalName: name });
  await call(context.request, 'PATCH', `/companies/${created.id}`, { nafCode: company.naf, communeCode: company.commune });
  await call(context.request, 'POST', `/companies/${created.id}/offers`, {
    kind: 'offer',
    label: 'Usinage de précision',
    skills: ['usinage 5 axes'],
    nafCodes: [company.naf],
  });
  return { company: name, companyId: created.id, context, page };
}

describe('opportunities, in a browser', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let thomas: Page;
  let clubId: string;
  let first: Person;
  let second: Person;
  let outsider: Person;
  let opportunityUrl: string;

  beforeAll(async () => {
    browser = await launch();
    admin = await newContext(browser);
    await login(await admin.newPage(), 'admin@demo.maillage.fr');
    clubId = (await call<{ id: string }>(admin.request, 'GET', `/networks/by-slug/${CLUB}`)).id;
    const thomasContext = await newContext(browser);
    thomas = await thomasContext.newPage();
    await login(thomas, 'membre@demo.maillage.fr');
    first = await newPerson(browser, admin.request, 'Amandine', 1, { naf: '25.62A', commune: '42095' });
    second = await newPerson(browser, admin.request, 'Bastien', 2, { naf: '25.61Z', commune: '42218' });
    outsider = await newPerson(browser, admin.request, 'Odile', 3, { naf: '25.62B', commune: '42218' });
    // The club accepts the first two (approved here by the platform admin, who may manage any network).
    for (const who of [first, second]) {
      await call(who.context.request, 'POST', `/networks/${clubId}/join`, { companyId: who.companyId });
      await call(admin.request, 'POST', `/networks/${clubId}/members/${who.companyId}/approve`);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('publishes a joint bid restricted to the club', async () => {
    await thomas.goto('/opportunites');
    await thomas.getByRole('link', { name: 'Publier une opportunité' }).first().click();
    await thomas.waitForURL('**/opportunites/nouvelle');
    await thomas.getByLabel('Titre').fill(TITLE);
    await thomas
      .getByLabel('Description')
      .fill(
        'Un **donneur d’ordres aéronautique** lance un appel d’offres : nous cherchons des partenaires en usinage 5 axes et en traitement de surface.',
      );
    const naf = thomas.getByLabel('Secteurs recherchés (NAF)', { exact: true });
    await naf.fill('25.62');
    await thomas
      .getByRole('option', { name: /25\.62B/ })
      .first()
      .click();
    const skills = thomas.getByRole('combobox', { name: 'Compétences recherchées' });
    await skills.fill('usinage 5 axes');
    await skills.press('Enter');
    await thomas.getByLabel('Commune', { exact: true }).fill('Saint-Étienne');
    await thomas
      .getByRole('option', { name: /Saint-Étienne \(42\)/ })
      .first()
      .click();
    await thomas.getByLabel('Date limite').fill(DEADLINE);
    await thomas.getByLabel('Budget minimum').fill('20000');
    await thomas.getByLabel('Budget maximum').fill('80000');
    await thomas.getByRole('radio', { name: 'Membres de réseaux choisis' }).check();
    await thomas.getByRole('checkbox', { name: 'Club des industriels du Forez' }).check();
    await expectAccessible(thomas, 'new opportunity form');
    await screenshot(thomas, 'opportunities-form');
    await thomas.getByRole('button', { name: 'Publier', exact: true }).click();
    await thomas.waitForURL((url) => /\/opportunites\/[0-9a-f-]{36}$/.test(url.pathname));
    opportunityUrl = new URL(thomas.url()).pathname;
    await expect(thomas.getByRole('heading', { level: 1, name: TITLE })).toBeDefined();
    await thomas.getByText('Réservée à : Club des industriels du Forez').waitFor();
    // The matching engine explains its suggestions.
    await thomas.getByRole('region', { name: 'Entreprises qui correspondent' }).getByRole('link', { name: first.company }).waitFor();
    await expectAccessible(thomas, 'opportunity (publisher)');
    await screenshot(thomas, 'opportunities-publisher');
  }, 120_000);

  it('tells the matching club member, who responds', async () => {
    const page = first.page;
    await page.goto('/notifications');
    const notification = page.getByRole('link', { name: new RegExp(`Opportunité pour ${first.company}`) });
    await notification.waitFor();
    await expectAccessible(page, 'notifications with an opportunity');
    await notification.click();
    await page.waitForURL(`**${opportunityUrl}`);
    await page.getByLabel('Votre message').fill('Nous avons trois centres 5 axes et la certification EN 9100.');
    await page.getByRole('button', { name: 'Je suis intéressé' }).click();
    await page.getByText(`${first.company} a répondu.`).waitFor();
    // A reference sheet joined to the response.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Joindre un fichier à la réponse (PDF, PNG, JPEG)' }).click();
    await (await chooser).setFiles({ name: `references-${stamp}.png`, mimeType: 'image/png', buffer: PNG });
    await page
      .getByRole('list', { name: 'Pièces jointes de votre réponse' })
      .getByRole('link', { name: `references-${stamp}.png` })
      .waitFor();
    await expectAccessible(page, 'opportunity (responder)');
    await screenshot(page, 'opportunities-responder');
    // Its company page lists it among the opportunities for it, with the reasons.
    await page.goto(`/entreprises/${first.companyId}`);
    await page.getByRole('region', { name: 'Opportunités pour mon entreprise' }).getByRole('link', { name: TITLE }).waitFor();
    await page.getByText('Publié par un membre de Club des industriels du Forez').first().waitFor();
    await screenshot(page, 'opportunities-company-suggestions');

    await second.page.goto(opportunityUrl);
    await second.page.getByLabel('Votre message').fill('Traitement de surface et peinture sur place.');
    await second.page.getByRole('button', { name: 'Je suis intéressé' }).click();
    await second.page.getByText(`${second.company} a répondu.`).waitFor();
  }, 120_000);

  it('shows nothing of it to a company outside the club', async () => {
    const page = outsider.page;
    const id = opportunityUrl.split('/').pop()!;
    await page.goto('/opportunites');
    await page.getByRole('heading', { level: 1, name: 'Opportunités' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.goto(`/recherche?q=${encodeURIComponent(String(stamp))}&kind=opportunity`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.goto(opportunityUrl);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await page.goto('/notifications');
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.goto(`/entreprises/${outsider.companyId}`);
    await page.getByRole('region', { name: 'Opportunités pour mon entreprise' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(TITLE).count()).toBe(0);
    const api = page.context().request;
    expect((await api.get(`/api/v1/opportunities/${id}`)).status()).toBe(404);
    for (const q of [String(stamp), 'aéronautiques']) {
      const suggest = await (await api.get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`)).text();
      expect(suggest).not.toContain(TITLE);
      expect(suggest).not.toContain(id);
      const map = await (await api.get(`/api/v1/search/map?q=${encodeURIComponent(q)}&kind=opportunity`)).text();
      expect(map).not.toContain(id);
    }
    const mails = await call<{ items: { text: string; to: string }[] }>(
      admin.request,
      'GET',
      `/admin/mails?q=${encodeURIComponent(`odile.opps.${stamp}`)}`,
    );
    expect(JSON.stringify(mails.items)).not.toContain(TITLE);
  }, 120_000);

  it('shortlists two responders and forms a mini-grappe both join', async () => {
    await thomas.goto(opportunityUrl);
    // The publisher reads the file joined to the first response.
    const joined = thomas
      .getByRole('list', { name: `Pièces jointes de ${first.company}` })
      .getByRole('link', { name: `references-${stamp}.png` });
    expect((await thomas.context().request.get((await joined.getAttribute('href')) ?? '')).status()).toBe(200);
    for (const who of [first, second]) {
      await thomas.getByRole('button', { name: `Présélectionner ${who.company}` }).click();
      await thomas.getByRole('listitem', { name: who.company }).getByText('Présélectionnée').waitFor();
    }
    // A question to the first responder, in a private thread of the messages.
    await thomas.getByRole('button', { name: `Poser une question à ${first.company}` }).click();
    await thomas.waitForURL('**/messages/**');
    await thomas.getByText(`Questions · ${TITLE}`).first().waitFor();
    await first.page.goto(opportunityUrl);
    await first.page.getByRole('link', { name: 'Voir les échanges' }).waitFor();
    await thomas.goto(opportunityUrl);
    await thomas.getByRole('link', { name: `Voir les échanges avec ${first.company}` }).waitFor();
    await thomas.getByRole('button', { name: 'Former la mini-grappe' }).click();
    await thomas.getByText('En constitution').waitFor();
    await screenshot(thomas, 'opportunities-group-forming');
    for (const who of [first, second]) {
      await who.page.goto(opportunityUrl);
      await who.page.getByRole('button', { name: 'Rejoindre la mini-grappe' }).click();
      await who.page.getByText('Vous avez rejoint la mini-grappe').waitFor();
    }
    await second.page.getByLabel('Votre message').last().fill('Je propose un point lundi pour répartir les lots.');
    await second.page.getByRole('button', { name: 'Envoyer' }).click();
    // The group's private folder.
    const chooser = second.page.waitForEvent('filechooser');
    await second.page.getByRole('button', { name: 'Ajouter un document' }).click();
    await (await chooser).setFiles({ name: `lots-${stamp}.png`, mimeType: 'image/png', buffer: PNG });
    const documentLink = second.page.getByRole('link', { name: `lots-${stamp}.png` });
    await documentLink.waitFor();
    const documentUrl = (await documentLink.getAttribute('href')) ?? '';
    expect((await outsider.context.request.get(documentUrl)).status()).toBe(404);
    expect((await second.context.request.get(documentUrl)).status()).toBe(200);
    await thomas.reload();
    const group = thomas.getByRole('region', { name: 'Mini-grappe' });
    await group.getByRole('link', { name: `lots-${stamp}.png` }).waitFor();
    await group.getByText('Constituée').waitFor();
    await group.getByText('Je propose un point lundi pour répartir les lots.').waitFor();
    expect(await group.getByText('Membre', { exact: true }).count()).toBe(2);
    await expectAccessible(thomas, 'opportunity with its mini-grappe');
    await screenshot(thomas, 'opportunities-group');
    const phone = await (await newContext(browser, 'phone')).newPage();
    await login(phone, 'membre@demo.maillage.fr');
    await phone.goto(opportunityUrl);
    await phone.getByRole('region', { name: 'Mini-grappe' }).waitFor();
    await expectAccessible(phone, 'opportunity on a phone');
    await screenshot(phone, 'opportunities-phone');
  }, 180_000);

  it('the lead designates the CCI integrator, who finds the group in her cockpit and opens it', async () => {
    await thomas.goto(opportunityUrl);
    const group = thomas.getByRole('region', { name: 'Mini-grappe' });
    await group.getByLabel('Choisir un intégrateur CCI', { exact: true }).click();
    await thomas
      .getByRole('option', { name: /^Claire Dubois — / })
      .first()
      .click();
    await group.getByRole('button', { name: 'Désigner' }).click();
    await group.getByText(/^Intégrateur désigné : Claire Dubois — /).waitFor();
    await expectAccessible(thomas, 'mini-grappe with its CCI integrator (lead)');
    await screenshot(thomas, 'opportunities-group-integrator-lead');

    for (const size of ['desktop', 'phone'] as const) {
      const claire = await (await newContext(browser, size)).newPage();
      await login(claire, 'animatrice@demo.maillage.fr');
      await claire.goto('/pilotage');
      const supported = claire.getByRole('region', { name: 'Mini-grappes accompagnées', exact: true });
      await supported.getByRole('link', { name: TITLE }).click();
      await claire.waitForURL(`**${opportunityUrl}/mini-grappe`);
      await claire.getByText('Vous accompagnez cette mini-grappe').waitFor();
      await claire.getByText('Je propose un point lundi pour répartir les lots.').waitFor();
      await claire.getByLabel('Inviter une entreprise de vos réseaux', { exact: true }).waitFor();
      await expectAccessible(claire, `mini-grappe page of its CCI integrator (${size})`);
      await screenshot(claire, `opportunities-group-integrator-${size}`);
      // The responses stay between the publisher and the responders: Claire (host staff, so in the club's audience)
      // gets those of her own company, none, and the group's page shows nothing of them.
      const id = opportunityUrl.split('/').pop()!;
      const responses = await claire.context().request.get(`/api/v1/opportunities/${id}/responses`);
      expect(responses.status()).toBe(200);
      expect(await responses.json()).toEqual([]);
      expect(await claire.getByText('Nous avons trois centres 5 axes').count()).toBe(0);
      await claire.context().close();
    }
  }, 180_000);

  it('the animator sees it in her cockpit', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await (await newContext(browser, size)).newPage();
      await login(page, 'animatrice@demo.maillage.fr');
      await page.goto('/pilotage');
      const figures = page.getByRole('region', { name: 'Opportunités et mini-grappes accompagnées' });
      await figures.waitFor();
      // The mini-grappe formed above and its two responses are counted among the club's.
      const groups = figures.locator('[data-figure="groupsFormed"]');
      await groups.filter({ hasText: /\d/ }).waitFor();
      expect(Number((await groups.textContent())?.replace(/\s/g, '') || '0')).toBeGreaterThanOrEqual(1);
      expect(Number((await figures.locator('[data-figure="responses"]').textContent())?.replace(/\s/g, '') || '0')).toBeGreaterThanOrEqual(
        2,
      );
      await expectAccessible(page, `cockpit with opportunities (${size})`);
      await figures.scrollIntoViewIfNeeded();
      await screenshot(page, `opportunities-cockpit-${size}`);
      await page.context().close();
    }
  }, 120_000);
});
