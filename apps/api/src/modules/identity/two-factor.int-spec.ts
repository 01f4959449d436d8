import * as OTPAuth from 'otpauth';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { makePlatformAdmin, PASSWORD, signedInUser } from '../../../test/fixtures';
import { freshIp } from '../../../test/network-world';

/** The code an authenticator app shows for this secret, now or some seconds later. */
const codeFor = (secret: string, offsetSeconds = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('sessions and two-factor sign-in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  /** Sets two-factor sign-in up for a signed-in client; returns its secret and recovery codes. */
  async function enrol(client: HttpClient): Promise<{ secret: string; codes: string[] }> {
    const started = await client.post('/api/v1/auth/two-factor/enrolment');
    expect(started.status).toBe(200);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Maillage:/);
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const confirmed = await client.post('/api/v1/auth/two-factor/enrolment/confirm', { code: codeFor(started.body.secret) });
    expect(confirmed.status).toBe(200);
    return { secret: started.body.secret, codes: confirmed.body.codes };
  }

  async function passwordStep(email: string, ip = freshIp()): Promise<HttpClient> {
    const client = app.client(ip);
    const res = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ twoFactorRequired: true });
    return client;
  }

  it('lists my sessions and ends one, or all the others; never another person’s', async () => {
    const me = await signedInUser(app, { ip: freshIp() });
    const laptop = app.client(freshIp());
    expect((await laptop.post('/api/v1/auth/login', { email: me.email, password: PASSWORD })).status).toBe(200);
    const phone = app.client(freshIp());
    expect((await phone.post('/api/v1/auth/login', { email: me.email, password: PASSWORD })).status).toBe(200);

    // The confirmation link opened one too (signedInUser follows it, then signs in).
    const list = await me.client.get('/api/v1/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(4);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toMatch(/token/i);

    const laptopSession = (await laptop.get('/api/v1/auth/sessions')).body.find((s: { current: boolean }) => s.current);
    const someoneElse = await signedInUser(app, { ip: freshIp() });
    expect((await someoneElse.client.delete(`/api/v1/auth/sessions/${laptopSession.id}`)).status).toBe(404);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
    expect((await app.client().delete(`/api/v1/auth/sessions/${laptopSession.id}`)).status).toBe(401);

    expect((await me.client.delete(`/api/v1/auth/sessions/${laptopSession.id}`)).status).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    expect((await me.client.delete(`/api/v1/auth/sessions/${laptopSession.id}`)).status).toBe(404);

    const others = await me.client.post('/api/v1/auth/sessions/revoke-others');
    expect(others.body).toEqual({ ended: 2 });
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
    expect((await me.client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await me.client.get('/api/v1/auth/sessions')).body).toHaveLength(1);
  });

  it('enrols with a first code, then asks for a code at sign-in: each code once, recovery codes once, throttled', async () => {
    const me = await signedInUser(app, { ip: freshIp() });
    expect((await me.client.post('/api/v1/auth/two-factor/enrolment/confirm', { code: '123456' })).status).toBe(400);
    const started = await me.client.post('/api/v1/auth/two-factor/enrolment');
    const wrong = await me.client.post('/api/v1/auth/two-factor/enrolment/confirm', { code: codeFor(started.body.secret, 300) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await me.client.get('/api/v1/auth/two-factor')).body.enabled).toBe(false);
    const { secret, codes } = await enrol(me.client);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await me.client.get('/api/v1/auth/two-factor')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await me.client.post('/api/v1/auth/two-factor/enrolment')).status).toBe(409);
    // Stored sealed and hashed: neither the secret nor a recovery code is in the database in clear.
    const stored = JSON.stringify(
      await app.db.query(
        'SELECT c.secret_encrypted, r.code_hash FROM two_factor_credentials c JOIN two_factor_recovery_codes r USING (person_id) WHERE c.person_id = $1',
        [me.id],
      ),
    );
    expect(stored).not.toContain(secret);
    for (const code of codes) expect(stored).not.toContain(code.replace('-', ''));

    // The password alone opens nothing.
    const browser = await passwordStep(me.email);
    expect((await browser.get('/api/v1/auth/me')).status).toBe(401);
    expect((await browser.post('/api/v1/auth/login/two-factor', { code: 'abcdef' })).status).toBe(400);
    const code = codeFor(secret, 30);
    const done = await browser.post('/api/v1/auth/login/two-factor', { code });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ email: me.email, twoFactorEnabled: true });
    expect((await browser.get('/api/v1/auth/me')).status).toBe(200);
    // The challenge is spent; the same code (same time step) is refused on a new sign-in.
    expect((await browser.post('/api/v1/auth/login/two-factor', { code })).status).toBe(400);
    const replay = await passwordStep(me.email);
    const replayed = await replay.post('/api/v1/auth/login/two-factor', { code });
    expect(replayed.status).toBe(400);
    expect(replayed.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);

    // A recovery code works once, in any case and spacing.
    const recovery = await replay.post('/api/v1/auth/login/two-factor', { code: codes[0].toUpperCase().replace('-', ' ') });
    expect(recovery.status).toBe(200);
    const again = await passwordStep(me.email);
    expect((await again.post('/api/v1/auth/login/two-factor', { code: codes[0] })).status).toBe(400);
    expect((await me.client.get('/api/v1/auth/two-factor')).body.recoveryCodesLeft).toBe(9);

    // New recovery codes take a current code; the old ones stop working.
    // A code of a time step already used is refused there too.
    expect((await me.client.post('/api/v1/auth/two-factor/recovery-codes', { code: codeFor(secret, -30) })).status).toBe(400);
    const regenerated = await me.client.post('/api/v1/auth/two-factor/recovery-codes', { code: codes[1] });
    expect(regenerated.status).toBe(200);
    expect((await again.post('/api/v1/auth/login/two-factor', { code: codes[2] })).status).toBe(400);
    expect((await again.post('/api/v1/auth/login/two-factor', { code: regenerated.body.codes[0] })).status).toBe(200);

    // An expired challenge is refused, whatever the code.
    const late = await passwordStep(me.email);
    await app.db.query(
      "UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE person_id = $1 AND purpose = 'login_two_factor' AND used_at IS NULL",
      [me.id],
    );
    const expired = await late.post('/api/v1/auth/login/two-factor', { code: regenerated.body.codes[1] });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
    expect((await me.client.get('/api/v1/auth/two-factor')).body.recoveryCodesLeft).toBe(9);

    // Turning it off takes the password and a code; a wrong one changes nothing.
    expect(
      (await me.client.post('/api/v1/auth/two-factor/disable', { password: 'not my password', code: regenerated.body.codes[2] })).status,
    ).toBe(400);
    expect((await me.client.post('/api/v1/auth/two-factor/disable', { password: PASSWORD, code: '000000' })).status).toBe(400);
    expect((await me.client.get('/api/v1/auth/two-factor')).body.enabled).toBe(true);
    expect((await me.client.post('/api/v1/auth/two-factor/disable', { password: PASSWORD, code: regenerated.body.codes[2] })).status).toBe(
      204,
    );
    expect((await app.client(freshIp()).post('/api/v1/auth/login', { email: me.email, password: PASSWORD })).body.email).toBe(me.email);
  });

  it('counts code attempts before checking them: 30 parallel guesses give at most 10 answers, then even the right code waits', async () => {
    const me = await signedInUser(app, { ip: freshIp() });
    const { secret } = await enrol(me.client);
    const attacker = await passwordStep(me.email);
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attacker.post('/api/v1/auth/login/two-factor', { code: String(100000 + i) }).then((r) => r.status),
      ),
    );
    expect(count(guesses, 429)).toBeGreaterThanOrEqual(20);
    expect(count(guesses, 400) + count(guesses, 429)).toBe(30);
    const right = await attacker.post('/api/v1/auth/login/two-factor', { code: codeFor(secret, 30) });
    expect(right.status).toBe(429);
    expect((await attacker.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lets the admin require it of staff: a staff member without it may only enrol, then goes on', async () => {
    const admin = await signedInUser(app, { ip: freshIp() });
    await makePlatformAdmin(app, admin.id);
    const staff = await signedInUser(app, { ip: freshIp() });
    const member = await signedInUser(app, { ip: freshIp() });
    const org = await admin.client.post('/api/v1/organizations', { name: 'CCI Exigeante', kind: 'cci_territorial' });
    expect(org.status).toBe(201);
    expect(
      (await admin.client.post(`/api/v1/organizations/${org.body.id}/staff`, { email: staff.email, role: 'animator' })).status,
    ).toBeLessThan(300);

    // Only a platform admin reads or changes the setting; bad input changes nothing.
    expect((await member.client.get('/api/v1/admin/security')).status).toBe(403);
    expect((await staff.client.put('/api/v1/admin/security', { requireTwoFactorForStaff: true })).status).toBe(403);
    expect((await app.client().put('/api/v1/admin/security', { requireTwoFactorForStaff: true })).status).toBe(401);
    expect((await admin.client.put('/api/v1/admin/security', { requireTwoFactorForStaff: 'yes' })).status).toBe(400);
    expect((await admin.client.get('/api/v1/admin/security')).body).toEqual({ requireTwoFactorForStaff: false });
    expect((await admin.client.put('/api/v1/admin/security', { requireTwoFactorForStaff: true })).body).toEqual({
      requireTwoFactorForStaff: true,
    });

    // A plain member is not concerned.
    const memberAgain = app.client(freshIp());
    expect((await memberAgain.post('/api/v1/auth/login', { email: member.email, password: PASSWORD })).body.mustEnrolTwoFactor).toBe(false);
    expect((await memberAgain.get('/api/v1/networks')).status).toBe(200);

    const browser = app.client(freshIp());
    const login = await browser.post('/api/v1/auth/login', { email: staff.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.mustEnrolTwoFactor).toBe(true);
    expect((await browser.get('/api/v1/auth/session')).body.user.mustEnrolTwoFactor).toBe(true);
    const blocked = await browser.get('/api/v1/auth/devices');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await browser.get('/api/v1/auth/sessions')).status).toBe(403);
    expect((await browser.get('/api/v1/notifications')).status).toBe(403);

    const { secret } = await enrol(browser);
    expect((await browser.get('/api/v1/auth/session')).body.user.mustEnrolTwoFactor).toBe(false);
    expect((await browser.get('/api/v1/auth/devices')).status).toBe(200);
    // Required: it cannot be turned off.
    const off = await browser.post('/api/v1/auth/two-factor/disable', { password: PASSWORD, code: codeFor(secret, 30) });
    expect(off.status).toBe(409);
    expect((await browser.get('/api/v1/auth/two-factor')).body).toMatchObject({ enabled: true, required: true });

    // The admin is concerned too: the next sign-in asks for enrolment.
    const adminBrowser = app.client(freshIp());
    expect((await adminBrowser.post('/api/v1/auth/login', { email: admin.email, password: PASSWORD })).body.mustEnrolTwoFactor).toBe(true);
    expect((await adminBrowser.get('/api/v1/admin/security')).status).toBe(403);
  });
});
