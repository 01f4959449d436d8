import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { OpportunityDigestService } from './opportunity-digest.service';
import { parisToday } from './opportunity-views';

const V1 = '/api/v1';
const WEEK = 7 * 24 * 3600 * 1000;

const inDays = (days: number) => {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The weekly opportunities e-mail through a real SMTP server (started here): RFC 8058 one-click unsubscribe headers
 * read from the delivered message, a per-recipient token, GET changes nothing, POST stops this e-mail only.
 */
describe('weekly opportunities e-mail: one-click unsubscribe over SMTP', () => {
  const received: { to: string; data: string }[] = [];
  let smtp: SmtpSink;
  let app: TestApp;
  let publisher: Person;
  let reader: Person;
  let other: Person;

  beforeAll(async () => {
    smtp = await startSmtpSink((mail) => received.push({ to: mail.recipients.join(','), data: mail.data }));
    app = await createTestApp({ SMTP_URL: smtp.url, MAIL_WORKER_INTERVAL_MS: 100 });
    await app.db.query("INSERT INTO commune_geo (code, lat, lng) VALUES ('42218', 45.4339, 4.3903), ('42095', 45.3858, 4.2906)");
    const world = await networkWorld(app);
    publisher = await world.person(true, 'Paul');
    reader = await world.person(true, 'Rose');
    other = await world.person(true, 'Odile');
    for (const [who, naf, commune] of [
      [publisher, '28.41Z', '42218'],
      [reader, '25.62B', '42095'],
      [other, '25.62A', '42218'],
    ] as const) {
      expect((await who.client.patch(`${V1}/companies/${who.companyId}`, { nafCode: naf, communeCode: commune })).status).toBe(200);
    }
    for (const who of [reader, other])
      expect((await who.client.put(`${V1}/opportunities/digest`, { weekly: true })).body).toEqual({ weekly: true });
    const published = await publisher.client.post(`${V1}/opportunities`, {
      companyId: publisher.companyId,
      type: 'subcontracting',
      title: 'Sous-traitance de pièces usinées inox',
      description: 'Séries de 200 pièces.',
      nafCodes: ['25.62B'],
      skills: ['usinage'],
      territory: { communeCode: '42218', radiusKm: 50 },
      deadline: inDays(20),
      audience: 'public',
      publish: true,
    });
    expect(published.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await smtp.stop();
  });

  /** The first weekly e-mail delivered to `email` (waits for the outbox worker), headers unfolded. */
  const deliveredTo = async (email: string): Promise<string> => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const mail = received
        .map((m) => ({ ...m, data: m.data.replace(/\r?\n(?=[ \t])/g, '') }))
        .find((m) => m.to === email && m.data.includes('/opportunities/digest/unsubscribe'));
      if (mail) return mail.data;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no weekly e-mail delivered to ${email}`);
  };
  const header = (data: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(data)?.[1]?.trim() ?? null;
  const subscribed = async (who: Person) =>
    ((await app.db.query('SELECT 1 FROM opportunity_digest_subscriptions WHERE person_id = $1', [who.id])) as unknown[]).length > 0;

  it('sends List-Unsubscribe and List-Unsubscribe-Post with a token of its own recipient; GET changes nothing, POST stops this e-mail only', async () => {
    const digest = app.running.app.get(OpportunityDigestService);
    expect(await digest.runWeekly(new Date())).toBe(2);
    const [toReader, toOther] = [await deliveredTo(reader.email), await deliveredTo(other.email)];
    expect(header(toReader, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(https?:\/\/[^>]+)>$/.exec(header(toReader, 'List-Unsubscribe') ?? '')?.[1];
    expect(link).toMatch(/\/api\/v1\/opportunities\/digest\/unsubscribe\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const otherLink = /^<([^>]+)>$/.exec(header(toOther, 'List-Unsubscribe') ?? '')?.[1];
    // One token per recipient.
    expect(otherLink).toBeDefined();
    expect(otherLink).not.toBe(link);
    // The body's link opens the confirmation page with the same token.
    const token = new URL(link!).searchParams.get('token')!;
    const [{ text }]: { text: string }[] = await app.db.query(
      'SELECT text FROM mail_outbox WHERE "to" = $1 AND template = \'opportunity-digest\'',
      [reader.email],
    );
    expect(text).toContain(`/opportunites/desabonnement?token=${token}\n`);

    const path = `${new URL(link!).pathname}${new URL(link!).search}`;
    // GET (a link scanner, the confirmation page): tells, changes nothing.
    expect((await app.client().get(path)).body).toEqual({ weekly: true });
    expect(await subscribed(reader)).toBe(true);
    // Notifications and newsletters have their own preferences: this e-mail's link must not touch them.
    const preferences = await reader.client.get(`${V1}/notifications/preferences`);
    // The mail client's one-click POST: a form body, no cookie, no CSRF token.
    const posted = await app.client().request('POST', path, undefined, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      csrf: false,
    });
    expect([posted.status, posted.body]).toEqual([200, { weekly: false }]);
    expect(await subscribed(reader)).toBe(false);
    expect(await subscribed(other)).toBe(true);
    expect((await reader.client.get(`${V1}/opportunities/digest`)).body).toEqual({ weekly: false });
    expect((await reader.client.get(`${V1}/notifications/preferences`)).body).toEqual(preferences.body);
    // Again: harmless.
    expect((await app.client().request('POST', path, undefined, { csrf: false })).body).toEqual({ weekly: false });

    // The next week: the other recipient gets it, the one who unsubscribed does not.
    await publisher.client.post(`${V1}/opportunities`, {
      companyId: publisher.companyId,
      type: 'pooling',
      title: 'Mutualisation d’un centre d’usinage',
      description: 'Deux jours par semaine.',
      nafCodes: ['25.62B'],
      skills: ['usinage'],
      territory: { communeCode: '42218', radiusKm: 50 },
      deadline: inDays(30),
      audience: 'public',
      publish: true,
    });
    expect(await digest.runWeekly(new Date(Date.now() + WEEK + 3600_000))).toBe(1);
    const digests: { to: string }[] = await app.db.query(
      'SELECT "to" FROM mail_outbox WHERE template = \'opportunity-digest\' ORDER BY created_at',
    );
    expect(digests.map((m) => m.to).sort()).toEqual([reader.email, other.email, other.email].sort());
  });

  it('refuses forged, altered or foreign tokens with a clear 400 and changes nothing', async () => {
    const token = /token=([A-Za-z0-9_.-]+)/.exec(header(await deliveredTo(other.email), 'List-Unsubscribe') ?? '')![1];
    const [payload, mac] = token.split('.');
    for (const bad of [`${payload}.${mac.slice(0, -2)}xx`, `${payload.slice(0, -2)}AA.${mac}`, 'abc', '', `${token}.x`]) {
      const res = await app
        .client()
        .request('POST', `${V1}/opportunities/digest/unsubscribe?token=${encodeURIComponent(bad)}`, undefined, { csrf: false });
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, expect.stringMatching(/^(INVALID_TOKEN|VALIDATION_FAILED)$/)]);
      expect((await app.client().get(`${V1}/opportunities/digest/unsubscribe?token=${encodeURIComponent(bad)}`)).status).toBe(400);
    }
    expect(await subscribed(other)).toBe(true);
  });
});
