import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { makePlatformAdmin, signedInUser } from '../../../test/fixtures';
import { freshIp, freshSiret, networkWorld } from '../../../test/network-world';

const SIRENE_SAMPLE = readFileSync(join(__dirname, '../../modules/directory/fixtures/sirene-stock-etablissement-sample.csv'));

function expectErrorShape(body: any) {
  expect(body).toEqual(
    expect.objectContaining({ code: expect.any(String), message: expect.any(String), correlationId: expect.any(String) }),
  );
  expect(Object.keys(body).every((k) => ['code', 'message', 'details', 'correlationId'].includes(k))).toBe(true);
}

/** Sends raw bytes on a fresh connection and resolves with what the server answers (or null if nothing before `waitMs`). */
function rawExchange(url: string, bytes: string | Buffer, waitMs: number): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const done = (value: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(received || null), waitMs);
    socket.on('data', (chunk) => {
      received += chunk.toString();
      // The whole answer: headers, then a body whose length is announced.
      const [head, body = ''] = received.split('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(head)?.[1];
      if (length && Buffer.byteLength(body) >= Number(length)) done(received);
    });
    socket.on('close', () => done(received || null));
    socket.on('error', () => done(received || null));
    socket.write(bytes);
  });
}

describe('HTTP hardening (matched routes, body types, error shape, proxies, timeouts)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ BODY_IDLE_TIMEOUT_MS: 400 });
  });
  afterAll(() => app.close());

  describe('CSRF is decided on the matched route, not the raw URL', () => {
    it('refuses a percent-encoded path without the CSRF token, and form bodies on JSON routes', async () => {
      const victim = await signedInUser(app, { ip: freshIp() });
      const cookie = victim.client.cookieHeader;
      for (const path of [
        '/%61pi/v1/people/me',
        '/a%70i/v1/people/me',
        '/api/v1/people/%6de',
        '/api/%761/people/me',
        '/api/v1/people/me',
      ]) {
        const res = await fetch(app.url + path, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ jobTitle: 'pwned' }),
        });
        expect([path, res.status]).toEqual([path, 403]);
        expectErrorShape(await res.json());
      }
      // The cross-site form of the probe: a URL-encoded body, without token, to a company's invitations.
      const company = await victim.client.post('/api/v1/companies', { siret: freshSiret(), legalName: 'Cible' });
      expect(company.status).toBe(201);
      const form = await fetch(`${app.url}/%61pi/v1/companies/${company.body.id}/invitations`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=attacker%40test.example&role=owner',
      });
      expect(form.status).toBe(403);
      // Even with a valid token, a JSON route takes JSON only (a form, multipart or text body is 415).
      const token = await victim.client.csrfToken();
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'email=attacker%40test.example&role=owner'],
        ['text/plain', '{"email":"attacker@test.example","role":"owner"}'],
        [
          'multipart/form-data; boundary=x',
          '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nattacker@test.example\r\n--x--\r\n',
        ],
      ]) {
        const res = await fetch(`${app.url}/api/v1/companies/${company.body.id}/invitations`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': token, 'content-type': type },
          body,
        });
        expect([type, res.status]).toEqual([type, 415]);
        const answer = (await res.json()) as { code: string };
        expectErrorShape(answer);
        expect(answer.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
      expect((await victim.client.get('/api/v1/people/me')).body.jobTitle).toBeNull();
      expect((await app.db.query('SELECT count(*)::int AS n FROM company_invitations'))[0].n).toBe(0);
    });
  });

  describe('errors of every layer have the documented shape', () => {
    it('answers router, parser and plugin errors as { code, message, details?, correlationId }', async () => {
      const user = await signedInUser(app, { ip: freshIp() });
      const token = await user.client.csrfToken();
      const headers = { cookie: user.client.cookieHeader, 'x-csrf-token': token };
      const webServed = ((await fetch(`${app.url}/`)).headers.get('content-type') ?? '').startsWith('text/html');
      const cases: [string, Promise<Response>, number, string?][] = [
        ['bad percent-encoding', fetch(`${app.url}/api/v1/referentials/communes/%ZZ`), 400, 'INVALID_URL'],
        // 414 from the router; 404 when the web app's catch-all route is there to take the path instead.
        ['path parameter over 100 characters', fetch(`${app.url}/api/v1/companies/${'a'.repeat(150)}`), webServed ? 404 : 414],
        ['unknown route', fetch(`${app.url}/api/v1/nothing-here`), 404, 'NOT_FOUND'],
        ['unknown API route through the web app fallback', fetch(`${app.url}/%61pi/v1/nothing-here`), 404, 'NOT_FOUND'],
        [
          'bad JSON',
          fetch(`${app.url}/api/v1/people/me`, {
            method: 'PATCH',
            headers: { ...headers, 'content-type': 'application/json' },
            body: '{"jobTitle":',
          }),
          400,
        ],
        [
          'body too large',
          fetch(`${app.url}/api/v1/people/me`, {
            method: 'PATCH',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ bio: 'x'.repeat(300_000) }),
          }),
          413,
          'PAYLOAD_TOO_LARGE',
        ],
        [
          'unsupported media type',
          fetch(`${app.url}/api/v1/people/me`, {
            method: 'PATCH',
            headers: { ...headers, 'content-type': 'application/xml' },
            body: '<a/>',
          }),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        ],
        [
          'wrong method',
          fetch(`${app.url}/api/v1/people/me`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' }),
          404,
        ],
        [
          'missing CSRF token',
          fetch(`${app.url}/api/v1/people/me`, {
            method: 'PATCH',
            headers: { cookie: user.client.cookieHeader, 'content-type': 'application/json' },
            body: '{}',
          }),
          403,
          'CSRF_INVALID',
        ],
      ];
      for (const [label, pending, status, code] of cases) {
        const res = await pending;
        const body = (await res.json()) as { code: string };
        expect([label, res.status]).toEqual([label, status]);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expectErrorShape(body);
        if (code) expect([label, body.code]).toEqual([label, code]);
      }
    });
  });

  describe('database constraint errors never become a 500', () => {
    it('answers 409 naming what blocks deleting an organisation that hosts networks', async () => {
      const world = await networkWorld(app);
      await world.createNetwork({ name: 'Club hébergé' });
      const res = await world.admin.client.delete(`/api/v1/organizations/${world.hostId}`);
      expect(res.status).toBe(409);
      expectErrorShape(res.body);
      expect(res.body).toMatchObject({ code: 'STILL_REFERENCED', details: { referencedBy: 'networks' } });
      expect(res.body.message).toMatch(/networks/);
      expect((await world.admin.client.get(`/api/v1/organizations/${world.hostId}`)).status).toBe(200);
      // An organisation that hosts nothing goes.
      expect((await world.admin.client.delete(`/api/v1/organizations/${world.otherHostId}`)).status).toBe(204);
    });
  });

  describe('proxies', () => {
    it('takes the client address from the trusted hop only: a rotating X-Forwarded-For does not reset the per-address limit', async () => {
      const attacker = app.client();
      const token = await attacker.csrfToken();
      const answers: number[] = [];
      for (let i = 0; i < 25; i++) {
        // What the reverse proxy forwards: the client's own (forged, rotating) header, then the address it saw.
        const res = await fetch(`${app.url}/api/v1/auth/password/forgot`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `198.51.100.${i}, 203.0.113.78`,
            'x-csrf-token': token,
            cookie: attacker.cookieHeader,
          },
          body: JSON.stringify({ email: `nobody${i}@test.example` }),
        });
        answers.push(res.status);
      }
      // 20 requests an hour per address (identity's mail rule), whatever the forged part says.
      expect(answers.filter((s) => s === 202)).toHaveLength(20);
      expect(answers.slice(20)).toEqual([429, 429, 429, 429, 429]);
    });

    it('marks the CSRF cookie Secure whenever the session cookie is (https through the proxy)', async () => {
      const user = await signedInUser(app, { ip: freshIp() });
      const fresh = await fetch(`${app.url}/api/v1/auth/csrf`, { headers: { 'x-forwarded-proto': 'https' } });
      const csrfCookie = fresh.headers.getSetCookie().find((c) => c.startsWith('maillage_csrf='));
      expect(csrfCookie).toMatch(/;\s*Secure/i);
      const cookie = fresh.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const { token } = (await fresh.json()) as { token: string };
      const login = await fetch(`${app.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/json', cookie, 'x-csrf-token': token },
        body: JSON.stringify({ email: user.email, password: 'correct horse battery staple 2026' }),
      });
      expect(login.status).toBe(200);
      for (const c of login.headers.getSetCookie()) expect(c).toMatch(/;\s*Secure/i);
      // Over plain http neither is.
      const plain = await fetch(`${app.url}/api/v1/auth/csrf`);
      expect(plain.headers.getSetCookie().find((c) => c.startsWith('maillage_csrf='))).not.toMatch(/Secure/i);
    });
  });

  describe('uploads that stop arriving', () => {
    it('answers 408 to a truncated multipart import and releases the import slot', async () => {
      const admin = await signedInUser(app, { ip: freshIp() });
      await makePlatformAdmin(app, admin.id);
      const token = await admin.client.csrfToken();
      const boundary = 'maillageboundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stock.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      const partial = Buffer.concat([Buffer.from(head), SIRENE_SAMPLE]); // no closing boundary
      const { host } = new URL(app.url);
      const request = Buffer.concat([
        Buffer.from(
          `POST /api/v1/admin/imports HTTP/1.1\r\nHost: ${host}\r\nCookie: ${admin.client.cookieHeader}\r\nX-CSRF-Token: ${token}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${partial.length + 1000}\r\n\r\n`,
        ),
        partial,
      ]);
      // Without a body timeout nothing ever answers: the test then fails here instead of hanging.
      const answer = await rawExchange(app.url, request, 10_000);
      expect(answer).not.toBeNull();
      expect(answer!.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expectErrorShape(JSON.parse(answer!.split('\r\n\r\n')[1]));
      // The import the upload had claimed is gone, and the next upload is accepted.
      for (let i = 0; i < 50 && (await app.db.query('SELECT count(*)::int AS n FROM directory_imports WHERE active'))[0].n > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await app.db.query('SELECT count(*)::int AS n FROM directory_imports WHERE active'))[0].n).toBe(0);
      const next = await admin.client.upload('/api/v1/admin/imports', SIRENE_SAMPLE, 'stock.csv', 'text/csv');
      expect(next.status).toBe(202);
    });

    it('answers 408 to a JSON body that stops arriving', async () => {
      const client = app.client();
      const token = await client.csrfToken();
      const { host } = new URL(app.url);
      const answer = await rawExchange(
        app.url,
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${host}\r\nCookie: ${client.cookieHeader}\r\nX-CSRF-Token: ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":`,
        10_000,
      );
      expect(answer?.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expectErrorShape(JSON.parse(answer!.split('\r\n\r\n')[1]));
    });
  });
});
