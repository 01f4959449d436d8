import type { Browser, BrowserContext, Page } from 'playwright-core';
import { animationsDone, expectAccessible, launch, newContext, screenshot } from './support/browser';
import { signedIn, signUpAndVerify } from './support/session';

const stamp = Date.now();
const NETWORK = `Club privé des industriels ${stamp}`;
const MESSAGE = 'Nous usinons du titane pour l’aéronautique.';
const MEMBER_COMPANY = 'Usinage de précision du Forez';
const outsider = { email: `outsider.${stamp}@exemple.test`, password: 'une phrase de passe pour un curieux' };

async function pickOption(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Transitions (a dialog fading in) have ended: axe measures the final colours. */

/** The network page reached from the directory, by its card. */
async function openFromDirectory(page: Page): Promise<void> {
  await page.goto(`/reseaux?q=${encodeURIComponent(String(stamp))}`);
  await page.getByRole('link', { name: NETWORK }).click();
  await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
}

describe('networks, in a browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (viewport: 'desktop' | 'phone' = 'desktop') => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    return context.newPage();
  };
  /** A page signed in as `email` (a session reused across journeys: none of these is about signing in). */
  const as = async (email: string, viewport: 'desktop' | 'phone' = 'desktop') => {
    const { context, page } = await signedIn(browser, email, { viewport });
    contexts.push(context);
    return page;
  };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  let animator: Page;
  let member: Page;
  let inviteUrl: URL;

  it('lets an animator create a private network joined on approval', async () => {
    animator = await as('animatrice@demo.maillage.fr');
    await animator.goto('/reseaux');
    await animator.getByRole('heading', { level: 1, name: 'Réseaux' }).waitFor();
    await expectAccessible(animator, 'networks directory');
    await animator.getByRole('link', { name: 'Créer un réseau' }).click();
    await animator.getByRole('heading', { level: 1, name: 'Créer un réseau' }).waitFor();
    await expectAccessible(animator, 'new network form');

    // The form refuses an incomplete network before calling the API.
    await animator.getByRole('button', { name: 'Créer le réseau' }).click();
    await animator.getByText('Ce champ est obligatoire.').first().waitFor();
    await expectAccessible(animator, 'new network form (errors)');

    await animator.getByLabel('Nom du réseau').fill(NETWORK);
    await pickOption(animator, 'Type', "Club d'entreprises");
    await pickOption(animator, 'Maturité', 'Développement');
    await animator.getByRole('radio', { name: 'Privé' }).check();
    await animator.getByRole('radio', { name: 'Adhésion sur demande' }).check();
    await pickOption(animator, 'Départements', 'Loire (42)');
    await animator.getByLabel('Ajouter une commune').fill('Saint-Étienne');
    await animator
      .getByRole('option', { name: /Saint-Étienne \(42\)/ })
      .first()
      .click();
    await animator.getByLabel('Présentation').fill('Les dirigeants industriels de la Loire, une fois par mois.');
    await animator.getByRole('textbox', { name: 'Charte' }).fill('# Charte\n\n- **Bienveillance**\n- Confidentialité des échanges');
    await screenshot(animator, 'networks-new-desktop');
    await animator.getByRole('button', { name: 'Créer le réseau' }).click();

    await animator.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    // The page's address is the network's readable address.
    await animator.waitForURL(new RegExp(`/reseaux/club-prive-des-industriels-${stamp}$`));
    await animator.getByText('Bienveillance').waitFor();
    await expectAccessible(animator, 'network page (animator)');
    await screenshot(animator, 'networks-page-animator-desktop');
  });

  it('lets a company owner ask to join with a message', async () => {
    member = await as('membre@demo.maillage.fr');
    await member.goto(`/reseaux?q=${encodeURIComponent(String(stamp))}`);
    await member.getByRole('link', { name: NETWORK }).waitFor();
    await expectAccessible(member, 'networks directory (member)');
    await screenshot(member, 'networks-directory-desktop');
    await openFromDirectory(member);
    await member.getByRole('button', { name: 'Demander à rejoindre' }).click();
    const dialog = member.getByRole('dialog', { name: `Demander à rejoindre ${NETWORK}` });
    await dialog.getByLabel('Message aux animateurs').fill(MESSAGE);
    await animationsDone(member);
    await expectAccessible(member, 'join request dialog');
    await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
    await member.getByText(`Demande d’${MEMBER_COMPANY} en attente de réponse.`).waitFor();
    await expectAccessible(member, 'network page (pending)');
  });

  it('lets the animator approve the request, after which the company is a member', async () => {
    await animator.reload();
    await animator.getByRole('tab', { name: 'Membres' }).click();
    await animator.waitForURL(/\/membres$/);
    await animator.getByText(MESSAGE).waitFor();
    await expectAccessible(animator, 'members management');
    await screenshot(animator, 'networks-members-animator-desktop');
    await animator.getByRole('button', { name: `Accepter la demande d’${MEMBER_COMPANY}` }).click();
    await animator.getByText(`${MEMBER_COMPANY} est maintenant membre.`).first().waitFor();
    await animator
      .getByRole('combobox', { name: `Rôle d’${MEMBER_COMPANY} dans le réseau` })
      .or(animator.getByLabel(`Rôle d’${MEMBER_COMPANY} dans le réseau`))
      .first()
      .waitFor();

    await animator.getByRole('tab', { name: 'Historique' }).click();
    await animator.getByRole('cell', { name: MEMBER_COMPANY }).first().waitFor();
    await expectAccessible(animator, 'membership history');

    // The managers' settings: the same form as the creation, invitations, the members' export.
    await animator.getByRole('tab', { name: 'Paramètres' }).click();
    await animator.waitForURL(/\/parametres$/);
    await expect(animator.getByLabel('Nom du réseau').inputValue()).resolves.toBe(NETWORK);
    await animator.getByRole('button', { name: "Créer un lien d'invitation" }).click();
    inviteUrl = new URL(await animator.getByRole('textbox', { name: /Lien d'invitation/ }).inputValue());
    expect(inviteUrl.pathname).toBe('/invitations/reseau');
    await animator
      .getByRole('list', { name: 'Invitations en cours' })
      .getByText(/Lien d'invitation/)
      .waitFor();
    await animator.getByRole('link', { name: 'Télécharger la liste des membres (CSV)' }).waitFor();
    await expectAccessible(animator, 'network settings');
    await screenshot(animator, 'networks-settings-desktop');

    await member.reload();
    await member.getByText(`${MEMBER_COMPANY} est membre de ce réseau.`).waitFor();
    await member.getByRole('tab', { name: 'Membres' }).click();
    // A member sees the network's people first; its companies are one switch away.
    await member.getByRole('tabpanel', { name: 'Membres' }).getByText('Entreprises', { exact: true }).click();
    await member.getByRole('list', { name: 'Membres du réseau' }).getByRole('link', { name: MEMBER_COMPANY }).waitFor();
    await expectAccessible(member, 'network members (member)');
    await screenshot(member, 'networks-members-member-desktop');
    await member.getByRole('tab', { name: 'Forum' }).click();
    await member.waitForURL(/\/forum$/);
    await member.getByRole('tabpanel', { name: 'Forum' }).waitFor();
  });

  it('shows a private network to an outsider, but not its members', async () => {
    const page = await open();
    // Confirming the address signs the newcomer in.
    await signUpAndVerify(browser, page, { firstName: 'Camille', lastName: 'Curieuse', ...outsider });
    await page.goto(`/reseaux?q=${encodeURIComponent(String(stamp))}`);
    const card = page.getByRole('article').filter({ hasText: NETWORK });
    await card.getByText('Membres visibles des seuls membres').waitFor();
    await openFromDirectory(page);
    await page
      .getByRole('button', { name: 'Demander à rejoindre' })
      .or(page.getByRole('link', { name: 'Ajouter mon entreprise' }))
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Membres' }).click();
    await page.getByText('Seuls les membres du réseau voient la liste de ses membres.').waitFor();
    expect(await page.getByText(MEMBER_COMPANY).count()).toBe(0);
    expect(await page.getByText(MESSAGE).count()).toBe(0);
    await expectAccessible(page, 'private network (outsider)');
    await screenshot(page, 'networks-outsider-desktop');

    // An invitation link shows the network, and asks for a company first.
    await page.goto(`${inviteUrl.pathname}${inviteUrl.search}`);
    await page.getByText(`Vous êtes invité à rejoindre ${NETWORK}.`).waitFor();
    await page.getByRole('link', { name: 'Ajouter mon entreprise' }).waitFor();
    await expectAccessible(page, 'network invitation');
  });

  it('groups networks into a federation', async () => {
    const csrf = (await (await animator.request.get('/api/v1/auth/csrf')).json()).token as string;
    const organizationId = (await (await animator.request.get('/api/v1/auth/me')).json()).staffOf[0].organizationId as string;
    const federation = `Fédération des clubs ${stamp}`;
    const created = await animator.request.post('/api/v1/networks', {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: federation,
        type: 'virtual_network',
        visibility: 'public',
        joinPolicy: 'invitation',
        maturity: 'development',
        hostOrganizationId: organizationId,
      },
    });
    expect(created.status()).toBe(201);
    const federationId = (await created.json()).id as string;

    await openFromDirectory(animator);
    await animator.getByRole('tab', { name: 'Paramètres' }).click();
    await animator.getByLabel('Ajouter une fédération').fill(federation.slice(0, 20));
    await animator.getByRole('option', { name: federation }).click();
    await animator.getByRole('button', { name: 'Enregistrer' }).click();
    await animator.getByText('Les informations du réseau sont enregistrées.').first().waitFor();
    await animator.getByRole('link', { name: federation }).waitFor();

    await animator.goto(`/reseaux/${federationId}/reseaux`);
    await animator.getByRole('tab', { name: 'Réseaux fédérés', selected: true }).waitFor();
    await animator.getByRole('tabpanel').getByRole('link', { name: NETWORK }).waitFor();
    await expectAccessible(animator, 'federation');
    await screenshot(animator, 'networks-federation-desktop');
  });

  it('asks to join a federation run by others: pending on both sides until its animators accept', async () => {
    const admin = await as('admin@demo.maillage.fr');
    const csrf = (await (await admin.request.get('/api/v1/auth/csrf')).json()).token as string;
    const mine = (await (await animator.request.get('/api/v1/auth/me')).json()).staffOf[0].organizationId as string;
    const organizations = (await (await admin.request.get('/api/v1/organizations')).json()) as { id: string }[];
    const federation = `Fédération régionale ${stamp}`;
    const created = await admin.request.post('/api/v1/networks', {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: federation,
        type: 'virtual_network',
        visibility: 'public',
        joinPolicy: 'invitation',
        maturity: 'development',
        hostOrganizationId: organizations.find((o) => o.id !== mine)!.id,
      },
    });
    expect(created.status()).toBe(201);
    const federationId = (await created.json()).id as string;

    // The club's animator asks: the request waits, and the club is not shown in the federation yet.
    await openFromDirectory(animator);
    await animator.getByRole('tab', { name: 'Paramètres' }).click();
    await animator.getByLabel('Ajouter une fédération').fill(federation.slice(0, 24));
    await animator.getByRole('option', { name: federation }).click();
    await animator.getByRole('button', { name: 'Enregistrer' }).click();
    await animator.getByText('Les informations du réseau sont enregistrées.').first().waitFor();
    await animator.getByText(`En attente de la réponse des animateurs de ${federation}`).waitFor();
    await expectAccessible(animator, 'federation request pending (club)');
    await screenshot(animator, 'networks-federation-request-pending-desktop');
    const before = await (await animator.request.get(`/api/v1/networks/${federationId}/children`)).json();
    expect(before).toEqual([]);

    // The federation's side: the request to accept or refuse.
    await admin.goto(`/reseaux/${federationId}/reseaux`);
    await admin.getByRole('heading', { name: 'Demandes pour rejoindre la fédération' }).waitFor();
    await admin.getByRole('link', { name: NETWORK }).waitFor();
    await expectAccessible(admin, 'federation requests (federation)');
    await screenshot(admin, 'networks-federation-requests-desktop');
    await admin.getByRole('button', { name: `Accepter la demande de ${NETWORK}` }).click();
    await admin.getByText(`${NETWORK} fait désormais partie de la fédération.`).first().waitFor();
    await admin.getByText('Aucune demande en attente.').waitFor();
    await admin.getByRole('tabpanel').getByRole('link', { name: NETWORK }).waitFor();
    await screenshot(admin, 'networks-federation-accepted-desktop');

    const phone = await as('admin@demo.maillage.fr', 'phone');
    await phone.goto(`/reseaux/${federationId}/reseaux`);
    await phone.getByRole('heading', { name: 'Demandes pour rejoindre la fédération' }).waitFor();
    await phone.getByRole('tabpanel').getByRole('link', { name: NETWORK }).waitFor();
    await expectAccessible(phone, 'federation tab (phone)');
    await screenshot(phone, 'networks-federation-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('is readable on a phone', async () => {
    const page = await as('membre@demo.maillage.fr', 'phone');
    await page.goto(`/reseaux?q=${encodeURIComponent(String(stamp))}`);
    await page.getByRole('link', { name: NETWORK }).waitFor();
    await expectAccessible(page, 'networks directory (phone)');
    await screenshot(page, 'networks-directory-phone');
    await openFromDirectory(page);
    await expectAccessible(page, 'network page (phone)');
    await screenshot(page, 'networks-page-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const manager = await as('animatrice@demo.maillage.fr', 'phone');
    await openFromDirectory(manager);
    await manager.getByRole('tab', { name: 'Membres' }).click();
    await manager.getByText(MEMBER_COMPANY).first().waitFor();
    await expectAccessible(manager, 'members management (phone)');
    await screenshot(manager, 'networks-members-phone');
    expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await manager.goto('/reseaux/nouveau');
    await manager.getByRole('heading', { level: 1, name: 'Créer un réseau' }).waitFor();
    await screenshot(manager, 'networks-new-phone');
    expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
