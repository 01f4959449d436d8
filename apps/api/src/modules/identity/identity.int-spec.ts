import { createTestApp, type TestApp } from '../../../test/test-app';
import { lastMail, PASSWORD, signedInUser, tokenOf, uniqueEmail } from '../../../test/fixtures';

describe('identity (HTTP, real database)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('signs up, verifies the e-mail through the outbox link, logs in and out', async () => {
    const email = uniqueEmail('signup');
    const client = app.client();
    const signup = await client.post('/api/v1/auth/signup', {
      email: email.toUpperCase(),
      password: PASSWORD,
      firstName: 'Léa',
      lastName: 'Roux',
      locale: 'fr',
    });
    expect(signup.status).toBe(202);

    const early = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await lastMail(app, email);
    expect(mail.template).toBe('verify-email');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail');
    expect(mail.link).toMatch(/\/verifier-email\?token=/);
    expect((await client.post('/api/v1/auth/verify', { token: tokenOf(mail.link) })).status).toBe(200);
    expect((await client.post('/api/v1/auth/verify', { token: tokenOf(mail.link) })).body.code).toBe('INVALID_TOKEN');

    const login = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ email, firstName: 'Léa', platformRole: 'user', emailVerified: true });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('maillage_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    expect((await client.get('/api/v1/auth/me')).body.email).toBe(email);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers the same to a sign-up with a taken address and warns the owner by mail', async () => {
    const { email } = await signedInUser(app);
    const again = await app
      .client()
      .post('/api/v1/auth/signup', { email, password: 'another long passphrase here', firstName: 'X', lastName: 'Y' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ message: expect.any(String) });
    expect((await lastMail(app, email)).template).toBe('account-exists');
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM people WHERE email = $1', [email]);
    expect(n).toBe(1);
  });

  it('rejects short, common and guessable passwords, naming the field', async () => {
    for (const password of ['short', 'password1234', 'azertyuiopqsdf', 'aaaaaaaaaaaaaaaa']) {
      const res = await app.client().post('/api/v1/auth/signup', { email: uniqueEmail(), password, firstName: 'A', lastName: 'B' });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('password');
    }
    const long = await app.client().post('/api/v1/auth/signup', {
      email: uniqueEmail(),
      password: 'le petit chat boit du lait au clair de lune',
      firstName: 'A',
      lastName: 'B',
    });
    expect(long.status).toBe(202);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { email } = await signedInUser(app);
    const wrong = await app.client('10.1.0.1').post('/api/v1/auth/login', { email, password: 'not the password at all' });
    const unknown = await app
      .client('10.1.0.1')
      .post('/api/v1/auth/login', { email: uniqueEmail('ghost'), password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.code).toBe(unknown.body.code);
  });

  it('throttles guessing from one address without locking the real user out', async () => {
    const { email } = await signedInUser(app, { ip: '10.2.0.1' });
    const victimDevice = app.client('10.2.0.1');
    expect((await victimDevice.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);

    const attacker = app.client('10.9.9.9');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attacker.post('/api/v1/auth/login', { email, password: `guess number ${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password is refused from the attacker's address while throttled…
    expect((await attacker.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(429);
    // …while the owner, from their own address and device, still gets in.
    expect((await victimDevice.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expect((await app.client('10.2.0.2').post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });

  it('resets a forgotten password: the link works once and every session ends', async () => {
    const { client, email } = await signedInUser(app);
    const other = app.client();
    expect((await other.post('/api/v1/auth/password/forgot', { email })).status).toBe(202);
    expect((await other.post('/api/v1/auth/password/forgot', { email: uniqueEmail('nobody') })).status).toBe(202);
    const token = tokenOf((await lastMail(app, email)).link);
    const newPassword = 'une toute nouvelle phrase de passe';
    expect((await other.post('/api/v1/auth/password/reset', { token, password: 'short' })).status).toBe(400);
    expect((await other.post('/api/v1/auth/password/reset', { token, password: newPassword })).status).toBe(204);
    expect((await other.post('/api/v1/auth/password/reset', { token, password: newPassword })).status).toBe(400);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await lastMail(app, email)).template).toBe('password-changed');
    expect((await app.client().post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await app.client().post('/api/v1/auth/login', { email, password: newPassword })).status).toBe(200);
  });

  it('logs out everywhere', async () => {
    const { client, email } = await signedInUser(app);
    const laptop = app.client();
    expect((await laptop.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout-all')).status).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('changes the password after checking the current one', async () => {
    const { client, email } = await signedInUser(app);
    const bad = await client.post('/api/v1/auth/password/change', {
      currentPassword: 'wrong wrong wrong',
      newPassword: 'encore une autre phrase de passe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('currentPassword');
    expect(
      (await client.post('/api/v1/auth/password/change', { currentPassword: PASSWORD, newPassword: 'encore une autre phrase de passe' }))
        .status,
    ).toBe(204);
    expect((await app.client().post('/api/v1/auth/login', { email, password: 'encore une autre phrase de passe' })).status).toBe(200);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const client = app.client();
    const res = await client.request('POST', '/api/v1/auth/login', { email: uniqueEmail(), password: PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_INVALID');
  });
});
