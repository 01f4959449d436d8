import { RealtimeService } from '../src/core/realtime/realtime.service';
import type { TestApp } from './test-app';
import type { HttpClient } from './http-client';

export const PASSWORD = 'correct horse battery staple 2026';
let counter = 0;

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}@test.example`;
}

/** The newest outbox mail to an address, and the first link it carries. */
export async function lastMail(
  app: TestApp,
  to: string,
): Promise<{ subject: string; text: string; html: string; template: string; link: string | null }> {
  const rows = await app.db.query(
    'SELECT subject, text, html, template FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1',
    [to],
  );
  if (!rows.length) throw new Error(`No mail to ${to}`);
  const link = /(https?:\/\/\S+)/.exec(rows[0].text)?.[1] ?? null;
  return { ...rows[0], link };
}

export function tokenOf(link: string | null): string {
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}

/** Signs up, follows the verification link and logs in: a ready, signed-in client. */
export async function signedInUser(
  app: TestApp,
  options: { email?: string; firstName?: string; ip?: string } = {},
): Promise<{ client: HttpClient; email: string; id: string }> {
  const email = options.email ?? uniqueEmail();
  const client = app.client(options.ip);
  const signup = await client.post('/api/v1/auth/signup', {
    email,
    password: PASSWORD,
    firstName: options.firstName ?? 'Camille',
    lastName: 'Martin',
  });
  if (signup.status !== 202) throw new Error(`signup: ${signup.status} ${JSON.stringify(signup.body)}`);
  const verify = await client.post('/api/v1/auth/verify', { token: tokenOf((await lastMail(app, email)).link) });
  if (verify.status !== 200) throw new Error(`verify: ${verify.status}`);
  const login = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return { client, email, id: login.body.id };
}

export async function makePlatformAdmin(app: TestApp, personId: string): Promise<void> {
  await app.db.query("UPDATE people SET platform_role = 'admin' WHERE id = $1", [personId]);
  // A role changed behind the app's back: its sessions are looked up again.
  app.running.app.get(RealtimeService).sessionsEnded({ personId });
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000'.concat(
    '1f15c4890000000d49444154789c6360000000000005000157a7e1b70000000049454e44ae426082',
  ),
  'hex',
);
