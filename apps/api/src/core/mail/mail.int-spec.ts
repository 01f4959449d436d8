import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { PASSWORD, uniqueEmail } from '../../../test/fixtures';
import { MailService } from './mail.service';

/** With SMTP_URL, the outbox worker delivers mails to a real SMTP server (started here). */
describe('mail delivery over SMTP', () => {
  const received: { to: string; data: string }[] = [];
  let smtp: SMTPServer;
  let app: TestApp;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as { port: number };
    app = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_WORKER_INTERVAL_MS: 100 });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
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
    expect((await app.client().post('/api/v1/auth/signup', { email, password: PASSWORD, firstName: 'Léa', lastName: 'Roux' })).status).toBe(202);
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
      template: { name: 'test', subject: { fr: 'Test', en: 'Test' }, text: { fr: '{{x}}', en: '{{x}}' }, html: { fr: '{{x}}', en: '{{x}}' } },
      data: { x: 'hello' },
      headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    expect(await delivered(email)).toBe('sent');
    // Long header lines are folded (CRLF + space): unfold them.
    const data = (received.find((m) => m.to === email)?.data ?? '').replace(/\r?\n(?=[ \t])/g, '');
    expect(data).toContain(`List-Unsubscribe: <${link}>`);
    expect(data).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });
});
