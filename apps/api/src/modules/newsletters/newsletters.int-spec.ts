import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { MailService } from '../../core/mail/mail.service';
import { NewslettersSender } from './newsletters.sender';

/** Newsletters over HTTP: composing, audiences, sending through the outbox, unsubscribing, links, archive, bad input. */
describe('newsletters', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let claire: Person; // her company animates the club
  let member: Person;
  let otherMember: Person; // member of another network only
  let outsider: Person;
  let club: { id: string; name: string };
  let other: { id: string; name: string };

  /** The API's own address for a link of a mail (PUBLIC_URL is not the test server's). */
  const local = (link: string) => {
    const url = new URL(link);
    return `${app.url}${url.pathname}${url.search}`;
  };
  const run = () => app.running.app.get(NewslettersSender).runDue();
  /** A newsletter's mails as delivered (the outbox keeps its body once, each row fills in its recipient). */
  const mailsOf = async (id: string) => {
    const rows: { id: string }[] = await app.db.query(`SELECT id FROM mail_outbox WHERE ref = $1 ORDER BY "to"`, [`newsletter:${id}`]);
    return (await app.running.app.get(MailService).composed(rows.map((r) => r.id))) as {
      to: string;
      subject: string;
      text: string;
      html: string;
      headers: Record<string, string>;
    }[];
  };
  const draft = (over: Record<string, unknown> = {}) => ({
    subject: 'Les nouvelles du club',
    networkIds: [club.id],
    blocks: [
      { kind: 'text', markdown: 'Bonjour à **tous** ! <script>alert(1)</script> [site](javascript:alert(1)) <img src=x onerror=alert(1)>' },
      {
        kind: 'events',
        title: 'Prochains événements',
        items: [{ title: 'Petit-déjeuner <b>export</b>', detail: 'jeudi 8 h', path: '/evenements/abc' }],
      },
    ],
    ...over,
  });

  beforeAll(async () => {
    app = await createTestApp({ NEWSLETTER_WORKER_INTERVAL_MS: 0 });
    world = await networkWorld(app);
    claire = await world.person(true, 'Claire');
    member = await world.person(true, 'Marc');
    otherMember = await world.person(true, 'Olga');
    outsider = await world.person(true, 'Oscar');
    club = await world.createNetwork({ name: 'Club des entreprises du Forez' });
    other = await world.createNetwork({ name: 'Grappe Loire Numérique', visibility: 'private' });
    await world.enrol(club.id, claire, 'animator');
    await world.enrol(club.id, member);
    await world.enrol(other.id, otherMember);
  });
  afterAll(() => app?.close());

  it('is written by an animator, previewed sanitised, and sent once to each member of the network, nobody else', async () => {
    const created = await claire.client.post('/api/v1/newsletters', draft());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', canManage: true, networks: [{ id: club.id }] });
    const preview = await claire.client.post(`/api/v1/newsletters/${created.body.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.recipientCount).toBe(2);
    expect(preview.body.html).toContain('<strong>tous</strong>');
    // Raw HTML is shown as text, never as markup; javascript: links are not links.
    expect(preview.body.html).not.toMatch(/<script|<img[^>]*onerror|href="javascript:/i);
    expect(preview.body.html).toContain('&lt;script&gt;');
    expect(preview.body.html).toContain('Petit-déjeuner &lt;b&gt;export&lt;/b&gt;');

    const sent = await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('scheduled');
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    const mails = await mailsOf(created.body.id);
    expect(mails.map((m) => m.to).sort()).toEqual([claire.email, member.email].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe('Les nouvelles du club');
      expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/v1\/newsletters\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
      expect(mail.html).toMatch(/<!doctype html>/i);
      expect(mail.html).not.toContain('__MAILLAGE_RECIPIENT__');
      expect(mail.text).toContain('Prochains événements'.toUpperCase());
    }
    // Each recipient has their own token; the outbox holds the mail once and per recipient only what differs.
    expect(new Set(mails.map((m) => m.headers['List-Unsubscribe'])).size).toBe(2);
    const stored: { html: string | null; text: string | null; body_id: string; vars: Record<string, string> }[] = await app.db.query(
      'SELECT html, text, body_id, vars FROM mail_outbox WHERE ref = $1',
      [`newsletter:${created.body.id}`],
    );
    expect(stored.every((row) => row.html === null && row.text === null && Object.keys(row.vars).length === 1)).toBe(true);
    expect(new Set(stored.map((row) => row.body_id)).size).toBe(1);
    const after = await claire.client.get(`/api/v1/newsletters/${created.body.id}`);
    expect(after.body.status).toBe('sent');
    expect(after.body.figures).toMatchObject({ recipients: 2, queued: 2, skipped: 0, unsubscribed: 0, clicks: 0 });
    // Sent: it cannot change any more.
    expect((await claire.client.put(`/api/v1/newsletters/${created.body.id}`, draft())).status).toBe(409);
  });

  it('stops a network newsletters through the one-click link (no session, no CSRF) and skips whoever unsubscribed before sending', async () => {
    const first = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Première' }));
    await claire.client.post(`/api/v1/newsletters/${first.body.id}/send`, {});
    await run();
    const toMember = (await mailsOf(first.body.id)).find((m) => m.to === member.email)!;
    const link = local(/<([^>]+)>/.exec(toMember.headers['List-Unsubscribe'])![1]);
    // Mail scanners follow links: the GET changes nothing.
    const look = await fetch(link);
    expect(look.status).toBe(200);
    expect(await look.json()).toEqual([{ network: { id: club.id, name: club.name, slug: expect.any(String) }, unsubscribed: false }]);
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(((await oneClick.json()) as { unsubscribed: boolean }[])[0].unsubscribed).toBe(true);
    expect((await claire.client.get(`/api/v1/newsletters/${first.body.id}`)).body.figures.unsubscribed).toBe(1);

    const second = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Deuxième' }));
    await claire.client.post(`/api/v1/newsletters/${second.body.id}/send`, {});
    await run();
    expect((await mailsOf(second.body.id)).map((m) => m.to)).toEqual([claire.email]);

    // Claire unsubscribes between scheduling and sending: she gets nothing either.
    const third = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Troisième' }));
    await claire.client.post(`/api/v1/newsletters/${third.body.id}/send`, {});
    const ownToken = /token=([\w.-]+)/.exec((await mailsOf(second.body.id))[0].headers['List-Unsubscribe'])![1];
    expect((await fetch(`${app.url}/api/v1/newsletters/unsubscribe?token=${ownToken}`, { method: 'POST' })).status).toBe(200);
    await run();
    expect(await mailsOf(third.body.id)).toEqual([]);
    const forged = await fetch(`${app.url}/api/v1/newsletters/unsubscribe?token=${ownToken.slice(0, -2)}xx`, { method: 'POST' });
    expect(forged.status).toBe(400);
  });

  it('counts clicks through its own links only (no open redirect)', async () => {
    await app.db.query('DELETE FROM newsletter_unsubscribes');
    const created = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Liens' }));
    await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, {});
    await run();
    const mail = (await mailsOf(created.body.id)).find((m) => m.to === member.email)!;
    const counted = local(/href="([^"]+\/api\/v1\/newsletters\/l\/[^"]+)"/.exec(mail.html)![1]);
    const res = await fetch(counted, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/evenements\/abc$/);
    const beyond = await fetch(counted.replace(/\/\d+$/, '/99'), { redirect: 'manual' });
    expect(new URL(beyond.headers.get('location')!).pathname).toBe('/');
    expect((await claire.client.get(`/api/v1/newsletters/${created.body.id}`)).body.figures).toMatchObject({ clicks: 1, clickers: 1 });
    // No tracking pixel: no image at all in this mail.
    expect(mail.html).not.toMatch(/<img/);
  });

  it('keeps an archive: anyone for a public network, members only for a private one', async () => {
    const list = await app.client().get(`/api/v1/networks/${club.id}/newsletters`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((n: { status: string }) => n.status === 'sent')).toBe(true);
    const archive = await app.client().get(`/api/v1/newsletters/${list.body[0].id}/archive`);
    expect(archive.status).toBe(200);
    expect(archive.body.html).not.toContain('newsletters/l/');

    await world.enrol(other.id, claire, 'animator');
    const secret = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Privée', networkIds: [other.id] }));
    await claire.client.post(`/api/v1/newsletters/${secret.body.id}/send`, {});
    await run();
    expect((await mailsOf(secret.body.id)).map((m) => m.to).sort()).toEqual([claire.email, otherMember.email].sort());
    expect((await outsider.client.get(`/api/v1/newsletters/${secret.body.id}`)).status).toBe(404);
    expect((await outsider.client.get(`/api/v1/newsletters/${secret.body.id}/archive`)).status).toBe(404);
    expect((await outsider.client.get(`/api/v1/networks/${other.id}/newsletters`)).body).toEqual([]);
    expect((await otherMember.client.get(`/api/v1/newsletters/${secret.body.id}/archive`)).status).toBe(200);
    // A member reads it but does not manage it: no figures.
    expect((await otherMember.client.get(`/api/v1/newsletters/${secret.body.id}`)).body).toMatchObject({ canManage: false, figures: null });
  });

  it('filters the audience by role and département within the chosen networks', async () => {
    await app.db.query(`UPDATE companies SET departement_code = '42' WHERE id = $1`, [member.companyId]);
    const created = await claire.client.post('/api/v1/newsletters', draft({ audience: { departements: ['42'], companyRoles: ['owner'] } }));
    expect(created.status).toBe(201);
    expect((await claire.client.post(`/api/v1/newsletters/${created.body.id}/preview`)).body.recipientCount).toBe(1);
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const before = (await app.db.query('SELECT count(*)::int AS n FROM newsletters'))[0].n;
    const crlf = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Bonjour\r\nBcc: victim@example.com' }));
    expect(crlf.status).toBe(400);
    expect(crlf.body.code).toBeDefined();
    const lf = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Bonjour\nX' }));
    expect(lf.status).toBe(400);
    // A network she does not run: 403; one she may not even see: the same answer as a missing one.
    const notHers = await member.client.post('/api/v1/newsletters', draft());
    expect(notHers.status).toBe(403);
    const mixed = await claire.client.post(
      '/api/v1/newsletters',
      draft({ networkIds: [club.id, (await world.createNetwork({ name: 'Autre club' })).id] }),
    );
    expect(mixed.status).toBe(403);
    const badBlock = await claire.client.post(
      '/api/v1/newsletters',
      draft({ blocks: [{ kind: 'events', title: 'x', items: [{ title: 'x', detail: '', path: 'https://evil.example' }] }] }),
    );
    expect(badBlock.status).toBe(400);
    expect(badBlock.body.code).toBe('INVALID_BLOCKS');
    const badAudience = await claire.client.post('/api/v1/newsletters', draft({ audience: { companyRoles: ['king'] } }));
    expect(badAudience.status).toBe(400);
    expect((await app.db.query('SELECT count(*)::int AS n FROM newsletters'))[0].n).toBe(before);

    const created = await claire.client.post('/api/v1/newsletters', draft());
    const past = await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, {
      scheduledAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('SCHEDULED_IN_PAST');
    expect((await claire.client.get(`/api/v1/newsletters/${created.body.id}`)).body.status).toBe('draft');
    // A draft of a network one does not run: as if it did not exist.
    const stranger = await member.client.post(`/api/v1/newsletters/${created.body.id}/send`, {});
    expect(stranger.status).toBe(404);
    expect((await outsider.client.get(`/api/v1/newsletters/${created.body.id}`)).status).toBe(404);
  });

  it('schedules for later: not sent before its time, then sent', async () => {
    const created = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Plus tard' }));
    const at = new Date(Date.now() + 3600_000);
    const scheduled = await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, { scheduledAt: at.toISOString() });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledAt: at.toISOString() });
    await run();
    expect(await mailsOf(created.body.id)).toEqual([]);
    await app.running.app.get(NewslettersSender).runDue(new Date(at.getTime() + 1000));
    expect((await mailsOf(created.body.id)).length).toBeGreaterThan(0);
  });

  it('sends a test to its author only', async () => {
    const created = await claire.client.post('/api/v1/newsletters', draft({ subject: 'Essai' }));
    expect((await claire.client.post(`/api/v1/newsletters/${created.body.id}/test`)).status).toBe(202);
    const rows = await app.db.query(`SELECT "to", subject FROM mail_outbox WHERE subject = '[Test] Essai'`);
    expect(rows).toEqual([{ to: claire.email, subject: '[Test] Essai' }]);
  });
});
