import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { PASSWORD, signedInUser, uniqueEmail } from '../../../test/fixtures';
import { freshIp, freshSiret } from '../../../test/network-world';

const DEVICE = 'maillage_device';
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

/** The device cookie a client holds (the test client keeps cookies whatever their path). */
function deviceCookie(client: HttpClient): string {
  const pair = client.cookieHeader.split('; ').find((c) => c.startsWith(`${DEVICE}=`));
  if (!pair) throw new Error('no device cookie');
  return pair.slice(DEVICE.length + 1);
}

describe('throttling under concurrency, and known devices', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const login = (client: HttpClient, email: string, password: string) =>
    client.post('/api/v1/auth/login', { email, password }).then((r) => r.status);

  it('counts parallel wrong passwords before checking them: 60 at once give 5 answers and 55 × 429', async () => {
    const { email } = await signedInUser(app, { ip: freshIp() });
    const attacker = app.client(freshIp());
    await attacker.csrfToken();
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => login(attacker, email, `wrong guess ${i}`)));
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(55);
  });

  it('does not let the right password through once the limit is hit, however many attempts run in parallel', async () => {
    const { email } = await signedInUser(app, { ip: freshIp() });
    const attacker = app.client(freshIp());
    await attacker.csrfToken();
    const attempt = (i: number) => login(attacker, email, i === 137 ? PASSWORD : `wrong guess ${i}`);
    const first = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i)));
    // At most 5 attempts were checked at all (the right one may be among them: it was then under the limit).
    expect(first.length - count(first, 429)).toBeLessThanOrEqual(5);
    expect(count(first, 401) + count(first, 200)).toBe(5);
    // Now that the limit is reached, 200 more with the right password among them: not one gets in.
    const second = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i)));
    expect(count(second, 429)).toBe(200);
  });

  it('counts e-mail sending, link checking and invitations atomically too', async () => {
    const ip = freshIp();
    const anonymous = app.client(ip);
    await anonymous.csrfToken();
    const forgot = await Promise.all(
      Array.from({ length: 40 }, () =>
        anonymous.post('/api/v1/auth/password/forgot', { email: uniqueEmail('ghost') }).then((r) => r.status),
      ),
    );
    expect([count(forgot, 202), count(forgot, 429)]).toEqual([20, 20]);
    const verify = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        anonymous.post('/api/v1/auth/verify', { token: `${'t'.repeat(40)}${String(i).padStart(3, '0')}` }).then((r) => r.status),
      ),
    );
    expect([count(verify, 400), count(verify, 429)]).toEqual([30, 15]);

    const owner = await signedInUser(app, { ip: freshIp() });
    const company = await owner.client.post('/api/v1/companies', { siret: freshSiret(), legalName: 'Invitante' });
    expect(company.status).toBe(201);
    await owner.client.csrfToken();
    const invited = await Promise.all(
      Array.from({ length: 40 }, () =>
        owner.client
          .post(`/api/v1/companies/${company.body.id}/invitations`, { email: uniqueEmail('guest'), role: 'member' })
          .then((r) => r.status),
      ),
    );
    expect([count(invited, 201), count(invited, 429)]).toEqual([30, 10]);
    expect((await app.db.query('SELECT count(*)::int AS n FROM company_invitations WHERE company_id = $1', [company.body.id]))[0].n).toBe(
      30,
    );
  });

  it('gives each device its own random token, stored hashed and rotated at each sign-in; a known device is not locked out by password spraying', async () => {
    const owner = await signedInUser(app, { ip: freshIp() });
    const laptop = owner.client;
    const phone = app.client(freshIp());
    expect(await login(phone, owner.email, PASSWORD)).toBe(200);
    const laptopToken = deviceCookie(laptop);
    const phoneToken = deviceCookie(phone);
    expect(laptopToken).not.toBe(phoneToken);
    const stored: { token_hash: string }[] = await app.db.query(
      'SELECT d.token_hash FROM known_devices d JOIN people p ON p.id = d.person_id WHERE p.email = $1',
      [owner.email],
    );
    expect(stored.map((r) => r.token_hash).sort()).toEqual(
      [laptopToken, phoneToken].map((t) => createHash('sha256').update(t).digest('hex')).sort(),
    );

    // Signing in again replaces the laptop's token; the old one is a stranger's from now on.
    expect(await login(laptop, owner.email, PASSWORD)).toBe(200);
    const rotated = deviceCookie(laptop);
    expect(rotated).not.toBe(laptopToken);
    const stolenOldToken = app.client(freshIp());
    await stolenOldToken.request('GET', '/api/v1/auth/csrf', undefined, { headers: { cookie: `${DEVICE}=${laptopToken}` } });

    // Password spraying from many addresses reaches the account-wide limit (50 an hour for unknown devices).
    const sprayers = Array.from({ length: 11 }, () => app.client(freshIp()));
    await Promise.all(sprayers.map((s) => s.csrfToken()));
    const sprayed = await Promise.all(
      sprayers.flatMap((s, i) => Array.from({ length: 5 }, (_, j) => login(s, owner.email, `spray ${i}-${j}`))),
    );
    expect(count(sprayed, 429)).toBeGreaterThan(0);
    // A new device, even with the right password, waits…
    expect(await login(app.client(freshIp()), owner.email, PASSWORD)).toBe(429);
    const oldToken = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': freshIp(),
        cookie: `${stolenOldToken.cookieHeader}; ${DEVICE}=${laptopToken}`,
        'x-csrf-token': await stolenOldToken.csrfToken(),
      },
      body: JSON.stringify({ email: owner.email, password: PASSWORD }),
    });
    expect(oldToken.status).toBe(429);
    // …the owner's known devices get in.
    expect(await login(laptop, owner.email, PASSWORD)).toBe(200);
    expect(await login(phone, owner.email, PASSWORD)).toBe(200);

    // The devices list, the asking one marked; revoking the phone signs it out and makes it a stranger.
    const devices = await laptop.get('/api/v1/auth/devices');
    expect(devices.status).toBe(200);
    expect(devices.body).toHaveLength(2);
    const current = devices.body.find((d: any) => d.current);
    const other = devices.body.find((d: any) => !d.current);
    expect(current).toMatchObject({ sessions: expect.any(Number), userAgent: expect.any(String) });
    expect(other.sessions).toBeGreaterThanOrEqual(1);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(200);
    const stranger = await signedInUser(app, { ip: freshIp() });
    expect((await stranger.client.delete(`/api/v1/auth/devices/${other.id}`)).status).toBe(404);
    expect((await laptop.delete('/api/v1/auth/devices/not-a-uuid')).status).toBe(404);
    expect((await laptop.delete(`/api/v1/auth/devices/${other.id}`)).status).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
    expect(await login(phone, owner.email, PASSWORD)).toBe(429);
    expect((await laptop.get('/api/v1/auth/devices')).body.map((d: any) => d.id)).toEqual([current.id]);
  });
});
