import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, expectAccessible, launch, login, newContext, screenshot } from './support/browser';
import { outboxMail } from './support/session';

const stamp = Date.now();
const FRESH = `Cercle des nouveaux venus ${stamp}`;
const MEMBER_COMPANY = 'Usinage de précision du Forez';
/** The page of the network created in the second test (reused by the later ones). */
let freshPath = '';

/** The newest outbox e-mail to an address (read by the platform admin through the API, as the admin UI does). */
async function mailTo(browser: Browser, email: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  return outboxMail(browser, email, subject);
}

async function pickOption(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

// A 1×1 PNG: what the tile server answers here (these machines have no Internet access; the browser still
// applies the page's CSP before the request leaves, which is what is checked).
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Console lines the CSP wrote (a refused image, script, connection…). */
function cspRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

describe('first use: no dead ends', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('draws the map background from the configured tile server, allowed by the CSP, with a company popup that says more than a name', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const refused = cspRefusals(page);
    const tiles: string[] = [];
    await page.route('https://tile.openstreetmap.org/**', (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
    });
    await page.goto(`/recherche?q=${encodeURIComponent('usinage forez')}&view=map`);
    await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 60_000 });
    await page.locator('img.leaflet-tile-loaded').first().waitFor();
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles[0]).toMatch(/^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/);
    // The credit of the tiles is shown, as their licence asks.
    await page
      .locator('.leaflet-control-attribution')
      .getByRole('link', { name: /OpenStreetMap/ })
      .waitFor();

    // A company's popup: its name, sector, commune and a link to its page.
    // (A single company's marker carries its name as title; clusters do not.)
    await page.locator('.leaflet-marker-icon[title]').first().click();
    const popup = page.locator('.leaflet-popup');
    await popup.getByRole('link', { name: 'Voir la fiche' }).waitFor();
    await popup.getByText(/\(\d[\dAB]\)$/).waitFor();
    await expectAccessible(page, 'map with tiles and a popup');
    await screenshot(page, 'first-use-map-popup');
    expect(refused).toEqual([]);
    await context.close();
  });

  it('lets a new member post in a network created a minute ago, mentioning someone by name', async () => {
    // An animator creates a public network anyone may join; she sets nothing up in its forum.
    const animatorContext = await newContext(browser);
    const animator = await animatorContext.newPage();
    await login(animator, 'animatrice@demo.maillage.fr');
    await animator.goto('/reseaux/nouveau');
    await animator.getByLabel('Nom du réseau').fill(FRESH);
    await pickOption(animator, 'Type', "Club d'entreprises");
    await pickOption(animator, 'Maturité', 'Émergence');
    await animator.getByRole('radio', { name: 'Public' }).check();
    await animator.getByRole('radio', { name: 'Adhésion libre' }).check();
    await pickOption(animator, 'Départements', 'Loire (42)');
    await animator.getByLabel('Présentation').fill('Un réseau tout neuf, pour voir.');
    await animator.getByRole('button', { name: 'Créer le réseau' }).click();
    await animator.getByRole('heading', { level: 1, name: FRESH }).waitFor();
    const networkPath = new URL(animator.url()).pathname;
    freshPath = networkPath;
    await animatorContext.close();

    // A member company joins and its owner opens the first topic, mentioning the animator.
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'membre@demo.maillage.fr');
    await page.goto(networkPath);
    await page.getByRole('button', { name: 'Rejoindre le réseau' }).click();
    await page.getByText(`${MEMBER_COMPANY} a rejoint ${FRESH}.`).first().waitFor();
    await page.getByRole('tab', { name: 'Forum' }).click();
    await page.getByRole('button', { name: 'Nouveau sujet' }).click();
    const composer = page.getByRole('dialog', { name: 'Nouveau sujet' });
    // The forum starts with a category: nothing to set up before the first post.
    const chosen = composer
      .getByRole('combobox', { name: /Catégorie/ })
      .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent);
    await expect(chosen).resolves.toBe('Discussions générales');
    await composer.getByLabel('Titre').fill('Bonjour à tous');
    const body = composer.getByRole('textbox', { name: 'Message' });
    await body.click();
    await body.pressSequentially('Merci @Clai');
    await composer.getByRole('option', { name: /Claire Dubois/ }).waitFor();
    await body.press('Enter');
    // The text shows the name, not the markup the server receives.
    await expect(body.inputValue()).resolves.toBe('Merci @Claire Dubois ');
    await body.pressSequentially('pour ce nouveau réseau !');
    await expect(body.inputValue()).resolves.toBe('Merci @Claire Dubois pour ce nouveau réseau !');
    await expectAccessible(page, 'new topic in a fresh network');
    await composer.getByRole('button', { name: 'Publier le sujet' }).click();
    await page.waitForURL(/\/forum\/sujets\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Bonjour à tous' }).waitFor();
    // The server resolved the person: a mention, not plain text.
    await page.locator('.mention', { hasText: '@Claire Dubois' }).waitFor();
    await expectAccessible(page, 'topic in a fresh network');
    await context.close();
  });

  it('lets a member find his animator by name to write to her, and shows a network’s people with a search box', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'membre@demo.maillage.fr');

    // The members tab of his network: people first, found by name; the host's staff are among them.
    await page.goto('/reseaux/za-molina/membres');
    await page.getByRole('list', { name: 'Personnes du réseau' }).waitFor();
    await page.getByLabel('Rechercher une personne').fill('claire');
    const people = page.getByRole('list', { name: 'Personnes du réseau' });
    const claire = people.getByRole('listitem').filter({ hasText: 'Claire Dubois' });
    await claire.getByRole('link', { name: 'Claire Dubois' }).waitFor();
    await claire.getByText('Équipe d’animation').waitFor();
    await expectAccessible(page, 'network people');
    await screenshot(page, 'first-use-network-people');

    // « Nouvelle conversation » finds her by « Dubois Claire ».
    await page.goto('/messages');
    await page.getByRole('button', { name: 'Nouvelle conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle conversation' });
    await dialog.getByLabel('Ajouter une personne').fill('Dubois Claire');
    await page.getByRole('option', { name: 'Claire Dubois' }).click();
    await dialog.getByRole('list', { name: 'Personnes choisies' }).getByText('Claire Dubois').waitFor();
    await expectAccessible(page, 'new conversation with the animator');
    await dialog.getByRole('button', { name: 'Commencer' }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 2, name: 'Claire Dubois' }).waitFor();
    await context.close();
  });

  it('lets a newcomer confirm his address and be signed in, ask to join an existing company, and its owner accept', async () => {
    const contexts: BrowserContext[] = [];
    const email = `nouveau.${stamp}@exemple.test`;
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/inscription');
    await page.getByLabel('Prénom').fill('Hugo');
    await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('une phrase de passe pour Hugo');
    await page.getByRole('checkbox', { name: /J’accepte les/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Vérifiez votre boîte mail').waitFor();

    // The confirmation link signs him in: no detour through the login form.
    const verification = await mailTo(browser, email, /Confirmez votre adresse/);
    const link = new URL(/https?:\/\/\S+verifier-email\?token=[\w-]+/.exec(verification.text)![0]);
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByText('Bienvenue Hugo, votre compte est actif et vous êtes connecté.').waitFor();
    await page.getByRole('button', { name: /Hugo/ }).waitFor();
    await expectAccessible(page, 'address confirmed, signed in');

    // His company is on Maillage already, managed by Thomas: he asks to join it.
    const ownerContext = await newContext(browser);
    contexts.push(ownerContext);
    const owner = await ownerContext.newPage();
    await login(owner, 'membre@demo.maillage.fr');
    const [flagship] = (await (await owner.request.get('/api/v1/companies/mine')).json()) as { id: string; siret: string; name: string }[];
    await page.getByRole('link', { name: 'Ajouter mon entreprise' }).click();
    await page.getByLabel('SIRET').fill(flagship.siret);
    await page.getByRole('button', { name: "Ajouter l'entreprise" }).click();
    await page.getByText('Entreprise déjà gérée').waitFor();
    await page.getByLabel('Un mot pour ses responsables (facultatif)').fill('Je suis le nouveau responsable qualité.');
    await expectAccessible(page, 'claim an existing company');
    await page.getByRole('button', { name: 'Demander à rejoindre l’entreprise' }).click();
    await page.getByText('Demande envoyée').waitFor();

    // Thomas is told (in the app and by e-mail) and accepts from the company's page.
    await owner.goto('/notifications');
    await owner.getByText(`Hugo Lefèvre demande à rejoindre ${flagship.name}`).first().click();
    await owner.waitForURL(new RegExp(`/entreprises/${flagship.id}\\?modifier`));
    const request = owner.getByRole('list', { name: 'Demandes pour rejoindre l’entreprise' });
    await request.getByText('« Je suis le nouveau responsable qualité. »').waitFor();
    await expectAccessible(owner, 'company claims');
    await screenshot(owner, 'first-use-company-claims');
    await owner.getByRole('button', { name: 'Accepter la demande d’Hugo Lefèvre' }).click();
    await owner.getByText('Hugo Lefèvre fait désormais partie de l’entreprise.').waitFor();
    await owner.getByText('Aucune demande en attente.').waitFor();
    expect((await mailTo(browser, 'membre@demo.maillage.fr', /Hugo Lefèvre demande à rejoindre/)).text).toContain(
      'Je suis le nouveau responsable qualité.',
    );

    // Hugo is told, and the company is his.
    expect((await mailTo(browser, email, /Vous avez rejoint/)).subject).toBe(`Vous avez rejoint ${flagship.name}`);
    await page.goto('/entreprises');
    await page.getByRole('link', { name: flagship.name }).first().waitFor();
    for (const c of contexts) await c.close();
  });

  it('on a touch phone: the forum shows its topics at once, a topic fits the screen, following says what it does, one’s own reply is not new, Enter is not promised', async () => {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await login(page, 'membre@demo.maillage.fr');

    // The forum tab opens on the topics, not on the network's badges and the member's panel.
    await page.goto('/reseaux/za-molina/forum');
    const newest = page.getByRole('list', { name: 'Sujets du forum' }).getByRole('link').first();
    await newest.waitFor();
    const box = await newest.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(844);
    expect(await page.getByRole('button', { name: 'Quitter le réseau' }).count()).toBe(0);
    await expectAccessible(page, 'forum tab on a phone');
    await screenshot(page, 'first-use-forum-phone');

    await page.getByRole('link', { name: 'Ramassage des cartons : nouveau calendrier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ramassage des cartons : nouveau calendrier' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The follow button says what a click will do.
    const follow = page.getByRole('button', { name: /^(Suivre|Ne plus suivre)$/ });
    const before = await follow.innerText();
    const after = before.includes('Ne plus') ? 'Suivre' : 'Ne plus suivre';
    await follow.click();
    await page.getByRole('button', { name: after, exact: true }).waitFor();
    await page.getByRole('button', { name: after, exact: true }).click();
    await page.getByRole('button', { name: before.trim(), exact: true }).waitFor();

    // Everything read, then a reply: one's own post is never under the « new posts » line.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ramassage des cartons : nouveau calendrier' }).waitFor();
    const reply = `Nous serons là aussi (${stamp}).`;
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill(reply);
    await page.getByRole('button', { name: 'Publier la réponse' }).click();
    await page.getByRole('article').filter({ hasText: reply }).waitFor();
    expect(await page.getByText('Nouveaux messages').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'topic on a phone, after a reply');
    await screenshot(page, 'first-use-topic-reply-phone');

    // Messages on a touch screen: the keyboard's Enter breaks the line, so the hint does not promise it sends.
    await page.goto('/messages');
    await page.getByRole('button', { name: 'Nouvelle conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle conversation' });
    await dialog.getByLabel('Ajouter une personne').fill('Claire');
    await page.getByRole('option', { name: 'Claire Dubois' }).click();
    await dialog.getByRole('button', { name: 'Commencer' }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const message = page.getByRole('textbox', { name: 'Votre message' });
    await message.waitFor();
    const hint = await message.evaluate((box) =>
      (box.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(hint).toContain('gras');
    expect(hint).not.toContain('Entrée');
    await context.close();
  });

  it('lets an animator invite a company picked from the directory; its owner is told and accepts; moderation is at the network’s address', async () => {
    expect(freshPath).not.toBe('');
    // The club's animator runs his own company (« Forges et Ateliers de la Loire » and its legal form).
    const ownerContext = await newContext(browser);
    const owner = await ownerContext.newPage();
    await login(owner, 'animateur@demo.maillage.fr');
    const [{ name: CLUB_COMPANY }] = (await (await owner.request.get('/api/v1/companies/mine')).json()) as { name: string }[];
    expect(CLUB_COMPANY).toMatch(/^Forges et Ateliers de la Loire/);
    const context = await newContext(browser);
    const animator = await context.newPage();
    await login(animator, 'animatrice@demo.maillage.fr');
    await animator.goto(`${freshPath}/parametres`);
    const picker = animator.getByLabel('Inviter une entreprise de l’annuaire', { exact: true });
    await picker.fill(CLUB_COMPANY);
    // Exactly his company (the directory holds namesakes with another legal form).
    await animator.getByRole('option', { name: new RegExp(`^${CLUB_COMPANY}( · |$)`) }).click();
    await expectAccessible(animator, 'invite from the directory');
    await animator.getByRole('button', { name: 'Inviter l’entreprise' }).click();
    await animator.getByText(`${CLUB_COMPANY} est invitée : ses dirigeants sont prévenus.`).waitFor();
    await screenshot(animator, 'first-use-invite-from-directory');

    // The moderation page is at the network's address, even when reached by its id.
    await animator.goto('/reseaux/za-molina/forum');
    await animator.getByRole('link', { name: 'Modération', exact: true }).first().click();
    await animator.waitForURL(/\/reseaux\/za-molina\/moderation$/);
    const { id } = (await (await animator.request.get('/api/v1/networks/by-slug/za-molina')).json()) as { id: string };
    await animator.goto(`/reseaux/${id}/moderation`);
    await animator.waitForURL(/\/reseaux\/za-molina\/moderation$/);
    await animator.getByRole('heading', { level: 1, name: /^Modération · / }).waitFor();

    // The club company's owner is told in the app, opens the network and accepts.
    await owner.goto('/notifications');
    await owner.getByText(`${FRESH} invite ${CLUB_COMPANY} à le rejoindre`).first().click();
    await owner.getByRole('heading', { level: 1, name: FRESH }).waitFor();
    await owner.getByRole('button', { name: "Accepter l'invitation" }).click();
    await owner.getByText(`${CLUB_COMPANY} a rejoint ${FRESH}.`).first().waitFor();
    expect((await mailTo(browser, 'animateur@demo.maillage.fr', /est invitée à rejoindre/)).subject).toBe(
      `${CLUB_COMPANY} est invitée à rejoindre ${FRESH}`,
    );

    // His title in his club's people, in the form he chose: « Animateur ».
    await owner.goto('/reseaux/club-des-industriels-du-forez/membres');
    // A manager lands on the companies; the people are one click away.
    await owner.locator('label', { hasText: /^Personnes$/ }).click();
    await owner.getByLabel('Rechercher une personne').fill('Faure');
    const julien = owner.getByRole('list', { name: 'Personnes du réseau' }).getByRole('listitem').filter({ hasText: 'Julien Faure' });
    await julien.getByText('Animateur', { exact: true }).waitFor();
    await context.close();
    await ownerContext.close();
  });

  it('greets a visitor with a landing page, a member and an animator with their home, on a desktop and a phone', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const size = viewport === 'phone' ? { width: 390, height: 844 } : { width: 1366, height: 768 };
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.setViewportSize(size);
      // A visitor's pages log no error (no 401 on the session check, nothing refused by the CSP).
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Les entreprises de votre territoire, en réseau' }).waitFor();
      const figures = page.getByRole('list', { name: 'Maillage en chiffres' });
      await figures.getByText(/réseaux actifs/).waitFor();
      await figures.getByText(/entreprises membres/).waitFor();
      await page.getByRole('heading', { name: 'Des réseaux ouverts à découvrir' }).waitFor();
      await page.getByRole('link', { name: 'Association des entreprises de la ZA de Molina' }).first().waitFor();
      await page.getByRole('heading', { name: 'Prochains événements' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Informations sur la plateforme' })
        .getByRole('link', { name: 'Déclaration d’accessibilité' })
        .waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `landing (${viewport})`);
      await screenshot(page, `first-use-landing-${viewport}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      // The search box front and centre opens the directory.
      await page
        .getByRole('search', { name: 'Rechercher une entreprise, un savoir-faire, un réseau' })
        .getByRole('textbox')
        .fill('usinage');
      await page
        .getByRole('search', { name: 'Rechercher une entreprise, un savoir-faire, un réseau' })
        .getByRole('button', { name: 'Rechercher' })
        .click();
      await page.waitForURL(/\/recherche\?q=usinage/);
      await page.goto('/accessibilite');
      await page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' }).waitFor();
      await expectAccessible(page, `accessibility statement (${viewport})`);
      expect(errors).toEqual([]);

      // A member's home: his networks with their unread topics, his events, the recent activity, his companies.
      await login(page, 'membre@demo.maillage.fr');
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Bonjour Thomas' }).waitFor();
      await page.getByRole('heading', { name: 'Mes réseaux' }).waitFor();
      await page.getByRole('link', { name: 'Association des entreprises de la ZA de Molina' }).first().waitFor();
      await page.getByRole('heading', { name: 'Activité récente' }).waitFor();
      await page.getByRole('link', { name: 'Usinage de précision du Forez' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `member home (${viewport})`);
      await screenshot(page, `first-use-home-member-${viewport}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

      // The pages people judge: a network, a company, a topic.
      await page.goto('/reseaux/za-molina');
      await page.getByRole('heading', { level: 1, name: 'Association des entreprises de la ZA de Molina' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `first-use-network-${viewport}`);
      await page
        .getByRole('link', { name: 'Mes entreprises' })
        .or(page.getByRole('button', { name: 'Ouvrir le menu' }))
        .first()
        .waitFor();
      const [flagship] = (await (await page.request.get('/api/v1/companies/mine')).json()) as { id: string }[];
      await page.goto(`/entreprises/${flagship.id}`);
      await page.getByRole('heading', { level: 1, name: 'Usinage de précision du Forez' }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `company page (${viewport})`);
      await screenshot(page, `first-use-company-${viewport}`);
      await page.goto('/reseaux/za-molina/forum');
      await page.getByRole('link', { name: 'Ramassage des cartons : nouveau calendrier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ramassage des cartons : nouveau calendrier' }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `topic page (${viewport})`);
      await screenshot(page, `first-use-topic-${viewport}`);
      await context.close();
    }

    // An animator's home leads to her networks' cockpit.
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await login(page, 'animatrice@demo.maillage.fr');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Bonjour Claire' }).waitFor();
    expect(await page.getByRole('link', { name: 'Piloter mes réseaux' }).getAttribute('href')).toBe('/pilotage');
    await page.getByText('Vous l’animez (équipe de la CCI)').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'animator home');
    await screenshot(page, 'first-use-home-animator-desktop');
    await context.close();
  });
});
