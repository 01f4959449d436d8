import sharp from 'sharp';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';

// First use: a registration's QR code (the member's event page shows it with its code), and the organiser's check-in
// on a phone by typing that code (the camera cannot be driven here); a company page with its cover and logo.

const stamp = Date.now();
const NETWORK = 'za-molina';
const DAY = 24 * 3600 * 1000;
const inTenDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + 10 * DAY));

async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
}

/** JSON calls as the person signed in on `request` (cookies shared with their pages). */
async function call<T>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const response = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { 'x-csrf-token': await csrf(request) } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An image drawn from SVG (a workshop-like cover, a monogram logo), as a photo or a logo would be uploaded. */
async function drawn(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('check-in by QR code and company covers, in a browser', () => {
  let browser: Browser;
  let animatorContext: BrowserContext;
  let memberContext: BrowserContext;
  let member: Page;
  let eventId: string;
  let code: string;

  beforeAll(async () => {
    browser = await launch();
    animatorContext = await newContext(browser);
    await login(await animatorContext.newPage(), 'animatrice@demo.maillage.fr');
    memberContext = await newContext(browser);
    member = await memberContext.newPage();
    await login(member, 'membre@demo.maillage.fr');
    const network = await call<{ id: string }>(animatorContext.request, 'GET', `/networks/by-slug/${NETWORK}`);
    const [event] = await call<{ id: string }[]>(animatorContext.request, 'POST', `/networks/${network.id}/agenda/events`, {
      title: `Petit-déjeuner des dirigeants ${stamp}`,
      description: 'Un **tour de table** des projets de la zone, autour d’un café.',
      format: 'in_person',
      address: '57 cours Fauriel',
      communeCode: '42218',
      startsAt: `${inTenDays}T08:30`,
      endsAt: `${inTenDays}T10:00`,
      capacity: 30,
    });
    eventId = event.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the member the QR code of the registration and its code, on desktop and phone', async () => {
    await member.goto(`/evenements/${eventId}`);
    await member.getByRole('button', { name: 'S’inscrire' }).click();
    await member.getByText('Vous êtes inscrit', { exact: true }).waitFor();
    const qr = member.getByRole('img', { name: 'QR code de présence à montrer à l’accueil' });
    await qr.waitFor();
    await member.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await qr.elementHandle());
    code = (await member.getByTestId('my-check-in-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    await expectAccessible(member, 'event page with the QR code');
    await screenshot(member, 'check-in-registration-desktop');
    const phone = await newContext(browser, 'phone');
    await phone.addCookies(await memberContext.cookies());
    const page = await phone.newPage();
    await page.goto(`/evenements/${eventId}`);
    await page.getByTestId('my-check-in-code').waitFor();
    await screenshot(page, 'check-in-registration-phone');
    await phone.close();
  });

  it('lets the organiser check the member in on a phone by typing the code; a wrong code changes nothing', async () => {
    const phone = await newContext(browser, 'phone');
    await phone.addCookies(await animatorContext.cookies());
    const page = await phone.newPage();
    await page.goto(`/evenements/${eventId}`);
    const field = page.getByLabel('Code de présence');
    await field.waitFor();
    await expect(page.getByRole('button', { name: 'Scanner un QR code' }).isVisible()).resolves.toBe(true);
    // Another code: a clear message, nobody checked in.
    await field.fill('0000-0000-0000-0000');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Ce code ne correspond à aucune inscription à cet événement', { exact: false }).waitFor();
    // The member's code, typed in lower case: checked in, named, ticked in the list.
    await field.fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(/^Arrivée d(e |’).+ enregistrée\.$/).waitFor();
    const attendees = await call<{ personId: string; name: string; checkedInAt: string | null }[]>(
      animatorContext.request,
      'GET',
      `/agenda/events/${eventId}/registrations`,
    );
    expect(attendees.filter((a) => a.checkedInAt)).toHaveLength(1);
    const [present] = attendees.filter((a) => a.checkedInAt);
    const checkbox = page.getByRole('checkbox', { name: new RegExp(`Présence d(e |’)${present.name}`) });
    await expect(checkbox.isChecked()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'check-in, phone');
    await screenshot(page, 'check-in-phone');
    // The same code again: said so, the first time kept.
    await field.fill(code);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(/déjà enregistrée/).waitFor();
    await phone.close();

    const desktop = await animatorContext.newPage();
    await desktop.goto(`/evenements/${eventId}`);
    await desktop.getByLabel('Code de présence').waitFor();
    await screenshot(desktop, 'check-in-desktop');
  });

  it('opens the check-in from the address in the QR code: the organiser lands on the event and the person is checked in', async () => {
    const page = await animatorContext.newPage();
    await page.goto(`/evenements/${eventId}?code=${code.replace(/-/g, '')}#presence`);
    await page.getByText(/déjà enregistrée/).waitFor();
  });

  it('shows a company page with its cover and logo, desktop and phone', async () => {
    const [company] = await call<{ id: string; name: string }[]>(memberContext.request, 'GET', '/companies/mine');
    const cover = await drawn(
      `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1000"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1c5d99"/><stop offset="1" stop-color="#0b7285"/></linearGradient></defs><rect width="2400" height="1000" fill="url(#g)"/>${[...Array(12).keys()].map((i) => `<rect x="${i * 200 + 20}" y="${500 - (i % 4) * 90}" width="150" height="${500 + (i % 4) * 90}" fill="#ffffff" opacity="0.${2 + (i % 3)}"/>`).join('')}</svg>`,
    );
    const logo = await drawn(
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" rx="120" fill="#c2410c"/><text x="400" y="520" font-size="360" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#fff">FA</text></svg>`,
    );
    const token = await csrf(memberContext.request);
    const coverResponse = await memberContext.request.fetch(`/api/v1/companies/${company.id}/cover`, {
      method: 'PUT',
      headers: { 'x-csrf-token': token },
      multipart: { file: { name: 'atelier.png', mimeType: 'image/png', buffer: cover } },
    });
    expect(coverResponse.status()).toBe(200);
    const logoResponse = await memberContext.request.fetch(`/api/v1/companies/${company.id}/logo`, {
      method: 'POST',
      headers: { 'x-csrf-token': token },
      multipart: { file: { name: 'logo.png', mimeType: 'image/png', buffer: logo } },
    });
    expect(logoResponse.status()).toBe(201);
    const visitorContext = await newContext(browser);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/entreprises/${company.id}`);
    const band = visitor.getByTestId('company-cover').locator('img');
    await band.waitFor();
    await visitor.waitForFunction((img) => (img as HTMLImageElement).naturalWidth === 1600, await band.elementHandle());
    await expectAccessible(visitor, 'company page with a cover');
    await screenshot(visitor, 'company-cover-desktop');
    const phone = await newContext(browser, 'phone');
    const mobile = await phone.newPage();
    await mobile.goto(`/entreprises/${company.id}`);
    await mobile.getByTestId('company-cover').locator('img').waitFor();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(mobile, 'company page with a cover, phone');
    await screenshot(mobile, 'company-cover-phone');
    await phone.close();
    await visitorContext.close();
  });
});
