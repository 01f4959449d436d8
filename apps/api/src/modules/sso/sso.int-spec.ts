import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { HttpClient } from '../../../test/http-client';
import { makePlatformAdmin, PASSWORD, signedInUser } from '../../../test/fixtures';
import { freshIp } from '../../../test/network-world';
import { startOidcProvider, type RunningProvider } from '../../../test/oidc-provider';
import { createTestApp, type TestApp } from '../../../test/test-app';

const CLIENT = { client_id: 'maillage-cci', client_secret: 'a very secret client secret 42' };
// Another application registered at the same provider, with the same return address.
const OTHER_CLIENT = { client_id: 'autre-application', client_secret: 'another secret of another application' };

/** A browser at the provider: follows its redirects, keeps its cookies, fills in its sign-in form. */
async function throughProvider(authorizationUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  let res = await go(authorizationUrl);
  let url = authorizationUrl;
  for (let hops = 0; hops < 10; hops += 1) {
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      if (url.includes('/api/v1/auth/sso/callback')) return url;
      res = await go(url);
    } else if (res.status === 200 && url.includes('/interaction/')) {
      res = await go(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, given_name: 'Aline', family_name: 'Sso' }).toString(),
      });
    } else {
      throw new Error(`provider answered ${res.status} at ${url}: ${await res.text()}`);
    }
  }
  throw new Error('too many hops at the provider');
}

