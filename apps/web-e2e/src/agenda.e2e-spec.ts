import ICAL from 'ical.js';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, newContext, screenshot } from './support/browser';
import { signedIn } from './support/session';

// What a user must be able to do (events): an animator creates an event with capacity 2; three members register and the
// third is waitlisted; one cancels and the third is promoted and notified; the animator checks attendees in;
// the network and personal ICS feeds parse with a real parser (ical.js) and hold the event at the right
// Europe/Paris time.

const stamp = Date.now();
const PASSWORD = 'une phrase de passe pour l’agenda';
const TITLE = `Atelier export e2e ${stamp}`;
const NETWORK = 'za-molina';
const ANIMATOR = 'animatrice@demo.maillage.fr';
const DAY = 24 * 3600 * 1000;
/** The event's day, 10 days ahead, as typed in the form (dd/mm/yyyy) and as ICS writes it. */
const eventDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
  new Date(Date.now() + 10 * DAY),
);
const [dd, mm, yyyy] = eventDay.split('/');
const LOCAL_START = `${yyyy}-${mm}-${dd}T18:00:00`;

/** JSON calls as the person signed in on `request` (cookies shared with their pages). */
async function call<T>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const { token } = (await (await request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const response = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { 'x-csrf-token': token } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A valid SIRET (Luhn on the SIREN and on the whole number) outside the demo data. */
function siretFor(n: number): string {
  const check = (digits: string) =>
    String(
      [...Array(10).keys()].find(
        (d) =>
          [...`${digits}${d}`].reverse().reduce((sum, c, i) => sum + ((x) => (x > 9 ? x - 9 : x))(Number(c) * (i % 2 ? 2 : 1)), 0) % 10 ===
          0,
      ),
    );
  const siren8 = String(70000000 + ((stamp + n * 7919) % 9999999)).slice(0, 8);
  const siren = siren8 + check(siren8);
  return `${siren}0002${check(`${siren}0002`)}`;
}

interface Member {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** A new person (address confirmed through the admin's outbox), signed in, whose company joins the open network. */
async function newMember(browser: Browser, admin: APIRequestContext, firstName: string, n: number, networkId: string): Promise<Member> {
  const email = `${firstName
    .normalize('NFD')
    .replace(/[^a-z]/gi, '')
    .toLowerCase()}.agenda.${stamp}@exemple.test`;
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await call(context.request, 'POST', '/auth/signup', { email, password: PASSWORD, firstName, lastName: 'Agenda' });
  const mails = await call<{ items: { text: string }[] }>(admin, 'GET', `/admin/mails?q=${encodeURIComponent(email)}`);
  const token = /token=([\w-]+)/.exec(mails.items[0]?.text ?? '')?.[1];
  await call(context.request, 'POST', '/auth/verify', { token });
  // Confirming the address signs the person in.
  await page.goto('/');
  const company = await call<{ id: string }>(context.request, 'POST', '/companies', {
    siret: siretFor(n),
    legalName: `${firstName} Industrie ${stamp}`,
  });
  await call(context.request, 'POST', `/networks/${networkId}/join`, { companyId: company.id });
  return { name: `${firstName} Agenda`, context, page };
}

/** DTSTART of the event in an ICS text, read by ical.js with the file's own VTIMEZONE. */
function startOf(ics: string, title: string): { local: string; tzid: string } | null {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const found = calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .find((e) => e.summary === title);
  return found ? { local: found.startDate.toString(), tzid: found.startDate.zone?.tzid ?? '' } : null;
}

describe('agenda, in a browser', () => {
  let browser: Browser;
  let adminContext: BrowserContext;
  let animator: Page;
  let networkId: string;
  let eventUrl: string;
  let members: Member[];

  beforeAll(async () => {
    browser = await launch();
    adminContext = (await signedIn(browser, 'admin@demo.maillage.fr')).context;
    networkId = (await call<{ id: string }>(adminContext.request, 'GET', `/networks/by-slug/${NETWORK}`)).id;
    animator = (await signedIn(browser, ANIMATOR)).page;
    members = [];
    for (const [n, name] of ['Aurore', 'Bastien', 'Céline'].entries())
      members.push(await newMember(browser, adminContext.request, name, n, networkId));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets an animator create an event with 2 seats from the network’s agenda', async () => {
    await animator.goto(`/reseaux/${NETWORK}/agenda`);
    await animator.getByRole('link', { name: 'Nouvel événement' }).click();
    await animator.getByRole('heading', { level: 1, name: 'Nouvel événement' }).waitFor();
    await animator.getByLabel('Titre').fill(TITLE);
    await animator.getByLabel('Description').fill('Un atelier pour préparer vos **salons à l’export**.');
    await animator.getByLabel('Date de début').fill(eventDay);
    await animator.getByLabel('Heure de début').fill('18:00');
    await animator.getByLabel('Heure de fin').fill('20:00');
    await animator.getByLabel('Adresse').fill('57 cours Fauriel');
    await animator.getByLabel('Commune', { exact: true }).fill('Saint-Étienne');
    await animator
      .getByRole('option', { name: /Saint-Étienne \(42\)/ })
      .first()
      .click();
    await animator.getByLabel('Nombre de places').fill('2');
    await expectAccessible(animator, 'event form');
    await screenshot(animator, 'agenda-form');
    await animator.getByRole('button', { name: 'Créer l’événement' }).click();
    await animator.waitForURL(/\/evenements\/[0-9a-f-]{36}$/);
    eventUrl = new URL(animator.url()).pathname;
    await animator.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await animator.getByText('0 inscrit sur 2 places').waitFor();
  });

  it('registers two members, waitlists the third, promotes and notifies them when one cancels', async () => {
    const [aurore, bastien, celine] = members;
    for (const member of [aurore, bastien]) {
      await member.page.goto(eventUrl);
      await member.page.getByRole('button', { name: 'S’inscrire' }).click();
      await member.page.getByText('Vous êtes inscrit', { exact: true }).waitFor();
    }
    await celine.page.goto(eventUrl);
    await celine.page.getByText('2 inscrits sur 2 places').waitFor();
    await celine.page.getByRole('button', { name: 'Rejoindre la liste d’attente' }).click();
    await celine.page.getByText('Liste d’attente : position 1').waitFor();
    await expectAccessible(celine.page, 'event page, waitlisted');
    await screenshot(celine.page, 'agenda-event-waitlisted');

    await bastien.page.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await bastien.page.getByRole('dialog').getByRole('button', { name: 'Annuler l’inscription' }).click();
    // Céline takes the freed seat at once: the event is full again for Bastien.
    await bastien.page.getByRole('button', { name: 'Rejoindre la liste d’attente' }).waitFor();

    await celine.page.reload();
    await celine.page.getByText('Vous êtes inscrit', { exact: true }).waitFor();
    await celine.page.goto('/notifications');
    await celine.page.getByText(`Une place s’est libérée à « ${TITLE} » : vous êtes inscrit`).waitFor();
    await expectAccessible(celine.page, 'notification centre');
    await screenshot(celine.page, 'agenda-notification');
  });

  it('lets the animator check attendees in and see the export link', async () => {
    await animator.goto(eventUrl);
    const table = animator.getByRole('table');
    await table.getByText('Aurore Agenda').waitFor();
    for (const name of ['Aurore Agenda', 'Céline Agenda']) {
      const box = animator.getByRole('checkbox', { name: `Présence ${/^[aeiouyhéèêàâîôû]/i.test(name) ? `d’${name}` : `de ${name}`}` });
      await box.click();
      await expectChecked(box);
    }
    await animator.getByText('2 inscrits · 0 en attente · 2 présents').waitFor();
    await animator.getByRole('link', { name: 'Exporter les participants (CSV)' }).waitFor();
    await expectAccessible(animator, 'event page, animator');
    await screenshot(animator, 'agenda-event-animator');
    const id = eventUrl.split('/').pop();
    const attendees = await call<{ name: string; checkedInAt: string | null }[]>(
      animator.context().request,
      'GET',
      `/agenda/events/${id}/registrations`,
    );
    expect(
      attendees
        .filter((a) => a.checkedInAt)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Aurore Agenda', 'Céline Agenda']);
  });

  it('serves the network feed and the personal feed, parsed at 18:00 Europe/Paris', async () => {
    const anonymous = await newContext(browser);
    const network = await anonymous.request.get(`/api/v1/networks/${networkId}/agenda.ics`);
    expect(network.headers()['content-type']).toContain('text/calendar');
    expect(startOf(await network.text(), TITLE)).toEqual({ local: LOCAL_START, tzid: 'Europe/Paris' });

    const { page } = members[0];
    await page.goto('/agenda');
    await page.getByRole('button', { name: 'Créer mon adresse privée' }).click();
    const address = await page.getByLabel('Adresse privée de votre agenda').inputValue();
    expect(address).toMatch(/\/api\/v1\/agenda\/feed\/[\w-]+\.ics$/);
    const personal = await anonymous.request.get(new URL(address).pathname);
    expect(startOf(await personal.text(), TITLE)).toEqual({ local: LOCAL_START, tzid: 'Europe/Paris' });
    await anonymous.close();
  });

  it('shows the agenda views, accessible on desktop and phone', async () => {
    const { page } = members[0];
    await page.goto('/agenda');
    await page.getByRole('region', { name: 'Mon agenda', exact: true }).waitFor();
    await page
      .getByRole('button', { name: /mois suivant|suivant/i })
      .first()
      .waitFor();
    await expectAccessible(page, 'my agenda');
    await screenshot(page, 'agenda-mine-desktop');
    await animator.goto(`/reseaux/${NETWORK}/agenda`);
    await animator.getByRole('button', { name: /liste/i }).click();
    await animator.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    await expectAccessible(animator, 'network agenda, list');
    await screenshot(animator, 'agenda-network-desktop');

    const { context: phone, page: mobile } = await signedIn(browser, ANIMATOR, { viewport: 'phone' });
    await mobile.goto(`/reseaux/${NETWORK}/agenda`);
    await mobile
      .getByRole('link', { name: new RegExp(TITLE) })
      .first()
      .waitFor();
    await expectAccessible(mobile, 'network agenda, phone');
    await screenshot(mobile, 'agenda-network-phone');
    await mobile.goto(eventUrl);
    await mobile.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(mobile, 'event page, phone');
    await screenshot(mobile, 'agenda-event-phone');
    await mobile.goto('/agenda/territoire?departement=42');
    await mobile
      .getByRole('link', { name: new RegExp(TITLE) })
      .first()
      .waitFor();
    await expectAccessible(mobile, 'territory agenda, phone');
    await screenshot(mobile, 'agenda-territory-phone');
    await phone.close();
  });
});

async function expectChecked(box: ReturnType<Page['getByRole']>): Promise<void> {
  await box.page().waitForFunction((el) => (el as HTMLInputElement).checked, await box.elementHandle());
}
