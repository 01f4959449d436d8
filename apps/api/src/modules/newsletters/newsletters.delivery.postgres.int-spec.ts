import { SMTP_CONNECTIONS } from '../../core/mail/mail.service';
import { bulkMembers, startApiProcess, type ApiProcess } from '../../../test/api-process';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';

const RECIPIENTS = 600;
const SECRET = 'delivery-test-secret-delivery-test-secret';

/**
 * A newsletter sent by real API processes to a real SMTP server, the sending process being killed in the middle
 * and another one started: every member gets it, and the SMTP server counts what it receives. PostgreSQL only
 * (the `.postgres.` in the file name): several processes share one database, which PGlite cannot.
 */
describe('newsletter delivery across a killed API process', () => {
  /** Every message the SMTP server accepted: its recipient and Message-ID. */
  const received: { to: string; messageId: string }[] = [];
  let smtp: SmtpSink;
  let smtpUrl: string;
  let app: TestApp;
  let claire: Person;
  let clubId: string;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink((mail) => {
      const messageId = /^Message-ID:\s*(.+)$/im.exec(mail.data)?.[1]?.trim() ?? '';
      for (const to of mail.recipients) received.push({ to, messageId });
    });
    smtpUrl = smtp.url;
    // This process only prepares the world: its own workers never run.
    app = await createTestApp({
      SESSION_SECRET: SECRET,
      SMTP_URL: smtpUrl,
      MAIL_WORKER_INTERVAL_MS: 2_000_000_000,
      NEWSLETTER_WORKER_INTERVAL_MS: 0,
    });
    const world = await networkWorld(app);
    claire = await world.person(true, 'Claire');
    clubId = (await world.createNetwork({ name: 'Club des entreprises du Forez' })).id;
    await world.enrol(clubId, claire, 'animator');
    await bulkMembers(app.db, clubId, RECIPIENTS, 'delivery');
    // Mails of the set-up (sign-ups) are not what is counted.
    await app.db.query(`UPDATE mail_outbox SET status = 'sent'`);
  }, 180_000);

  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await app?.close();
    await smtp.stop();
  });

  const start = () =>
    startApiProcess({
      DATABASE_URL: app.running.databaseUrl,
      SESSION_SECRET: SECRET,
      SMTP_URL: smtpUrl,
      MAIL_WORKER_INTERVAL_MS: '100',
      MAIL_LEASE_MS: '2000',
      NEWSLETTER_WORKER_INTERVAL_MS: '100',
      NEWSLETTER_LEASE_MS: '2000',
    }).then((p) => (processes.push(p), p));

  const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const sendNewsletter = async (subject: string): Promise<string> => {
    const created = await claire.client.post('/api/v1/newsletters', {
      subject,
      networkIds: [clubId],
      blocks: [{ kind: 'text', markdown: 'Bonjour à **tous**.' }],
    });
    expect(created.status).toBe(201);
    expect((await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, {})).status).toBe(200);
    return created.body.id;
  };

  const count = async (sql: string, params: unknown[]) => (await app.db.query(sql, params))[0].n as number;

  /** What the SMTP server got for a newsletter: recipients once, and the extra copies with their Message-IDs. */
  const tally = (ids: Set<string>) => {
    const mine = received.filter((r) => ids.has(r.messageId));
    const recipients = new Set(mine.map((r) => r.to));
    return { total: mine.length, recipients: recipients.size, duplicates: mine.length - recipients.size };
  };
  const messageIds = async (newsletterId: string) =>
    new Set(
      ((await app.db.query(`SELECT id FROM mail_outbox WHERE ref = $1`, [`newsletter:${newsletterId}`])) as { id: string }[]).map(
        (r) => `<${r.id}@maillage.local>`,
      ),
    );

  it('SIGTERM while delivering: the mail under way is finished, another process sends the rest: 0 lost, 0 duplicated', async () => {
    const first = await start();
    const id = await sendNewsletter('Lettre A');
    await until(
      'a third delivered',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE ref = $1 AND status = 'sent'`, [`newsletter:${id}`])) >=
        RECIPIENTS / 3,
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await start();
    await until(
      'every mail sent',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE ref = $1 AND status = 'sent'`, [`newsletter:${id}`])) ===
        RECIPIENTS + 1,
    );
    const figures = tally(await messageIds(id));
    expect(figures).toEqual({ total: RECIPIENTS + 1, recipients: RECIPIENTS + 1, duplicates: 0 });
  }, 240_000);

  it('SIGKILL while queueing and again while delivering: 0 lost, and at most the mails in flight twice, with the same Message-ID', async () => {
    const [running] = processes.filter((p) => p.child.exitCode === null);
    running.child.kill('SIGTERM');
    await running.exited;
    const id = await sendNewsletter('Lettre B');
    // Killed while writing the recipients' mails to the outbox…
    const first = await start();
    await until(
      'some recipients queued',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM newsletter_recipients WHERE newsletter_id = $1 AND status = 'queued'`, [id])) > 0,
      60_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    // …then while delivering.
    const second = await start();
    await until(
      'some delivered',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE ref = $1 AND status = 'sent'`, [`newsletter:${id}`])) >=
        RECIPIENTS / 2,
    );
    second.child.kill('SIGKILL');
    await second.exited;
    await start();
    await until(
      'every mail sent',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE ref = $1 AND status = 'sent'`, [`newsletter:${id}`])) ===
        RECIPIENTS + 1,
    );
    // Exactly one outbox mail per recipient, whatever happened.
    expect(await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE ref = $1`, [`newsletter:${id}`])).toBe(RECIPIENTS + 1);
    const figures = tally(await messageIds(id));
    console.log(
      `SIGKILL ×2 during a newsletter to ${RECIPIENTS + 1}: ${figures.recipients} recipients reached, ${figures.duplicates} duplicate(s) at the SMTP server`,
    );
    expect(figures.recipients).toBe(RECIPIENTS + 1);
    // SMTP cannot be exactly-once across a SIGKILL between the server's "250" and our update: at most the mails in flight.
    expect(figures.duplicates).toBeLessThanOrEqual(SMTP_CONNECTIONS);
    const newsletter = await claire.client.get(`/api/v1/newsletters/${id}`);
    expect(newsletter.body).toMatchObject({
      status: 'sent',
      figures: { recipients: RECIPIENTS + 1, queued: RECIPIENTS + 1, sent: RECIPIENTS + 1, failed: 0 },
    });
  }, 300_000);
});