describe('staff single sign-on through a real OpenID Connect provider', () => {
  let app: TestApp;
  let provider: RunningProvider;
  let admin: { client: HttpClient; id: string };
  let orgId: string;
  let callbackPrefix: string;

  beforeAll(async () => {
    app = await createTestApp();
    // The provider sends browsers back to the address the app is really reached at.
    app.running.app.get<AppConfig>(APP_CONFIG).PUBLIC_URL = app.url;
    callbackPrefix = `${app.url}/api/v1/auth/sso/callback`;
    provider = await startOidcProvider([
      { ...CLIENT, redirect_uris: [callbackPrefix] },
      { ...OTHER_CLIENT, redirect_uris: [callbackPrefix] },
    ]);
    admin = await signedInUser(app, { ip: freshIp() });
    await makePlatformAdmin(app, admin.id);
    const org = await admin.client.post('/api/v1/organizations', { name: 'CCI Fédérée', kind: 'cci_territorial' });
    orgId = org.body.id;
    const saved = await admin.client.put(`/api/v1/admin/sso-providers/${orgId}`, {
      issuer: provider.issuer,
      clientId: CLIENT.client_id,
      clientSecret: CLIENT.client_secret,
      allowedDomains: ['CCI-federee.fr'],
      enabled: true,
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await provider?.stop();
    await app?.close();
  });

  /** Starts a sign-in in a fresh browser and signs in at the provider; the callback is not followed yet. */
  async function startAndAuthenticate(email: string, ip = freshIp()): Promise<{ browser: HttpClient; callback: string }> {
    const browser = app.client(ip);
    const start = await browser.get(`/api/v1/auth/sso/${orgId}/start`);
    expect(start.status).toBe(302);
    const location = start.headers.get('location') ?? '';
    expect(location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    const params = new URL(location).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    return { browser, callback: await throughProvider(location, email) };
  }

  const back = (browser: HttpClient, callback: string) => browser.get(callback.slice(app.url.length));
  const people = async () => Number((await app.db.query('SELECT count(*)::int AS n FROM people'))[0].n);
  const sessions = async () => Number((await app.db.query('SELECT count(*)::int AS n FROM sessions'))[0].n);

  it('creates a newcomer of an allowed domain as staff of the organisation, then signs the same person in again', async () => {
    expect((await app.client().get('/api/v1/auth/sso/options')).body).toEqual([{ organizationId: orgId, organizationName: 'CCI Fédérée' }]);
    const { browser, callback } = await startAndAuthenticate('nouvelle@cci-federee.fr');
    const done = await back(browser, callback);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/');
    const me = await browser.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'nouvelle@cci-federee.fr',
      firstName: 'Aline',
      lastName: 'Sso',
      emailVerified: true,
      staffOf: [{ organizationId: orgId, role: 'animator' }],
    });

    const again = await startAndAuthenticate('nouvelle@cci-federee.fr');
    expect((await back(again.browser, again.callback)).status).toBe(303);
    expect((await again.browser.get('/api/v1/auth/me')).body.id).toBe(me.body.id);
  });

  it('never reopens an erased account: signing in again through the provider makes a new one', async () => {
    const first = await startAndAuthenticate('partie@cci-federee.fr');
    expect((await back(first.browser, first.callback)).status).toBe(303);
    const erasedId = (await first.browser.get('/api/v1/auth/me')).body.id;
    expect((await admin.client.post(`/api/v1/admin/users/${erasedId}/delete`, {})).status).toBe(204);

    const again = await startAndAuthenticate('partie@cci-federee.fr');
    expect((await back(again.browser, again.callback)).status).toBe(303);
    const me = (await again.browser.get('/api/v1/auth/me')).body;
    expect(me).toMatchObject({ email: 'partie@cci-federee.fr', firstName: 'Aline' });
    expect(me.id).not.toBe(erasedId);
  });

  it('links an existing account by its verified address, without making it staff', async () => {
    const existing = await signedInUser(app, { email: 'deja.la@cci-federee.fr', ip: freshIp() });
    const before = await people();
    const { browser, callback } = await startAndAuthenticate('deja.la@cci-federee.fr');
    expect((await back(browser, callback)).status).toBe(303);
    const me = await browser.get('/api/v1/auth/me');
    expect(me.body).toMatchObject({ id: existing.id, staffOf: [] });
    expect(await people()).toBe(before);
    // The password still works too.
    expect((await app.client(freshIp()).post('/api/v1/auth/login', { email: 'deja.la@cci-federee.fr', password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('refuses replayed, forged, foreign, expired and mismatched answers with a 4xx, and changes nothing', async () => {
    // Replayed callback: the flow was spent.
    const first = await startAndAuthenticate('rejoue@cci-federee.fr');
    expect((await back(first.browser, first.callback)).status).toBe(303);
    const beforePeople = await people();
    const beforeSessions = await sessions();
    const replay = await back(first.browser, first.callback);
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('SSO_STATE_INVALID');

    // A forged state.
    const forged = await startAndAuthenticate('forge@cci-federee.fr');
    const tampered = new URL(forged.callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    expect((await back(forged.browser, tampered.href)).body.code).toBe('SSO_STATE_INVALID');
    // The real state, from another browser (login CSRF): refused, and spent.
    const stranger = app.client(freshIp());
    expect((await back(stranger, forged.callback)).body.code).toBe('SSO_STATE_INVALID');
    expect((await back(forged.browser, forged.callback)).status).toBe(400);

    // An answer naming another issuer (RFC 9207 `iss`), or carrying another nonce than the one sent.
    const otherIssuer = await startAndAuthenticate('issuer@cci-federee.fr');
    const withIss = new URL(otherIssuer.callback);
    withIss.searchParams.set('iss', 'http://127.0.0.1:1');
    const wrongIss = await back(otherIssuer.browser, withIss.href);
    expect(wrongIss.status).toBe(400);
    expect(wrongIss.body.code).toBe('SSO_TOKEN_INVALID');
    const otherNonce = await startAndAuthenticate('nonce@cci-federee.fr');
    await app.db.query("UPDATE sso_flows SET nonce = 'not-the-nonce-sent-to-the-provider'");
    const wrongNonce = await back(otherNonce.browser, otherNonce.callback);
    expect(wrongNonce.status).toBe(400);
    expect(wrongNonce.body.code).toBe('SSO_TOKEN_INVALID');

    // A code the provider issued to another application (another audience), slipped into our callback with a valid state.
    const foreignBrowser = app.client(freshIp());
    const foreignStart = new URL((await foreignBrowser.get(`/api/v1/auth/sso/${orgId}/start`)).headers.get('location') ?? '');
    foreignStart.searchParams.set('client_id', OTHER_CLIENT.client_id);
    const foreignCallback = await throughProvider(foreignStart.href, 'audience@cci-federee.fr');
    const wrongAudience = await back(foreignBrowser, foreignCallback);
    expect(wrongAudience.status).toBe(400);
    expect(wrongAudience.body.code).toBe('SSO_TOKEN_INVALID');

    // Too slow.
    const slow = await startAndAuthenticate('lent@cci-federee.fr');
    await app.db.query("UPDATE sso_flows SET expires_at = now() - interval '1 second'");
    expect((await back(slow.browser, slow.callback)).body.code).toBe('SSO_FLOW_EXPIRED');

    // An address outside the organisation's domains, or one the provider does not vouch for.
    const outsider = await startAndAuthenticate('quelquun@gmail.com');
    const notAllowed = await back(outsider.browser, outsider.callback);
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.code).toBe('SSO_DOMAIN_NOT_ALLOWED');
    const unverified = await startAndAuthenticate('pas+unverified@cci-federee.fr');
    expect((await back(unverified.browser, unverified.callback)).body.code).toBe('SSO_EMAIL_NOT_VERIFIED');

    expect(await people()).toBe(beforePeople);
    expect(await sessions()).toBe(beforeSessions);
    const names: { email: string }[] = await app.db.query(
      "SELECT email FROM people WHERE email IN ('forge@cci-federee.fr', 'issuer@cci-federee.fr', 'nonce@cci-federee.fr', 'audience@cci-federee.fr', 'lent@cci-federee.fr', 'quelquun@gmail.com', 'pas+unverified@cci-federee.fr')",
    );
    expect(names).toEqual([]);
  });

  it('counts starts and callbacks per address: the 31st in the window waits', async () => {
    const ip = freshIp();
    const browser = app.client(ip);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await browser.get(`/api/v1/auth/sso/callback?state=bogus${i}&code=x`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await browser.get(`/api/v1/auth/sso/${orgId}/start`)).status).toBe(429);
  });

  it('lets only platform admins configure providers; the client secret is stored sealed and never returned', async () => {
    const member = await signedInUser(app, { ip: freshIp() });
    const body = { issuer: provider.issuer, clientId: 'x', clientSecret: 'y', allowedDomains: ['exemple.fr'], enabled: true };
    for (const [client, status] of [
      [member.client, 403],
      [app.client(), 401],
    ] as const) {
      expect((await client.get('/api/v1/admin/sso-providers')).status).toBe(status);
      expect((await client.put(`/api/v1/admin/sso-providers/${orgId}`, body)).status).toBe(status);
      expect((await client.delete(`/api/v1/admin/sso-providers/${orgId}`)).status).toBe(status);
    }
    const list = await admin.client.get('/api/v1/admin/sso-providers');
    expect(list.body).toEqual([
      {
        organizationId: orgId,
        organizationName: 'CCI Fédérée',
        issuer: provider.issuer,
        clientId: CLIENT.client_id,
        allowedDomains: ['cci-federee.fr'],
        enabled: true,
        hasClientSecret: true,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(CLIENT.client_secret);
    const stored = JSON.stringify(await app.db.query('SELECT * FROM sso_providers'));
    expect(stored).not.toContain(CLIENT.client_secret);

    const other = await admin.client.post('/api/v1/organizations', { name: 'CCI Sans Secret', kind: 'cci_territorial' });
    for (const bad of [
      { ...body, issuer: 'ftp://idp.exemple.fr' },
      { ...body, issuer: 'http://idp.exemple.fr' },
      { ...body, allowedDomains: ['pas un domaine'] },
      { ...body, allowedDomains: [] },
      { ...body, clientId: 'a\nb' },
      { ...body, enabled: 'oui' },
    ]) {
      const res = await admin.client.put(`/api/v1/admin/sso-providers/${other.body.id}`, bad);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await admin.client.put(`/api/v1/admin/sso-providers/${other.body.id}`, { ...body, clientSecret: undefined })).status).toBe(400);
    expect((await admin.client.put('/api/v1/admin/sso-providers/00000000-0000-4000-8000-000000000000', body)).status).toBe(404);
    expect((await admin.client.get('/api/v1/admin/sso-providers')).body).toHaveLength(1);

    // An update without a secret keeps the stored one; the sign-in still works.
    const update = await admin.client.put(`/api/v1/admin/sso-providers/${orgId}`, {
      issuer: provider.issuer,
      clientId: CLIENT.client_id,
      allowedDomains: ['cci-federee.fr', 'cci-federee.org'],
      enabled: true,
    });
    expect(update.body.allowedDomains).toEqual(['cci-federee.fr', 'cci-federee.org']);
    const { browser, callback } = await startAndAuthenticate('apres.maj@cci-federee.org');
    expect((await back(browser, callback)).status).toBe(303);

    // Switched off: no button, no start.
    await admin.client.put(`/api/v1/admin/sso-providers/${orgId}`, {
      issuer: provider.issuer,
      clientId: CLIENT.client_id,
      allowedDomains: ['cci-federee.fr'],
      enabled: false,
    });
    expect((await app.client().get('/api/v1/auth/sso/options')).body).toEqual([]);
    expect((await app.client(freshIp()).get(`/api/v1/auth/sso/${orgId}/start`)).status).toBe(404);
  });
});
