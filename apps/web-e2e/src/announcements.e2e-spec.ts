import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, screenshot } from './support/browser';
import { signedIn as signedInAs } from './support/session';

// Announcements and activity feeds: Claire publishes a pinned announcement on her club's page; a member sees it pinned,
// finds it in his notifications, in the club's activity feed and on his home, and chooses what he hears of the club;
// Claire unpins it.

const stamp = Date.now();
const CLUB = 'club-des-industriels-du-forez';
const ANIMATOR = 'animatrice@demo.maillage.fr';
const MEMBER = 'membre@demo.maillage.fr';

async function signedIn(
  browser: Browser,
  email: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInAs(browser, email, { viewport });
}

describe('announcements and activity feeds, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('Claire pins an announcement; a member is told, sees it pinned, in the feeds and on his home, and picks his level', async () => {
    const title = `Assemblée générale ${stamp}`;
    const claire = await signedIn(browser, ANIMATOR);
    const page = claire.page;

    // ---- Claire publishes from the club's page ----
    await page.goto(`/reseaux/${CLUB}`);
    await page.getByRole('button', { name: 'Publier une annonce' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle annonce' });
    await dialog.getByLabel('Titre').fill(title);
    await dialog.getByLabel('Texte (Markdown)').fill('Rendez-vous le **12 mars** à la CCI. <script>alert(1)</script>');
    await expectAccessible(page, 'announcement form');
    await dialog.getByRole('button', { name: 'Publier et prévenir les membres' }).click();
    await page.getByText('Annonce publiée : les membres sont prévenus.').waitFor();
    const pinned = page.getByRole('article', { name: title });
    await pinned.getByText('Épinglée', { exact: true }).waitFor();
    await pinned.getByText('12 mars', { exact: true }).waitFor();
    // Hostile markup is shown as text, never run.
    await pinned.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
    await expectAccessible(page, 'club page with its announcement');
    await screenshot(page, 'announcement-pinned-desktop');

    // ---- the member, on a phone ----
    const member = await signedIn(browser, MEMBER, 'phone');
    const m = member.page;
    await m.goto('/notifications');
    await m.getByText(`Club des industriels du Forez : ${title}`).first().waitFor();
    await expectAccessible(m, 'notifications');
    await screenshot(m, 'announcement-notification-phone');

    await m.goto(`/reseaux/${CLUB}`);
    await m.getByRole('article', { name: title }).waitFor();
    const feed = m.getByRole('region', { name: 'Activité récente' });
    await feed.getByRole('link', { name: title }).waitFor();
    // Highlights by default; he asks for everything.
    const level = m.getByRole('radiogroup', { name: 'Me prévenir de l’activité de ce réseau' });
    expect(await level.getByRole('radio', { name: /L’essentiel/ }).isChecked()).toBe(true);
    await level.getByRole('radio', { name: /Tout/ }).check();
    await m.getByText('Préférence enregistrée.').waitFor();
    await expectAccessible(m, 'club page, member, phone');
    await screenshot(m, 'announcement-club-feed-phone');

    await m.goto('/');
    const home = m.getByRole('region', { name: 'Activité récente' });
    await home.getByRole('link', { name: title }).waitFor();
    await expectAccessible(m, 'home with the feed');
    await screenshot(m, 'announcement-home-feed-phone');

    await m.goto('/notifications/preferences');
    await m.getByRole('radiogroup', { name: 'Club des industriels du Forez' }).getByRole('radio', { name: /Tout/ }).waitFor();
    expect(
      await m.getByRole('radiogroup', { name: 'Club des industriels du Forez' }).getByRole('radio', { name: /Tout/ }).isChecked(),
    ).toBe(true);
    await expectAccessible(m, 'notification preferences');
    await screenshot(m, 'announcement-preferences-phone');

    // ---- Claire unpins it: it leaves the top of the page, stays in the feed ----
    await pinned.getByRole('button', { name: 'Désépingler' }).click();
    await page.getByText('Annonce désépinglée.').waitFor();
    await m.goto(`/reseaux/${CLUB}`);
    await m.getByRole('region', { name: 'Activité récente' }).getByRole('link', { name: title }).waitFor();
    expect(await m.getByRole('article', { name: title }).count()).toBe(0);
    await Promise.all([claire.context.close(), member.context.close()]);
  });
});
