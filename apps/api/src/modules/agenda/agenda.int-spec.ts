// Agenda over HTTP against a real database: events and their bad input, the role × endpoint matrix, the
// waitlist (with concurrent last-seat registrations), check-in, the CSV export, the ICS feeds parsed by a
// real parser (ical.js), daylight saving, and the reminder job.
import ICAL from 'ical.js';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import sharp from 'sharp';
import { PNG } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { NETWORK_DEFAULTS, networkWorld, type Person } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AgendaRemindersService } from './agenda-reminders.service';
import { inParis } from './agenda-time';

const V1 = '/api/v1';
const DAY = 24 * 3600 * 1000;
const SECRET_LINK = 'https://visio.example.org/canary-agenda-7f3a';

/** A Europe/Paris wall-clock time `days` from now at `hour`. */
const parisDay = (days: number, hour = '18:00') => `${inParis(new Date(Date.now() + days * DAY)).format('YYYY-MM-DD')}T${hour}`;

interface ParsedEvent {
  uid: string;
  summary: string;
  /** DTSTART as written (Europe/Paris wall clock) and its zone. */
  local: string;
  tzid: string;
  utc: string;
  description: string;
  location: string;
}

/** Parses an ICS file with ical.js (its own VTIMEZONE registered first). */
function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  expect(calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
  // DTSTAMP is a UTC time (RFC 5545 §3.8.7.2).
  expect(
    calendar
      .getAllSubcomponents('vevent')
      .every((v) => /^DTSTAMP:\d{8}T\d{6}Z$/m.test(v.getFirstProperty('dtstamp')?.toICALString() ?? '')),
  ).toBe(true);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      local: event.startDate.toString(),
      tzid: event.startDate.zone?.tzid ?? '',
      utc: event.startDate.toJSDate().toISOString(),
      description: event.description ?? '',
      location: event.location ?? '',
    };
  });
}

