import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, screenshot } from './support/browser';
import { signedIn as signedInAs } from './support/session';

// What a user must be able to do: two people chat live both ways (typing indicator, read receipt, presence); one goes
// offline, the other writes several messages, the first comes back and sees all of them in order, once; the
// offline person got an e-mail notification in the outbox.

const MEMBER = 'membre@demo.maillage.fr'; // Thomas Bernard
const ANIMATOR = 'animatrice@demo.maillage.fr'; // Claire Dubois
const ADMIN = 'admin@demo.maillage.fr';
const stamp = Date.now();

async function signedIn(
  browser: Browser,
  email: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInAs(browser, email, { viewport });
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.context().request.get(`/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The messages of the open thread, in the order shown. */
const threadTexts = (page: Page) => page.getByRole('log').locator('li[data-seq] .mantine-Typography-root').allInnerTexts();
const thread = (page: Page) => page.getByRole('region', { name: 'Conversation', exact: true });

describe('messaging, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('chats live both ways, survives going offline and notifies by e-mail', async () => {
    const thomas = await signedIn(browser, MEMBER);
    const claire = await signedIn(browser, ANIMATOR);
    const claireId = (await getJson<{ id: string }>(claire.page, '/auth/me')).id;

    // ---- empty messages page: the admin's, as other journeys may have started conversations for Thomas and Claire ----
    const nobody = await signedIn(browser, ADMIN);
    await nobody.page.goto('/messages');
    await nobody.page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await nobody.page.getByText('Aucune conversation pour l’instant').waitFor();
    await expectAccessible(nobody.page, 'messages (empty)');
    await nobody.context.close();

    // ---- a company's page offers a message to each of its people but oneself (the page puts the messaging button in the company's list) ----
    const flagship = (await getJson<{ id: string; name: string }[]>(thomas.page, '/companies/mine')).find(
      (c) => c.name === 'Usinage de précision du Forez',
    );
    if (!flagship) throw new Error('the demo member owns no flagship company');
    await claire.page.goto(`/entreprises/${flagship.id}`);
    await claire.page.getByRole('button', { name: 'Envoyer un message à Thomas Bernard' }).waitFor();
    await thomas.page.goto(`/entreprises/${flagship.id}`);
    await thomas.page.getByRole('region', { name: 'Personnes' }).getByRole('link', { name: 'Thomas Bernard' }).waitFor();
    expect(await thomas.page.getByRole('button', { name: 'Envoyer un message à Thomas Bernard' }).count()).toBe(0);

    // ---- Thomas starts the conversation from Claire's page ----
    await thomas.page.goto(`/personnes/${claireId}`);
    await thomas.page.getByRole('button', { name: 'Envoyer un message' }).click();
    await thomas.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationPath = new URL(thomas.page.url()).pathname;
    await thomas.page.getByRole('heading', { level: 2, name: 'Claire Dubois' }).waitFor();
    await thomas.page.getByText('Aucun message : écrivez le premier.').waitFor();

    await claire.page.goto(conversationPath);
    await claire.page.getByRole('heading', { level: 2, name: 'Thomas Bernard' }).waitFor();
    // Presence: each sees the other online.
    await thread(thomas.page).getByText('En ligne', { exact: true }).waitFor();
    await thread(claire.page).getByText('En ligne', { exact: true }).waitFor();

    // ---- typing indicator, then the message, live ----
    const thomasBox = thomas.page.getByRole('textbox', { name: 'Votre message' });
    await thomasBox.pressSequentially('Bonjour Claire, **merci** pour la mise en relation !');
    await claire.page.getByText('Thomas écrit…').waitFor({ timeout: 15_000 });
    await screenshot(claire.page, 'messages-typing');
    await thomasBox.press('Enter');
    await claire.page.getByRole('log').getByText('Bonjour Claire, merci pour la mise en relation !').waitFor({ timeout: 15_000 });
    await claire.page.locator('strong', { hasText: 'merci' }).waitFor();
    await claire.page.getByText('Thomas écrit…').waitFor({ state: 'hidden' });
    // Claire has it on screen: Thomas sees it read.
    await thomas.page.getByTestId('read-receipt').getByText('Vu').waitFor({ timeout: 15_000 });

    // ---- and the other way ----
    const claireBox = claire.page.getByRole('textbox', { name: 'Votre message' });
    await claireBox.fill('Avec plaisir, je vous présente Camille demain.');
    await claire.page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await thomas.page.getByRole('log').getByText('Avec plaisir, je vous présente Camille demain.').waitFor({ timeout: 15_000 });
    await claire.page.getByTestId('read-receipt').getByText('Vu').waitFor({ timeout: 15_000 });
    expect(await threadTexts(thomas.page)).toEqual([
      'Bonjour Claire, merci pour la mise en relation !',
      'Avec plaisir, je vous présente Camille demain.',
    ]);

    // ---- a reaction, seen by the other ----
    const claireMessage = thomas.page.getByRole('log').getByRole('listitem').filter({ hasText: 'Avec plaisir' });
    await claireMessage.getByRole('button', { name: 'Ajouter une réaction' }).click();
    await thomas.page.getByRole('button', { name: 'Pouce levé', exact: true }).click();
    await claireMessage.getByRole('button', { name: 'Pouce levé : 1 personne' }).waitFor();

    await expectAccessible(thomas.page, 'messages thread (desktop)');
    await screenshot(thomas.page, 'messages-desktop');

    // ---- Claire goes offline: Thomas sees it ----
    await claire.context.setOffline(true);
    await thread(thomas.page).getByText('Hors ligne', { exact: true }).waitFor({ timeout: 60_000 });

    const offlineTexts = [1, 2, 3].map((n) => `Pendant votre absence, point ${n} (${stamp})`);
    for (const text of offlineTexts) {
      await thomasBox.fill(text);
      await thomasBox.press('Enter');
      await thomas.page.getByRole('log').getByText(text).waitFor();
    }
    // All confirmed by the API (none left "sending").
    await thomas.page.waitForFunction(() => document.querySelectorAll('li[data-pending]').length === 0, undefined, { timeout: 30_000 });
    expect(await threadTexts(thomas.page)).toEqual([
      'Bonjour Claire, merci pour la mise en relation !',
      'Avec plaisir, je vous présente Camille demain.',
      ...offlineTexts,
    ]);

    // ---- she comes back: everything, in order, once ----
    await claire.context.setOffline(false);
    await claire.page.getByRole('log').getByText(offlineTexts[2]!).waitFor({ timeout: 30_000 });
    const expected = [
      'Bonjour Claire, merci pour la mise en relation !',
      'Avec plaisir, je vous présente Camille demain.',
      ...offlineTexts,
    ];
    expect(await threadTexts(claire.page)).toEqual(expected);
    await thread(thomas.page).getByText('En ligne', { exact: true }).waitFor({ timeout: 30_000 });
    // A live message after the reconnection arrives once too.
    await thomasBox.fill('Vous êtes de retour !');
    await thomasBox.press('Enter');
    await claire.page.getByRole('log').getByText('Vous êtes de retour !').waitFor({ timeout: 15_000 });
    expect(await threadTexts(claire.page)).toEqual([...expected, 'Vous êtes de retour !']);

    // ---- the e-mail Claire got while offline ----
    const admin = await signedIn(browser, 'admin@demo.maillage.fr');
    let mails: { items: { subject: string; text: string; template: string }[] } = { items: [] };
    for (let i = 0; i < 30 && !mails.items.some((m) => m.template === 'messaging-message'); i++) {
      mails = await getJson(admin.page, `/admin/mails?q=${encodeURIComponent(ANIMATOR)}`);
      if (!mails.items.some((m) => m.template === 'messaging-message')) await admin.page.waitForTimeout(1000);
    }
    const mail = mails.items.find((m) => m.template === 'messaging-message');
    expect(mail?.subject).toBe('Nouveau message de Thomas Bernard');
    expect(mail?.text).toContain(conversationPath);
    // Thomas was online all along: no such e-mail for him.
    const his = await getJson<{ items: { template: string }[] }>(admin.page, `/admin/mails?q=${encodeURIComponent(MEMBER)}`);
    expect(his.items.filter((m) => m.template === 'messaging-message')).toEqual([]);
    await admin.context.close();

    // ---- the header badge counts unread messages for Claire when she is elsewhere ----
    await claire.page.goto('/');
    await thomasBox.fill('Un dernier mot.');
    await thomasBox.press('Enter');
    await claire.page.getByRole('link', { name: 'Messages, 1 non lu' }).waitFor({ timeout: 15_000 });

    // ---- phone: the list, then the thread on its own screen ----
    const phone = await signedIn(browser, ANIMATOR, 'phone');
    await phone.page.goto('/messages');
    await phone.page.getByRole('link', { name: /Thomas Bernard/ }).waitFor();
    await expect(
      phone.page
        .getByRole('link', { name: /Thomas Bernard/ })
        .getByText('1', { exact: true })
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(phone.page, 'messages list (phone)');
    await screenshot(phone.page, 'messages-phone-list');
    await phone.page.getByRole('link', { name: /Thomas Bernard/ }).click();
    await phone.page.getByRole('log').getByText('Un dernier mot.').waitFor();
    await phone.page.getByRole('link', { name: 'Retour aux conversations' }).waitFor();
    await expectAccessible(phone.page, 'messages thread (phone)');
    await screenshot(phone.page, 'messages-phone-thread');

    await Promise.all([thomas.context.close(), claire.context.close(), phone.context.close()]);
  });
});
