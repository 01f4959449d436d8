import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, newContext, screenshot } from './support/browser';
import { signedIn as signedInAs } from './support/session';

// What a user must be able to do: in a private network, a member posts a topic mentioning another member, who
// sees it appear while on the forum; a non-member sees nothing of it; a reported post is hidden by a
// moderator from the moderation queue.

const stamp = Date.now();
const PASSWORD = 'une phrase de passe pour le forum';
const NETWORK = `Club forum e2e ${stamp}`;
const TITLE = `Tourneur disponible ${stamp}`;
const ANIMATOR = 'animatrice@demo.maillage.fr';
// A 1×1 PNG, attached to a reply.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000005000157a7e1b70000000049454e44ae426082',
  'hex',
);
const MEMBER = 'membre@demo.maillage.fr';

/** Waits for running CSS transitions (a dialog fading in) so that axe sees the final colours. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
}

/** The JSON API as the signed-in person of `page` (same cookies, CSRF token). */
async function apiOf(page: Page) {
  const request = page.context().request;
  const token = ((await (await request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const response = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { 'x-csrf-token': token } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
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
  const siren8 = String(80000000 + (seed % 10000000)).slice(0, 8);
  const siren = `${siren8}${luhnDigit(siren8)}`;
  const nic4 = '0001';
  return `${siren}${nic4}${luhnDigit(`${siren}${nic4}`)}`;
}

interface Person {
  context: BrowserContext;
  page: Page;
  firstName: string;
  lastName: string;
}

/** Signs a new person up, confirms the address from the outbox (as the admin), signs in; optionally with a company. */
async function freshPerson(
  browser: Browser,
  admin: Page,
  firstName: string,
  lastName: string,
  companyName?: string,
): Promise<Person & { companyId?: string }> {
  const email = `${firstName.toLowerCase()}.${stamp}@exemple.test`;
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await (await apiOf(page)).post('/auth/signup', { email, password: PASSWORD, firstName, lastName });
  const mails = await (await apiOf(admin)).get<{ items: { text: string }[] }>(`/admin/mails?q=${encodeURIComponent(email)}`);
  const link = /(https?:\/\/\S+)/.exec(mails.items[0]?.text ?? '')?.[1];
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`no verification link for ${email}`);
  await (await apiOf(page)).post('/auth/verify', { token });
  // Confirming the address signs the person in.
  await page.goto('/');
  if (!companyName) return { context, page, firstName, lastName };
  const company = await (await apiOf(page)).post<{ id: string }>('/companies', { siret: freshSiret(stamp), legalName: companyName });
  return { context, page, firstName, lastName, companyId: company.id };
}

async function signedIn(
  browser: Browser,
  email: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInAs(browser, email, { viewport });
}

describe('forums and moderation, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('posts live in a private network, hides it from others, and moderates a report', async () => {
    // ---- set-up through the API: a private network with two member companies ----
    const admin = await signedIn(browser, 'admin@demo.maillage.fr');
    const animator = await signedIn(browser, ANIMATOR);
    const member = await signedIn(browser, MEMBER);
    const animatorApi = await apiOf(animator.page);
    const memberApi = await apiOf(member.page);
    const me = await animatorApi.get<{ staffOf: { organizationId: string }[] }>('/auth/me');
    const network = await animatorApi.post<{ id: string }>('/networks', {
      name: NETWORK,
      type: 'business_club',
      visibility: 'private',
      joinPolicy: 'approval',
      maturity: 'development',
      hostOrganizationId: me.staffOf[0]!.organizationId,
      description: 'Réseau de test du forum.',
    });
    const flagship = (await memberApi.get<{ id: string }[]>('/companies/mine'))[0]!;
    const camille = await freshPerson(browser, admin.page, 'Camille', 'Roux', `Roux Décolletage ${stamp}`);
    for (const [person, companyId] of [
      [member.page, flagship.id],
      [camille.page, camille.companyId!],
    ] as const) {
      await (await apiOf(person)).post(`/networks/${network.id}/join`, { companyId });
      await animatorApi.post(`/networks/${network.id}/members/${companyId}/approve`);
    }
    const outsider = await freshPerson(browser, admin.page, 'Dominique', 'Faure');
    await admin.context.close();
    const forumPath = `/reseaux/${network.id}/forum`;

    // ---- the animator creates a category from the forum tab ----
    await animator.page.goto(forumPath);
    await animator.page.getByRole('button', { name: 'Gérer les catégories' }).click();
    const manager = animator.page.getByRole('dialog', { name: 'Gérer les catégories' });
    await manager.getByRole('textbox', { name: /^Nom/ }).fill('Entraide');
    await manager.getByLabel('Description').fill('Questions et coups de main entre membres.');
    await manager.getByRole('button', { name: 'Créer la catégorie' }).click();
    await manager.getByText('Entraide', { exact: true }).waitFor();
    await settled(animator.page);
    await expectAccessible(animator.page, 'forum categories dialog');
    await screenshot(animator.page, 'forum-categories');
    await animator.page.keyboard.press('Escape');

    // ---- Camille waits on the forum's topic list ----
    await camille.page.goto(forumPath);
    await camille.page.getByText('Aucun sujet pour l’instant').waitFor();
    await expectAccessible(camille.page, 'forum tab (empty)');

    // ---- Thomas opens a topic mentioning Camille (keyboard choice in the suggestions) ----
    await member.page.goto(forumPath);
    await member.page.getByRole('button', { name: 'Nouveau sujet' }).click();
    const composer = member.page.getByRole('dialog', { name: 'Nouveau sujet' });
    await composer.getByLabel('Titre').fill(TITLE);
    const body = composer.getByRole('textbox', { name: 'Message' });
    await body.click();
    await body.pressSequentially('Bonjour @Cam');
    await composer.getByRole('option', { name: /Camille Roux/ }).waitFor();
    await settled(member.page);
    await expectAccessible(member.page, 'new topic with mention suggestions');
    await screenshot(member.page, 'forum-new-topic');
    await body.press('Enter');
    await body.pressSequentially('qui connaît un tourneur pour des pièces inox ?');
    await composer.getByRole('button', { name: 'Publier le sujet' }).click();
    await member.page.waitForURL(/\/forum\/sujets\/[0-9a-f-]{36}/);
    const topicUrl = new URL(member.page.url()).pathname;
    await member.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await member.page.locator('.mention', { hasText: '@Camille Roux' }).waitFor();

    // Camille's list shows it without her doing anything.
    await camille.page.getByRole('link', { name: TITLE }).waitFor({ timeout: 40_000 });
    await camille.page.getByText('1 non lu').waitFor();
    await screenshot(camille.page, 'forum-topic-list');
    await expectAccessible(camille.page, 'forum tab with a topic');

    // ---- on the topic page, Thomas's reply appears live for Camille ----
    await camille.page.getByRole('link', { name: TITLE }).click();
    await camille.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await camille.page.getByRole('article').first().waitFor();
    await member.page.getByRole('textbox', { name: 'Votre réponse' }).fill('Je recommande Tournage Loire, à Feurs.');
    await member.page.getByRole('button', { name: 'Publier la réponse' }).click();
    await camille.page.getByText('Je recommande Tournage Loire, à Feurs.').waitFor({ timeout: 20_000 });
    // Once among the posts, whichever of the POST answer and the live event came first (the composer's
    // preview may still hold the text until the answer arrives: only posts are counted).
    const posts = (page: typeof member.page) => page.locator('article').filter({ hasText: 'Je recommande Tournage Loire, à Feurs.' });
    expect(await posts(member.page).count()).toBe(1);
    expect(await posts(camille.page).count()).toBe(1);
    await expectAccessible(camille.page, 'topic page');
    await screenshot(camille.page, 'forum-topic');

    // ---- reactions, quotes, attachments, edits with history, solution, pin and lock ----
    const opening = camille.page.getByRole('article').first();
    await opening.getByRole('button', { name: 'Ajouter une réaction' }).click();
    await camille.page.getByRole('button', { name: 'Pouce levé', exact: true }).click();
    await opening.getByRole('button', { name: 'Pouce levé : 1 personne' }).and(camille.page.locator('[aria-pressed="true"]')).waitFor();
    await opening.getByRole('button', { name: /Actions sur le message n° 1/ }).click();
    await camille.page.getByRole('menuitem', { name: 'Citer' }).click();
    await camille.page.getByText('En réponse à Thomas Bernard (message n° 1)').waitFor();
    await camille.page.getByRole('textbox', { name: 'Votre réponse' }).fill('Merci, voici le plan de la pièce.');
    await camille.page.locator('input[type=file]').last().setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: PNG });
    await camille.page.getByRole('list', { name: 'Pièces jointes' }).getByText('plan.png').waitFor();
    await camille.page.getByRole('button', { name: 'Publier la réponse' }).click();
    const answer = camille.page.getByRole('article').filter({ hasText: 'voici le plan de la pièce' });
    await answer.getByText('Thomas Bernard a écrit :').waitFor();
    await answer.getByRole('img', { name: 'plan.png' }).waitFor();
    // Thomas sees Camille's answer arrive, marks it as the solution, then edits his own reply.
    const answerForThomas = member.page.getByRole('article').filter({ hasText: 'voici le plan de la pièce' });
    await answerForThomas.waitFor({ timeout: 20_000 });
    await answerForThomas.getByRole('button', { name: /Actions sur le message/ }).click();
    await member.page.getByRole('menuitem', { name: 'Marquer comme solution' }).click();
    await answerForThomas.getByText('Solution', { exact: true }).waitFor();
    const thomasReply = member.page.getByRole('article').filter({ hasText: 'Je recommande Tournage Loire' });
    await thomasReply.getByRole('button', { name: /Actions sur le message/ }).click();
    await member.page.getByRole('menuitem', { name: 'Modifier' }).click();
    const editor = member.page.getByRole('dialog', { name: 'Modifier le message' });
    await editor.getByRole('textbox', { name: 'Message' }).fill('Je recommande Tournage Loire, à Feurs (contact : M. Petit).');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await thomasReply.getByRole('button', { name: /^modifié le/ }).click();
    const history = member.page.getByRole('dialog', { name: 'Versions précédentes' });
    await history.getByText('Je recommande Tournage Loire, à Feurs.').waitFor();
    await settled(member.page);
    await expectAccessible(member.page, 'post history');
    await member.page.keyboard.press('Escape');
    // The edit reaches Camille live.
    await camille.page.getByText('(contact : M. Petit)').waitFor({ timeout: 20_000 });
    // The animator pins and locks the topic: no reply form any more.
    await animator.page.goto(topicUrl);
    await animator.page.getByRole('button', { name: 'Gérer le sujet' }).click();
    await animator.page.getByRole('menuitem', { name: 'Épingler' }).click();
    await animator.page.getByText('Épinglé', { exact: true }).waitFor();
    await animator.page.getByRole('button', { name: 'Gérer le sujet' }).click();
    await animator.page.getByRole('menuitem', { name: 'Verrouiller' }).click();
    await animator.page.getByText('Ce sujet est verrouillé : on ne peut plus y répondre.').waitFor();
    expect(await animator.page.getByRole('textbox', { name: 'Votre réponse' }).count()).toBe(0);
    await expectAccessible(animator.page, 'topic page (moderator)');
    await screenshot(animator.page, 'forum-topic-moderator');

    // ---- a non-member sees nothing of it ----
    await outsider.page.goto(topicUrl);
    await outsider.page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(await outsider.page.getByText(TITLE).count()).toBe(0);
    await outsider.page.goto(`/recherche?q=${encodeURIComponent(`Tourneur disponible ${stamp}`)}`);
    await outsider.page.getByRole('heading', { level: 1 }).waitFor();
    await outsider.page.waitForLoadState('networkidle');
    expect(await outsider.page.getByText(TITLE).count()).toBe(0);
    await outsider.page.goto(forumPath);
    await outsider.page.getByText('Le forum de ce réseau est réservé à ses membres.').waitFor();
    expect(await outsider.page.getByText(TITLE).count()).toBe(0);
    const anonymous = await newContext(browser);
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto(topicUrl);
    await anonymousPage.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await anonymous.close();

    // ---- Camille reports the reply; the animator hides it from the moderation queue ----
    const reply = camille.page.getByRole('article').filter({ hasText: 'Je recommande Tournage Loire' });
    await reply.getByRole('button', { name: /Actions sur le message/ }).click();
    await camille.page.getByRole('menuitem', { name: 'Signaler' }).click();
    const report = camille.page.getByRole('dialog', { name: 'Signaler ce message' });
    await report.getByLabel('Spam ou publicité').check();
    await report.getByLabel('Précisions (facultatif)').fill('Publicité déguisée pour un sous-traitant.');
    await settled(camille.page);
    await expectAccessible(camille.page, 'report dialog');
    await screenshot(camille.page, 'forum-report');
    await report.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await camille.page.getByText('Signalement envoyé aux modérateurs').waitFor();

    await animator.page.goto(`/reseaux/${network.id}/moderation`);
    const item = animator.page.getByRole('listitem').filter({ hasText: 'Je recommande Tournage Loire' });
    await item.getByText('Spam ou publicité').first().waitFor();
    await expectAccessible(animator.page, 'moderation queue');
    await screenshot(animator.page, 'moderation-queue');
    await item.getByRole('button', { name: 'Masquer' }).click();
    const decision = animator.page.getByRole('dialog', { name: 'Masquer le contenu signalé' });
    await decision.getByLabel('Note (facultative)').fill('Publicité');
    await decision.getByRole('button', { name: 'Masquer' }).click();
    await animator.page.getByText('Aucun signalement en attente.').waitFor();
    await animator.page.getByRole('tab', { name: 'Avertir un membre' }).click();
    await animator.page.getByLabel('Entreprise membre').click();
    await animator.page.getByRole('option', { name: 'Usinage de précision du Forez' }).click();
    await animator.page.getByLabel('Motif de l’avertissement').fill('Merci de ne pas faire de publicité dans le forum.');
    await expectAccessible(animator.page, 'moderation warning');
    await animator.page.getByRole('button', { name: 'Envoyer l’avertissement' }).click();
    await animator.page.getByText('Avertissement envoyé.').waitFor();
    await animator.page.getByRole('tab', { name: 'Journal' }).click();
    await animator.page.getByRole('cell', { name: 'Avertissement' }).first().waitFor();
    await animator.page.getByRole('cell', { name: 'Masquage' }).first().waitFor();
    await expectAccessible(animator.page, 'moderation log');
    await screenshot(animator.page, 'moderation-log');

    // The post is hidden for Camille (the queue's decision emits no live event yet: she reloads).
    await camille.page.reload();
    await camille.page.getByText('Message masqué par la modération').waitFor();
    expect(await camille.page.getByText('Je recommande Tournage Loire, à Feurs.').count()).toBe(0);

    // ---- the same pages at phone width ----
    const phone = await signedIn(browser, MEMBER, 'phone');
    await phone.page.goto(forumPath);
    await phone.page.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(phone.page, 'forum tab (phone)');
    await screenshot(phone.page, 'forum-topic-list-phone');
    await phone.page.goto(topicUrl);
    await phone.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await phone.page.getByRole('article').first().waitFor();
    await expectAccessible(phone.page, 'topic page (phone)');
    await screenshot(phone.page, 'forum-topic-phone');
    const phoneAnimator = await signedIn(browser, ANIMATOR, 'phone');
    await phoneAnimator.page.goto(`/reseaux/${network.id}/moderation?vue=journal`);
    await phoneAnimator.page.getByRole('cell', { name: 'Masquage' }).first().waitFor();
    // Topic decisions taken earlier in the journey read as words, not as the API's verbs.
    await phoneAnimator.page.getByRole('cell', { name: 'Sujet épinglé' }).first().waitFor();
    expect(await phoneAnimator.page.getByRole('cell', { name: /^(pin|lock|solve)$/ }).count()).toBe(0);
    await expectAccessible(phoneAnimator.page, 'moderation log (phone)');
    await screenshot(phoneAnimator.page, 'moderation-log-phone');

    for (const context of [phone.context, phoneAnimator.context, animator.context, member.context, camille.context, outsider.context])
      await context.close();
  });
});