describe('agenda (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let admin: Person;
  let staff: Person;
  let animator: Person;
  let member: Person;
  let nonMember: Person;
  let otherAnimator: Person;
  let pub: string;
  let priv: string;
  let secret: string;
  let other: string;

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const event = (body: Record<string, unknown> = {}) => ({
    title: 'Petit-déjeuner des dirigeants',
    description: 'Un **échange** entre chefs d’entreprise',
    format: 'in_person',
    address: '57 cours Fauriel',
    communeCode: '42218',
    startsAt: parisDay(10, '08:30'),
    endsAt: parisDay(10, '10:00'),
    ...body,
  });
  async function create(who: Person, networkId: string, body: Record<string, unknown> = {}) {
    const res = await who.client.post(`${V1}/networks/${networkId}/agenda/events`, event(body));
    if (res.status !== 201) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body[0] as { id: string; status: string; startsAt: string; localStartsAt: string; seriesId: string | null };
  }
  const register = (who: HttpClient, id: string, answers?: Record<string, string>) =>
    who.post(`${V1}/agenda/events/${id}/registrations`, answers ? { answers } : {});

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    ({ admin, staff } = world);
    pub = (await world.createNetwork({ name: 'Club public de Saint-Étienne', themes: ['industrie'] })).id;
    priv = (await world.createNetwork({ name: 'Club privé du Forez', visibility: 'private', joinPolicy: 'approval' })).id;
    secret = (await world.createNetwork({ name: 'Cercle secret', visibility: 'secret', joinPolicy: 'invitation' })).id;
    other = (await world.createNetwork({ name: 'Club de Lyon', visibility: 'private', hostOrganizationId: world.otherHostId }, admin)).id;
    [animator, member, nonMember, otherAnimator] = await Promise.all(
      ['Denis', 'Bruno', 'Fabien', 'Gaëlle'].map((name) => world.person(true, name)),
    );
    for (const id of [pub, priv, secret]) {
      await world.enrol(id, animator, 'animator');
      await world.enrol(id, member, 'member');
    }
    await world.enrol(other, otherAnimator, 'animator', admin);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates events with Europe/Paris times, Markdown and a place; refuses bad input with a 4xx and writes nothing', async () => {
    const created = await create(animator, pub, { startsAt: '2027-06-10T18:00', endsAt: '2027-06-10T20:00' });
    expect(created).toMatchObject({ status: 'published', startsAt: '2027-06-10T16:00:00.000Z', localStartsAt: '2027-06-10T18:00:00' });
    const view = await app.client().get(`${V1}/agenda/events/${created.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      communeName: 'Saint-Étienne',
      departementCode: '42',
      descriptionHtml: expect.stringContaining('<strong>échange</strong>'),
    });

    const before = await count('agenda_events');
    const bad: [Record<string, unknown>, string][] = [
      [{ startsAt: '2027-02-30T10:00' }, 'AGENDA_INVALID_DATE'],
      [{ startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T04:00' }, 'AGENDA_INVALID_DATE'],
      [{ startsAt: 'demain' }, 'VALIDATION_FAILED'],
      [{ startsAt: '2027-06-10T18:00', endsAt: '2027-06-10T17:00' }, 'AGENDA_END_BEFORE_START'],
      [{ communeCode: '99999' }, 'AGENDA_UNKNOWN_COMMUNE'],
      [{ communeCode: null }, 'AGENDA_PLACE_REQUIRED'],
      [{ format: 'online' }, 'AGENDA_LINK_REQUIRED'],
      [{ format: 'online', onlineUrl: 'javascript:alert(1)' }, 'VALIDATION_FAILED'],
      [{ capacity: 0 }, 'VALIDATION_FAILED'],
      [{ capacity: 2.5 }, 'VALIDATION_FAILED'],
      [{ registrationDeadline: parisDay(20) }, 'AGENDA_INVALID_DEADLINE'],
      [{ questions: [{ kind: 'choice', label: 'Repas ?', choices: ['Oui'] }] }, 'AGENDA_INVALID_QUESTION'],
      [{ recurrence: { frequency: 'daily', count: 3 } }, 'VALIDATION_FAILED'],
      [{ recurrence: { frequency: 'weekly', count: 50 } }, 'VALIDATION_FAILED'],
      [{ sharedNetworkIds: [other] }, 'AGENDA_INVALID_SHARE'],
      [{ unknownField: 1 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of bad) {
      const res = await animator.client.post(`${V1}/networks/${pub}/agenda/events`, event(body));
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
    }
    expect(await count('agenda_events')).toBe(before);
  });

  it('keeps the Paris wall-clock time of a weekly event across the daylight-saving change, in the API and in the ICS', async () => {
    // 28 March 2027: clocks go forward in Paris.
    const series = await animator.client.post(
      `${V1}/networks/${pub}/agenda/events`,
      event({ startsAt: '2027-03-22T18:00', endsAt: '2027-03-22T19:30', recurrence: { frequency: 'weekly', count: 3 } }),
    );
    expect(series.status).toBe(201);
    const items = series.body as { id: string; startsAt: string; localStartsAt: string; seriesId: string }[];
    expect(items.map((e) => e.startsAt)).toEqual(['2027-03-22T17:00:00.000Z', '2027-03-29T16:00:00.000Z', '2027-04-05T16:00:00.000Z']);
    expect(items.map((e) => e.localStartsAt)).toEqual(['2027-03-22T18:00:00', '2027-03-29T18:00:00', '2027-04-05T18:00:00']);
    expect(new Set(items.map((e) => e.seriesId)).size).toBe(1);
    for (const item of items) {
      const ics = await app.client().get(`${V1}/agenda/events/${item.id}/event.ics`);
      expect(ics.headers.get('content-type')).toContain('text/calendar');
      const [parsed] = parseIcs(ics.body);
      expect(parsed).toMatchObject({ tzid: 'Europe/Paris', utc: item.startsAt, local: item.localStartsAt });
    }
  });

  it('applies the role × endpoint matrix; secret and private events are not found for outsiders; the online link never leaks', async () => {
    const online = { format: 'online', onlineUrl: SECRET_LINK, address: null, communeCode: null };
    const ids = {
      pub: (await create(animator, pub, { ...online, title: 'Webinaire public' })).id,
      priv: (await create(animator, priv, { title: 'Réunion privée' })).id,
      secret: (await create(animator, secret, { title: 'Dîner secret' })).id,
    };
    const anonymous = app.client();
    const who: [string, HttpClient][] = [
      ['anonymous', anonymous],
      ['nonMember', nonMember.client],
      ['member', member.client],
      ['animator', animator.client],
      ['otherAnimator', otherAnimator.client],
      ['admin', admin.client],
    ];
    const seen: Record<string, Record<string, number>> = {};
    for (const [name, client] of who) {
      seen[name] = {};
      for (const [kind, id] of Object.entries(ids)) seen[name][kind] = (await client.get(`${V1}/agenda/events/${id}`)).status;
    }
    expect(seen).toEqual({
      anonymous: { pub: 200, priv: 404, secret: 404 },
      nonMember: { pub: 200, priv: 404, secret: 404 },
      member: { pub: 200, priv: 200, secret: 200 },
      animator: { pub: 200, priv: 200, secret: 200 },
      otherAnimator: { pub: 200, priv: 404, secret: 404 },
      admin: { pub: 200, priv: 200, secret: 200 },
    });
    // Managing: animators, host staff and admins; members and outsiders are refused (404 when they cannot see it).
    const manage = async (client: HttpClient, id: string) => (await client.patch(`${V1}/agenda/events/${id}`, { capacity: 100 })).status;
    expect(await manage(member.client, ids.priv)).toBe(403);
    expect(await manage(otherAnimator.client, ids.priv)).toBe(404);
    expect(await manage(anonymous, ids.pub)).toBe(401);
    expect(await manage(staff.client, ids.priv)).toBe(200);
    expect(await manage(admin.client, ids.secret)).toBe(200);
    expect((await member.client.get(`${V1}/agenda/events/${ids.priv}/registrations`)).status).toBe(403);
    expect((await nonMember.client.get(`${V1}/agenda/events/${ids.priv}/attendees.csv`)).status).toBe(404);

    // Lists: outsiders see the public event only.
    const range = `from=${encodeURIComponent(parisDay(-1))}&to=${encodeURIComponent(parisDay(30))}`;
    const listed = async (client: HttpClient) =>
      ((await client.get(`${V1}/agenda/events?${range}`)).body as { id: string }[]).map((e) => e.id);
    expect(await listed(nonMember.client)).toEqual(expect.arrayContaining([ids.pub]));
    expect(await listed(nonMember.client)).not.toEqual(expect.arrayContaining([ids.priv]));
    expect(await listed(anonymous)).not.toContain(ids.secret);
    expect(await listed(member.client)).toEqual(expect.arrayContaining([ids.pub, ids.priv, ids.secret]));
    expect((await nonMember.client.get(`${V1}/networks/${secret}/agenda/settings`)).status).toBe(404);

    // The online link: only for registered people and managers; never in lists or feeds.
    expect((await nonMember.client.get(`${V1}/agenda/events/${ids.pub}`)).body.onlineUrl).toBeNull();
    expect((await animator.client.get(`${V1}/agenda/events/${ids.pub}`)).body.onlineUrl).toBe(SECRET_LINK);
    expect((await register(nonMember.client, ids.pub)).status).toBe(201);
    expect((await nonMember.client.get(`${V1}/agenda/events/${ids.pub}`)).body.onlineUrl).toBe(SECRET_LINK);
    expect(JSON.stringify((await nonMember.client.get(`${V1}/agenda/events?${range}`)).body)).not.toContain('canary-agenda');
    expect((await anonymous.get(`${V1}/agenda/events/${ids.pub}/event.ics`)).body).not.toContain('canary-agenda');
    expect((await nonMember.client.get(`${V1}/agenda/events/${ids.pub}/event.ics`)).body).toContain('canary-agenda');
    expect((await anonymous.get(`${V1}/networks/${pub}/agenda.ics`)).body).not.toContain('canary-agenda');
    expect((await anonymous.get(`${V1}/networks/${priv}/agenda.ics`)).status).toBe(404);
  });

  it('shares an event with the other networks its manager runs: offered to the form, listed in their agendas', async () => {
    const shareTargets = async (who: Person, networkId: string) =>
      (await who.client.get(`${V1}/networks/${networkId}/agenda/share-targets`)).body;
    const targets = (await shareTargets(animator, pub)).map((n: { id: string }) => n.id);
    expect(targets).toEqual(expect.arrayContaining([priv, secret]));
    expect(targets).not.toContain(pub);
    expect(targets).not.toContain(other);
    expect(await shareTargets(member, pub)).toEqual([]);
    expect((await shareTargets(otherAnimator, other)).map((n: { id: string }) => n.id)).not.toContain(pub);
    expect((await app.client().get(`${V1}/networks/${pub}/agenda/share-targets`)).status).toBe(401);
    expect((await nonMember.client.get(`${V1}/networks/${secret}/agenda/share-targets`)).status).toBe(404);

    const shared = await create(animator, pub, { title: 'Forum des réseaux du Forez', sharedNetworkIds: [priv] });
    const view = (await animator.client.get(`${V1}/agenda/events/${shared.id}`)).body;
    expect(view.sharedWith.map((n: { id: string }) => n.id)).toEqual([priv]);
    const inAgendaOf = async (networkId: string) =>
      (
        (
          await member.client.get(
            `${V1}/agenda/events?networkId=${networkId}&from=${encodeURIComponent(parisDay(-1))}&to=${encodeURIComponent(parisDay(30))}`,
          )
        ).body as { id: string }[]
      ).map((e) => e.id);
    expect(await inAgendaOf(priv)).toContain(shared.id);
    expect(await inAgendaOf(secret)).not.toContain(shared.id);
    // An edit can stop sharing it.
    expect((await animator.client.patch(`${V1}/agenda/events/${shared.id}`, { sharedNetworkIds: [] })).body.sharedWith).toEqual([]);
    expect(await inAgendaOf(priv)).not.toContain(shared.id);
    // Nobody shares into a network they do not run.
    const refused = await otherAnimator.client.post(
      `${V1}/networks/${other}/agenda/events`,
      event({ title: 'Chez les autres', sharedNetworkIds: [pub] }),
    );
    expect([refused.status, refused.body.code]).toEqual([400, 'AGENDA_INVALID_SHARE']);
  });

  it('lets the moderators of a network take out an event another network shared into it (and nobody else)', async () => {
    const shared = await create(animator, pub, { title: 'Soirée inter-réseaux', sharedNetworkIds: [priv] });
    const privModerator = await world.person(true, 'Hélène');
    await world.enrol(priv, privModerator, 'moderator');
    const unshare = (who: HttpClient, networkId = priv) => who.delete(`${V1}/agenda/events/${shared.id}/shares/${networkId}`);
    // anonymous, a member of the receiving network, an outsider, the home network's member: refused.
    expect((await unshare(app.client())).status).toBe(401);
    expect((await unshare(member.client)).status).toBe(403);
    expect((await unshare(otherAnimator.client)).status).toBe(403);
    expect((await unshare(nonMember.client)).status).toBe(403);
    expect((await unshare(privModerator.client, other)).status).toBe(404);
    expect((await animator.client.get(`${V1}/agenda/events/${shared.id}`)).body.sharedWith.map((n: { id: string }) => n.id)).toEqual([
      priv,
    ]);
    // The receiving network's moderator (who runs nothing) takes it out of their network.
    expect((await unshare(privModerator.client)).status).toBe(204);
    expect((await animator.client.get(`${V1}/agenda/events/${shared.id}`)).body.sharedWith).toEqual([]);
    expect((await unshare(privModerator.client)).status).toBe(404);
  });

  it('lets members propose events where the network allows it; managers approve them', async () => {
    const body = event({ title: 'Visite d’usine proposée' });
    expect((await member.client.post(`${V1}/networks/${priv}/agenda/events`, body)).status).toBe(403);
    expect((await member.client.put(`${V1}/networks/${priv}/agenda/settings`, { memberProposals: true })).status).toBe(403);
    expect((await animator.client.put(`${V1}/networks/${priv}/agenda/settings`, { memberProposals: true })).body).toMatchObject({
      memberProposals: true,
      canManage: true,
    });
    const proposed = await member.client.post(`${V1}/networks/${priv}/agenda/events`, { ...body, status: 'published' });
    expect(proposed.status).toBe(201);
    const id = proposed.body[0].id;
    expect(proposed.body[0].status).toBe('proposed');
    // A proposal is seen by its author and the managers only, and nobody registers before it is published.
    expect((await animator.client.get(`${V1}/agenda/events/${id}`)).status).toBe(200);
    const peer = await world.person(true, 'Paul');
    await world.enrol(priv, peer);
    expect((await peer.client.get(`${V1}/agenda/events/${id}`)).status).toBe(404);
    expect((await register(member.client, id)).body.code).toBe('AGENDA_REGISTRATION_CLOSED');
    expect((await member.client.post(`${V1}/agenda/events/${id}/publish`)).status).toBe(403);
    expect((await animator.client.post(`${V1}/agenda/events/${id}/publish`)).body.status).toBe('published');
    expect((await peer.client.get(`${V1}/agenda/events/${id}`)).status).toBe(200);
  });

  it('fills seats then the waitlist, refuses double registrations, promotes and notifies on cancel, checks in and exports', async () => {
    const created = await create(animator, pub, {
      capacity: 2,
      questions: [
        { kind: 'choice', label: 'Repas', choices: ['Oui', 'Non'], required: true },
        { kind: 'text', label: 'Attentes' },
      ],
    });
    const id = created.id;
    const [a, b, c] = await Promise.all(['Alice', 'Bob', 'Carla'].map((name) => world.person(true, name)));
    expect((await register(a.client, id, { q1: 'Peut-être' })).body.code).toBe('AGENDA_INVALID_ANSWERS');
    expect((await register(a.client, id, { q2: 'rien' })).body.code).toBe('AGENDA_INVALID_ANSWERS');
    expect((await register(a.client, id, { q1: 'Oui', q9: 'x' })).body.code).toBe('AGENDA_INVALID_ANSWERS');
    expect(await count(`agenda_registrations WHERE event_id = '${id}'`)).toBe(0);

    expect((await register(a.client, id, { q1: 'Oui', q2: '=HYPERLINK("http://evil.example","x")' })).body).toMatchObject({
      status: 'registered',
      waitlistPosition: null,
    });
    expect((await register(a.client, id, { q1: 'Oui' })).status).toBe(409);
    expect((await register(b.client, id, { q1: 'Non' })).body.status).toBe('registered');
    const third = await register(c.client, id, { q1: 'Oui' });
    expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await c.client.get(`${V1}/agenda/events/${id}`)).body).toMatchObject({
      myStatus: 'waitlisted',
      myWaitlistPosition: 1,
      registeredCount: 2,
      waitlistCount: 1,
    });

    // Capacity below the registrations: refused, nothing changed.
    const lower = await animator.client.patch(`${V1}/agenda/events/${id}`, { capacity: 1 });
    expect(lower).toMatchObject({ status: 409, body: { code: 'AGENDA_CAPACITY_BELOW_REGISTRATIONS' } });
    expect((await animator.client.get(`${V1}/agenda/events/${id}`)).body.capacity).toBe(2);

    // Bob cancels: Carla is promoted and told (in-app and by e-mail).
    expect((await b.client.delete(`${V1}/agenda/events/${id}/registrations/me`)).body.status).toBe('cancelled');
    expect((await b.client.delete(`${V1}/agenda/events/${id}/registrations/me`)).status).toBe(409);
    expect((await c.client.get(`${V1}/agenda/events/${id}`)).body).toMatchObject({ myStatus: 'registered', myWaitlistPosition: null });
    const notes = await c.client.get(`${V1}/notifications`);
    expect(notes.body.items[0]).toMatchObject({
      type: 'agenda.promoted',
      path: `/evenements/${id}`,
      data: { event: 'Petit-déjeuner des dirigeants' },
    });
    const [mail] = await app.db.query('SELECT subject FROM mail_outbox WHERE "to" = $1 AND template = $2', [c.email, 'agenda-promoted']);
    expect(mail.subject).toContain('Petit-déjeuner des dirigeants');

    // Check-in by the animator, attendance stored; the CSV neutralises formulas.
    const attendees = (await animator.client.get(`${V1}/agenda/events/${id}/registrations`)).body as {
      id: string;
      name: string;
      status: string;
    }[];
    const carla = attendees.find((r) => r.name.startsWith('Carla'))!;
    const bob = attendees.find((r) => r.name.startsWith('Bob'))!;
    expect(
      (await animator.client.put(`${V1}/agenda/events/${id}/registrations/${carla.id}/check-in`, { present: true })).body.checkedInAt,
    ).toEqual(expect.any(String));
    expect((await animator.client.put(`${V1}/agenda/events/${id}/registrations/${bob.id}/check-in`, { present: true })).status).toBe(409);
    expect((await member.client.put(`${V1}/agenda/events/${id}/registrations/${carla.id}/check-in`, { present: true })).status).toBe(403);
    const csv = await animator.client.get(`${V1}/agenda/events/${id}/attendees.csv`);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(csv.body).toContain('Repas;Attentes');
    expect(csv.body).toContain(`"'=HYPERLINK`);
    expect(csv.body).not.toContain('Bob');
  });

  it('gives each registration a QR code (e-mail, ICS, own view) that only the organisers of that event check in with', async () => {
    const { id } = await create(animator, pub, { title: 'Soirée des adhérents', capacity: 1 });
    const { id: otherEvent } = await create(animator, pub, { title: 'Atelier export' });
    const [a, b] = await Promise.all(['Quentin', 'Rose'].map((name) => world.person(true, name)));
    await world.enrol(pub, a, 'member');
    await world.enrol(pub, b, 'member');
    const mine = (await register(a.client, id)).body;
    expect(mine).toMatchObject({
      status: 'registered',
      checkIn: { code: expect.stringMatching(/^[0-9A-F]{16}$/), qrUrl: expect.stringContaining(`/agenda/check-in-codes/${id}/`) },
    });
    const code: string = mine.checkIn.code;
    // Not the registration id, and each registration its own.
    expect(code.toLowerCase()).not.toContain(mine.id.replace(/-/g, '').slice(0, 16));
    expect((await register(a.client, otherEvent)).body.checkIn.code).not.toBe(code);
    const otherCode = (await b.client.post(`${V1}/agenda/events/${otherEvent}/registrations`, {})).body.checkIn.code as string;
    // Waitlisted: no code to show yet.
    expect((await register(b.client, id)).body).toMatchObject({ status: 'waitlisted', checkIn: null });
    expect((await b.client.get(`${V1}/agenda/events/${id}`)).body.myCheckIn).toBeNull();
    expect((await a.client.get(`${V1}/agenda/events/${id}`)).body.myCheckIn).toEqual(mine.checkIn);

    // The confirmation e-mail carries the code and its QR image; the QR image decodes to the event's address with the code.
    const [mail] = await app.db.query('SELECT subject, html, text FROM mail_outbox WHERE "to" = $1 AND template = $2 AND subject LIKE $3', [
      a.email,
      'agenda-registration-confirmed',
      '%Soirée des adhérents%',
    ]);
    expect(mail.html.replace(/&#x2F;/g, '/')).toMatch(new RegExp(`<img src="https?://[^"]+${mine.checkIn.qrUrl}"`));
    expect(mail.text).toContain(code.match(/.{4}/g)!.join('-'));
    const png = await fetch(`${app.url}${mine.checkIn.qrUrl}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const { data, info } = await sharp(Buffer.from(await png.arrayBuffer()))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Int32Array(info.width * info.height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (data[i * 4] << 16) | (data[i * 4 + 1] << 8) | data[i * 4 + 2];
    // A generated, upright code: read module by module (zxing's camera-frame detector misses about one in ten of them).
    const decoded = new QRCodeReader()
      .decode(
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, info.width, info.height))),
        new Map([[DecodeHintType.PURE_BARCODE, true]]),
      )
      .getText();
    expect(decoded).toMatch(new RegExp(`^https?://[^/]+/evenements/${id}\\?code=${code}#presence$`));
    expect((await app.client().get(`${V1}/agenda/check-in-codes/${id}/not-a-code.png`)).status).toBe(404);

    // The ICS of the registered person has the code and the QR code; the network's shared feed does not.
    const ics = await a.client.get(`${V1}/agenda/events/${id}/event.ics`);
    expect(parseIcs(ics.body)[0].description).toContain(code.match(/.{4}/g)!.join('-'));
    expect(ics.body.replace(/\r\n /g, '')).toMatch(new RegExp(`ATTACH:[^\r\n]*${code}\\.png`));
    expect((await a.client.get(`${V1}/networks/${pub}/agenda.ics`)).body).not.toContain(code);
    expect((await animator.client.get(`${V1}/agenda/events/${id}/event.ics`)).body).not.toContain(code);

    // Outsiders and plain members cannot check in; a code of another event, or no code at all: a 4xx and nothing changes.
    const checkIn = (who: Person, eventId: string, body: unknown) => who.client.post(`${V1}/agenda/events/${eventId}/check-in`, body);
    expect((await checkIn(nonMember, id, { code })).status).toBe(403);
    expect((await checkIn(member, id, { code })).status).toBe(403);
    expect((await checkIn(otherAnimator, id, { code })).status).toBe(403);
    expect(await checkIn(animator, id, { code: otherCode })).toMatchObject({ status: 404, body: { code: 'AGENDA_CHECK_IN_CODE_UNKNOWN' } });
    for (const bad of [{ code: 'hello' }, { code: 42 }, {}, { code: 'x'.repeat(600) }])
      expect((await checkIn(animator, id, bad)).status).toBe(400);
    expect(await count(`agenda_registrations WHERE checked_in_at IS NOT NULL AND person_id IN ('${a.id}', '${b.id}')`)).toBe(0);

    // The organiser types the code (any case, with dashes) or scans the address: checked in once, the first time kept.
    const typed = await checkIn(animator, id, { code: code.toLowerCase().match(/.{4}/g)!.join('-') });
    expect(typed).toMatchObject({
      status: 200,
      body: { alreadyCheckedIn: false, attendee: { personId: a.id, checkedInAt: expect.any(String) } },
    });
    const scanned = await checkIn(animator, id, { code: decoded });
    expect(scanned.body).toMatchObject({ alreadyCheckedIn: true, attendee: { checkedInAt: typed.body.attendee.checkedInAt } });
    // A waitlisted person's code is refused until they get a seat.
    const [{ check_in_code: waitlisted }] = await app.db.query(
      'SELECT check_in_code FROM agenda_registrations WHERE event_id = $1 AND person_id = $2',
      [id, b.id],
    );
    expect((await checkIn(animator, id, { code: waitlisted })).status).toBe(409);
    expect(await count(`agenda_registrations WHERE checked_in_at IS NOT NULL AND person_id = '${b.id}'`)).toBe(0);
  });

  it('gives the last seat to exactly one of many concurrent registrations', async () => {
    const { id } = await create(animator, pub, { capacity: 1, title: 'Dernière place' });
    const people = await Promise.all(['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((name) => world.person(true, name)));
    const answers = await Promise.all(people.map((p) => register(p.client, id)));
    expect(answers.map((r) => r.status)).toEqual(people.map(() => 201));
    expect(answers.filter((r) => r.body.status === 'registered')).toHaveLength(1);
    expect(
      answers
        .filter((r) => r.body.status === 'waitlisted')
        .map((r) => r.body.waitlistPosition)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    // The same person twice at once: one registration, one 409.
    const twice = await Promise.all([register(people[0].client, id), register(people[0].client, id)]);
    expect(twice.map((r) => r.status)).toEqual([409, 409]);
    const late = await world.person(true, 'Late');
    const again = await Promise.all([register(late.client, id), register(late.client, id)]);
    expect(again.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('serves the network and personal ICS feeds, parsed by ical.js at the right Paris time; the personal address is revocable', async () => {
    const { id, startsAt } = await create(animator, pub, {
      title: 'Forum annuel',
      startsAt: parisDay(12, '18:00'),
      endsAt: parisDay(12, '21:00'),
      capacity: 50,
    });
    const network = await app.client().get(`${V1}/networks/${pub}/agenda.ics`);
    expect(network.status).toBe(200);
    const inNetwork = parseIcs(network.body).find((e) => e.uid === `${id}@maillage`);
    expect(inNetwork).toMatchObject({ summary: 'Forum annuel', tzid: 'Europe/Paris', utc: startsAt, local: `${parisDay(12, '18:00')}:00` });

    expect((await member.client.get(`${V1}/agenda/feed`)).body).toEqual({ active: false, createdAt: null });
    const feed = await member.client.post(`${V1}/agenda/feed`);
    expect(feed.body).toMatchObject({ active: true, url: expect.stringMatching(/\/api\/v1\/agenda\/feed\/[\w-]+\.ics$/) });
    const path = new URL(feed.body.url).pathname;
    const stored: { token_hash: string }[] = await app.db.query('SELECT token_hash FROM agenda_feed_tokens');
    expect(stored.some((r) => path.includes(r.token_hash))).toBe(false);
    const personal = await app.client().get(path);
    expect(personal.status).toBe(200);
    const events = parseIcs(personal.body);
    // The member sees the events of their networks, private and secret ones included.
    expect(events.find((e) => e.uid === `${id}@maillage`)).toMatchObject({ tzid: 'Europe/Paris', utc: startsAt });
    expect(events.map((e) => e.summary)).toEqual(expect.arrayContaining(['Réunion privée', 'Dîner secret']));
    // Regenerating stops the old address; revoking stops all.
    const renewed = await member.client.post(`${V1}/agenda/feed`);
    expect((await app.client().get(path)).status).toBe(404);
    expect((await member.client.delete(`${V1}/agenda/feed`)).status).toBe(204);
    expect((await app.client().get(new URL(renewed.body.url).pathname)).status).toBe(404);
    expect((await app.client().get(`${V1}/agenda/feed/not-a-token`)).status).toBe(404);
  });

  it('uploads a cover image and cancels an event, telling its registered people', async () => {
    const { id } = await create(animator, pub, { title: 'Atelier annulé' });
    const cover = await animator.client.upload(`${V1}/agenda/events/${id}/cover`, PNG, 'cover.png', 'image/png', 'PUT');
    expect(cover.body.coverUrl).toMatch(/^\/api\/v1\/files\//);
    expect((await member.client.upload(`${V1}/agenda/events/${id}/cover`, PNG, 'cover.png', 'image/png', 'PUT')).status).toBe(403);
    const attendee = await world.person(true, 'Inès');
    await register(attendee.client, id);
    expect((await animator.client.post(`${V1}/agenda/events/${id}/cancel`)).body.status).toBe('cancelled');
    expect((await attendee.client.get(`${V1}/notifications`)).body.items[0]).toMatchObject({ type: 'agenda.event_cancelled' });
    expect((await register(member.client, id)).body.code).toBe('AGENDA_REGISTRATION_CLOSED');
    expect((await animator.client.patch(`${V1}/agenda/events/${id}`, { title: 'x' })).status).toBe(409);
  });

  it("forgets a private event's notifications for someone who is no longer a member (centre and digest)", async () => {
    const attendee = await world.person(true, 'Yann');
    await world.enrol(priv, attendee);
    const { id } = await create(animator, priv, { title: 'Atelier réservé aux membres' });
    expect((await register(attendee.client, id)).status).toBe(201);
    await attendee.client.put(`${V1}/notifications/preferences`, {
      preferences: [{ type: 'agenda.event_cancelled', channel: 'email_digest' }],
    });
    expect((await animator.client.post(`${V1}/agenda/events/${id}/cancel`)).body.status).toBe('cancelled');
    const about = async () =>
      ((await attendee.client.get(`${V1}/notifications`)).body.items as { type: string; subject: { id: string } }[])
        .filter((n) => n.subject.id === id)
        .map((n) => n.type);
    // (As a member of the network, they were also told of the new event: that entry goes too.)
    expect(await about()).toEqual(['agenda.event_cancelled', 'network.new_event']);
    expect((await animator.client.post(`${V1}/networks/${priv}/members/${attendee.companyId}/ban`, {})).status).toBe(200);
    // The daily digest leaves it out (no digest at all, it was the only entry), and so does the centre.
    await app.running.app.get(NotificationsService).runDigest(new Date());
    expect(
      await app.db.query('SELECT 1 FROM mail_outbox WHERE "to" = $1 AND template = $2', [attendee.email, 'notification-digest']),
    ).toEqual([]);
    expect(await about()).toEqual([]);
  });

  it('reminds registered people 24 hours before, once, through the notification service', async () => {
    const soon = inParis(new Date(Date.now() + 20 * 3600 * 1000)).format('YYYY-MM-DDTHH:mm');
    const end = inParis(new Date(Date.now() + 22 * 3600 * 1000)).format('YYYY-MM-DDTHH:mm');
    const { id } = await create(animator, pub, { title: 'Demain matin', startsAt: soon, endsAt: end });
    const later = await create(animator, pub, { title: 'Dans dix jours' });
    const attendee = await world.person(true, 'Rémi');
    await register(attendee.client, id);
    await register(attendee.client, later.id);
    const reminders = app.running.app.get(AgendaRemindersService);
    expect(await reminders.runReminders(new Date())).toBeGreaterThanOrEqual(1);
    expect(await reminders.runReminders(new Date())).toBe(0);
    const items = (await attendee.client.get(`${V1}/notifications`)).body.items as { type: string; subject: { id: string } }[];
    expect(items.filter((n) => n.type === 'agenda.reminder').map((n) => n.subject.id)).toEqual([id]);
  });

  it('indexes published events for search: public ones for everyone, private ones for their readers, never the link nor drafts', async () => {
    const word = `Zythologie${Date.now()}`;
    const publicOne = await create(animator, pub, {
      title: `${word} publique`,
      format: 'online',
      onlineUrl: SECRET_LINK,
      address: null,
      communeCode: null,
    });
    const privateOne = await create(animator, priv, { title: `${word} privée` });
    const draft = await create(animator, pub, { title: `${word} brouillon`, status: 'draft' });
    await app.running.app.get(SearchIndexer).drain();
    const found = async (client: HttpClient) => {
      const res = await client.get(`${V1}/search?q=${encodeURIComponent(word)}&kind=event`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('canary-agenda');
      return (res.body.items as { id: string }[]).map((i) => i.id);
    };
    expect(new Set(await found(member.client))).toEqual(new Set([publicOne.id, privateOne.id]));
    expect(await found(nonMember.client)).toEqual([publicOne.id]);
    expect(await found(app.client())).not.toContain(draft.id);
    // A cancelled event leaves the index.
    await animator.client.post(`${V1}/agenda/events/${publicOne.id}/cancel`);
    await app.running.app.get(SearchIndexer).drain();
    expect(await found(nonMember.client)).toEqual([]);
  });

  it('shows the territorial agenda of public events by département, and filters by network type and theme', async () => {
    const range = `from=${encodeURIComponent(parisDay(-1))}&to=${encodeURIComponent(parisDay(60))}`;
    const ids = async (query: string, client: HttpClient = member.client) =>
      ((await client.get(`${V1}/agenda/events?${range}&${query}`)).body as { id: string; network: { id: string } }[]).map(
        (e) => e.network.id,
      );
    const territory = await ids('scope=territory&departement=42');
    expect(territory.length).toBeGreaterThan(0);
    expect(new Set(territory)).toEqual(new Set([pub]));
    expect(await ids('scope=territory&departement=69')).toEqual([]);
    expect(new Set(await ids('theme=industrie'))).toEqual(new Set([pub]));
    expect(await ids('networkType=cluster')).toEqual([]);
    expect((await member.client.get(`${V1}/agenda/events?scope=mine&${range}`)).status).toBe(200);
    expect((await app.client().get(`${V1}/agenda/events?scope=mine`)).status).toBe(401);
    expect((await member.client.get(`${V1}/agenda/events?from=2027-01-01T00:00&to=2029-01-01T00:00`)).body.code).toBe(
      'AGENDA_RANGE_TOO_LONG',
    );
  });
  it('keeps hostile names and titles (CR/LF, legacy rows) inside their calendar property: feeds parse to the real events only', async () => {
    const hostile = (what: string) =>
      `${what}\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:forged-${what}@evil\r\nSUMMARY:Faux\r\nEND:VEVENT\u0007\u2028x`;
    // What a parser reads back: the text with its line breaks (RFC 5545 escapes them as "\n"), other controls blanked.
    const readBack = (text: string) => text.replace(/\r\n/g, '\n').replace(/\u0007/g, ' ');
    const feedNetwork = (await world.createNetwork({ name: 'Club des calendriers' })).id;
    await world.enrol(feedNetwork, animator, 'animator');
    // The API refuses line breaks in single-line fields (a clear 400, nothing written).
    const before = await count('agenda_events');
    const refused = await animator.client.post(`${V1}/networks/${feedNetwork}/agenda/events`, event({ title: 'Titre\r\nBEGIN:VEVENT' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    expect(JSON.stringify(refused.body.details)).toContain('title');
    expect(await count('agenda_events')).toBe(before);
    const renamed = await admin.client.put(`${V1}/networks/${feedNetwork}`, {
      ...NETWORK_DEFAULTS,
      hostOrganizationId: world.hostId,
      name: 'Nom\nX-WR-CALNAME:Faux',
    });
    expect(renamed.status).toBe(400);
    expect(JSON.stringify(renamed.body.details)).toContain('name');
    // Legacy rows written before the rule, straight into the database.
    const { id } = await create(animator, feedNetwork, {
      title: 'Rencontre',
      startsAt: parisDay(9, '18:00'),
      endsAt: parisDay(9, '20:00'),
    });
    await app.db.query('UPDATE networks SET name = $1 WHERE id = $2', [hostile('reseau'), feedNetwork]);
    await app.db.query('UPDATE agenda_events SET title = $1, address = $2, description = $3 WHERE id = $4', [
      hostile('titre'),
      hostile('adresse'),
      hostile('description'),
      id,
    ]);
    await member.client.post(`${V1}/agenda/events/${id}/registrations`, {});
    const personalFeed = new URL((await animator.client.post(`${V1}/agenda/feed`)).body.url).pathname;
    const files = [
      await app.client().get(`${V1}/networks/${feedNetwork}/agenda.ics`),
      await app.client().get(`${V1}/agenda/events/${id}/event.ics`),
      await app.client().get(personalFeed),
    ];
    for (const file of files) {
      expect(file.status).toBe(200);
      // One calendar, no forged event, and every line of it is a property of the real calendar.
      const text = file.body as string;
      expect(text.match(/^BEGIN:VCALENDAR/gm)).toHaveLength(1);
      expect(text).not.toMatch(/^UID:forged/m);
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = parseIcs(text);
      expect(events.every((e) => !e.uid.startsWith('forged'))).toBe(true);
      const mine = events.find((e) => e.uid === `${id}@maillage`);
      expect(mine?.summary).toBe(readBack(hostile('titre')));
      expect(mine?.location).toBe(readBack(hostile('adresse')));
      expect(calendar.getAllSubcomponents('vevent').length).toBe(events.length);
    }
    // The network's name is the network feed's NAME and X-WR-CALNAME, whole.
    const networkCalendar = new ICAL.Component(ICAL.parse(files[0].body as string));
    expect(networkCalendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual([`${id}@maillage`]);
    // ical.js keeps these calendar properties' values as written: the escaped text, on one line.
    const escaped = readBack(hostile('reseau')).replace(/\n/g, '\\n');
    expect(networkCalendar.getFirstPropertyValue('name')).toBe(escaped);
    expect(networkCalendar.getFirstPropertyValue('x-wr-calname')).toBe(escaped);
  });
});
