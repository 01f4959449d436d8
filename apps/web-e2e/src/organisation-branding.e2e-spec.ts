// A host organisation's identity in a browser: Claire, administrator of the demo CCI's staff, opens its identity page
// from her cockpit, is warned about a colour white text is unreadable on, sets a readable accent colour and uploads a
// logo, then sees that logo on one of its networks' pages; a plain member gets the not-found page. axe checks every page;
// screenshots on desktop and phone.
import sharp from 'sharp';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';

const CCI_ADMIN = 'animatrice@demo.maillage.fr';
const MEMBER = 'membre@demo.maillage.fr';
const ACCENT = '#a61e4d';

interface OrganizationAnswer {
  id: string;
  name: string;
  accentColor: string | null;
  logoUrl: string | null;
}

describe('a host organisation sets its identity, in a browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (viewport: 'desktop' | 'phone' = 'desktop') => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    return context.newPage();
  };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  let brandingPath: string;

  it('lets the CCI staff admin set its accent colour and logo, shown on its networks’ pages', async () => {
    const claire = await open();
    await login(claire, CCI_ADMIN);
    await claire.goto('/pilotage');
    await claire.getByRole('link', { name: /^Identité de CCI Lyon/ }).click();
    await claire.waitForURL(/\/pilotage\/organisation\/[0-9a-f-]{36}$/);
    brandingPath = new URL(claire.url()).pathname;
    const organizationId = brandingPath.split('/').pop() as string;
    await claire.getByRole('heading', { level: 1, name: /^CCI Lyon/ }).waitFor();
    // Kind and parent belong to the platform admins: not in her form.
    expect(await claire.getByLabel('Type', { exact: true }).count()).toBe(0);
    // A pale colour is accepted but flagged: white headings on it would be unreadable.
    const accent = claire.getByRole('textbox', { name: 'Couleur d’accent' });
    await accent.fill('#ffe066');
    await claire.getByTestId('accent-contrast').waitFor();
    await accent.fill(ACCENT);
    await claire.getByTestId('accent-contrast').waitFor({ state: 'detached' });
    const [saved] = await Promise.all([
      claire.waitForResponse((r) => r.url().endsWith(`/api/v1/organizations/${organizationId}`) && r.request().method() === 'PUT'),
      claire.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    expect(saved.status()).toBe(200);

    // A logo, uploaded and resized by the API.
    const png = await sharp({ create: { width: 96, height: 96, channels: 4, background: '#1c5d99' } })
      .composite([
        { input: Buffer.from('<svg width="96" height="96"><circle cx="48" cy="48" r="30" fill="#fff"/></svg>'), top: 0, left: 0 },
      ])
      .png()
      .toBuffer();
    const [uploaded] = await Promise.all([
      claire.waitForResponse((r) => r.url().endsWith(`/api/v1/organizations/${organizationId}/logo`) && r.request().method() === 'PUT'),
      claire.locator('input[type=file]').setInputFiles({ name: 'logo-cci.png', mimeType: 'image/png', buffer: png }),
    ]);
    expect(uploaded.status()).toBe(200);
    const organization = (await (await claire.request.get(`/api/v1/organizations/${organizationId}`)).json()) as OrganizationAnswer;
    expect([organization.accentColor, organization.logoUrl]).toEqual([ACCENT, expect.stringMatching(/^\/api\/v1\/files\//)]);
    await claire.locator(`img[src="${organization.logoUrl}"]`).first().waitFor();
    await expectAccessible(claire, 'organisation identity');
    await claire.evaluate(() => window.scrollTo(0, 0));
    await screenshot(claire, 'organisation-branding-desktop');

    // One of the networks it hosts shows the logo on its cover.
    const cockpit = (await (await claire.request.get('/api/v1/steering/cockpit')).json()) as {
      items: { network: { id: string; slug: string } }[];
    };
    let shown = false;
    for (const { network } of cockpit.items.slice(0, 5)) {
      const detail = (await (await claire.request.get(`/api/v1/networks/${network.id}`)).json()) as { hostOrganizationId: string | null };
      if (detail.hostOrganizationId !== organizationId) continue;
      await claire.goto(`/reseaux/${network.slug}`);
      const logo = claire.getByTestId('host-logo').getByRole('img', { name: new RegExp(organization.name.slice(0, 12)) });
      await logo.waitFor();
      expect(await logo.getAttribute('src')).toBe(organization.logoUrl);
      await claire.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
      await screenshot(claire, 'organisation-branding-network');
      shown = true;
      break;
    }
    expect(shown).toBe(true);

    const phone = await open('phone');
    await login(phone, CCI_ADMIN);
    // On a phone, from the account menu.
    await phone.getByRole('button', { name: /^Menu du compte/ }).click();
    await phone.getByRole('menuitem', { name: /^Identité de CCI Lyon/ }).click();
    await phone.waitForURL((url) => url.pathname === brandingPath);
    await phone.locator(`img[src="${organization.logoUrl}"]`).first().waitFor();
    await expectAccessible(phone, 'organisation identity (phone)');
    await screenshot(phone, 'organisation-branding-phone');
  });

  it('shows a plain member the not-found page', async () => {
    const member = await open();
    await login(member, MEMBER);
    await member.goto(brandingPath);
    await member.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(await member.getByRole('textbox', { name: 'Couleur d’accent' }).count()).toBe(0);
  });
});
