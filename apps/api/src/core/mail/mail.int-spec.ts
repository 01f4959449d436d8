import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { PASSWORD, uniqueEmail } from '../../../test/fixtures';
import { MailService } from './mail.service';

/** With SMTP_URL, the outbox worker delivers mails to a real SMTP server (started here). */
describe('mail delivery over SMTP', () => {
  const received: { to: string; data: string }[] = [];
  let smtp: SmtpSink;
  let app: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpSink((mail) => received.push({ to: mail.recipients.join(','), data: mail.data }));
    app = await createTestApp({ SMTP_URL: smtp.url, MAIL_WORKER_INTERVAL_MS: 100 });
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  /** The status of the outbox mail to `email` once sent (or after giving up). */
  const delivered = async (email: string): Promise<string> => {
    const deadline = Date.now() + 10_000;
    let status = 'pending';
    while (status !== 'sent' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      [{ status }] = await app.db.query('SELECT status FROM mail_outbox WHERE "to" = $1', [email]);
    }
    return status;
  };

  it('queues the mail in the outbox, then sends it and marks it sent', async () => {
    const email = uniqueEmail('smtp');
    expect((await app.client().post('/api/v1/auth/signup', { email, password: PASSWORD, firstName: 'Léa', lastName: 'Roux' })).status).toBe(
      202,
    );
    expect(await delivered(email)).toBe('sent');
    const mail = received.find((m) => m.to === email);
    expect(mail?.data).toMatch(/Subject: Confirmez votre adresse e-mail|Subject: =\?UTF-8\?/);
    expect(mail?.data).toContain('multipart/alternative');
    expect(mail?.data).toMatch(/verifier-email\?token=/);
  });

  it('sends the extra headers of a mail (one-click unsubscribe)', async () => {
    const email = uniqueEmail('smtp');
    const link = 'https://maillage.example/api/v1/notifications/unsubscribe?token=abc.def';
    await app.running.app.get(MailService).send({
      to: email,
      locale: 'en',
      template: {
        name: 'test',
        subject: { fr: 'Test', en: 'Test' },
        text: { fr: '{{x}}', en: '{{x}}' },
        html: { fr: '{{x}}', en: '{{x}}' },
      },
      data: { x: 'hello' },
      headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    expect(await delivered(email)).toBe('sent');
    // Long header lines are folded (CRLF + space): unfold them.
    const data = (received.find((m) => m.to === email)?.data ?? '').replace(/\r?\n(?=[ \t])/g, '');
    expect(data).toContain(`List-Unsubscribe: <${link}>`);
    expect(data).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('delivers the mails of a shared body with the placeholders of each filled in, and forgets them with the body', async () => {
    const mail = app.running.app.get(MailService);
    const [first, second] = [uniqueEmail('shared'), uniqueEmail('shared')];
    const bodyId = await mail.storeBody({
      html: '<p>Bonjour, <a href="https://maillage.example/stop?t=%T%">stop</a></p>',
      text: 'Bonjour, stop: https://maillage.example/stop?t=%T%',
      headers: { 'List-Unsubscribe': '<https://maillage.example/stop?t=%T%>' },
    });
    const ids = await mail.queueShared(bodyId, { template: 'test', subject: 'Partagé', ref: `test:${bodyId}` }, [
      { to: first, vars: { '%T%': 'token-one' } },
      { to: second, vars: { '%T%': 'token-two' } },
    ]);
    expect(ids).toHaveLength(2);
    // Stored once: the rows hold no body of their own.
    expect(
      await app.db.query('SELECT count(*)::int AS n FROM mail_outbox WHERE body_id = $1 AND html IS NULL AND text IS NULL', [bodyId]),
    ).toEqual([{ n: 2 }]);
    const composed = await mail.composed([ids[1], ids[0]]);
    expect(composed.map((m) => m.to)).toEqual([second, first]);
    expect(composed[0].html).toContain('stop?t=token-two');
    expect(composed[0].headers).toEqual({ 'List-Unsubscribe': '<https://maillage.example/stop?t=token-two>' });

    expect(await delivered(first)).toBe('sent');
    expect(await delivered(second)).toBe('sent');
    const data = (to: string) =>
      (received.find((m) => m.to === to)?.data ?? '')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=')
        .replace(/\r?\n(?=[ \t])/g, '');
    expect(data(first)).toContain('List-Unsubscribe: <https://maillage.example/stop?t=token-one>');
    // In the header, the HTML part and the plain-text part.
    expect(data(first).split('stop?t=token-one')).toHaveLength(4);
    expect(data(first)).toContain('Content-Type: text/plain; charset=utf-8');
    expect(data(first)).not.toContain('token-two');
    expect(data(second)).toContain('stop?t=token-two');
    expect(data(second)).not.toContain('%T%');

    // A body that names an erased person goes with every mail of it, as whole mails naming them would.
    await app.db.query(`UPDATE mail_bodies SET text = text || ' Léa Roux-Vidal' WHERE id = $1`, [bodyId]);
    await app.db.transaction((tx) => mail.purgePerson(uniqueEmail('erased'), 'Léa Roux-Vidal', tx));
    expect(await app.db.query('SELECT count(*)::int AS n FROM mail_outbox WHERE id = ANY($1::uuid[])', [ids])).toEqual([{ n: 0 }]);
    expect(await app.db.query('SELECT count(*)::int AS n FROM mail_bodies WHERE id = $1', [bodyId])).toEqual([{ n: 0 }]);
  });
});
