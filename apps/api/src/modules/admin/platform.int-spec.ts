import sharp from 'sharp';
import { pendingSchemaChanges } from '../../core/database/schema-drift';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { makePlatformAdmin, PNG, signedInUser } from '../../../test/fixtures';
import { closeSockets, connected, disconnected, openSocket } from '../../../test/realtime-client';

describe('platform: schema, health, errors, organisations, profiles, admin', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('has migrations that match the entities exactly', async () => {
    expect(await pendingSchemaChanges(app.db)).toEqual({ up: [], down: [] });
  });

  it('answers health and readiness, with a correlation id', async () => {
    const live = await app.client().get('/api/health');
    expect(live.status).toBe(200);
    expect(live.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await app.client().request('GET', '/api/health/ready', undefined, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(ready.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(ready.headers.get('x-request-id')).toBe('trace-12345678');
  });

  it('answers errors as { code, message, correlationId } and hides internals', async () => {
    const missing = await app.client().get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), correlationId: expect.any(String) });
    const unauthenticated = await app.client().get('/api/v1/auth/me');
    expect(unauthenticated.body.code).toBe('UNAUTHENTICATED');
    const badJson = await app
      .client()
      .request('POST', '/api/v1/auth/login', undefined, { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.correlationId).toEqual(expect.any(String));
    // A real 5xx: the database disappears under a request; the answer says nothing of it.
    const { client } = await signedInUser(app);
    await app.db.query('ALTER TABLE companies RENAME TO companies_away');
    try {
      const broken = await client.get('/api/v1/companies/mine');
      expect(broken.status).toBe(500);
      expect(broken.body).toEqual({ code: 'INTERNAL_ERROR', message: 'An internal error occurred', correlationId: expect.any(String) });
      expect(JSON.stringify(broken.body)).not.toMatch(/companies|does not exist|SELECT/i);
    } finally {
      await app.db.query('ALTER TABLE companies_away RENAME TO companies');
    }
  });

  it('sends security headers and a strict CSP', async () => {
    const res = await app.client().get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes the OpenAPI description', async () => {
    const res = await app.client().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/companies/{id}', '/api/health']));
  });

  it('lets platform admins manage organisations and their staff; nobody else', async () => {
    const admin = await signedInUser(app);
    await makePlatformAdmin(app, admin.id);
    const animator = await signedInUser(app);
    const outsider = await signedInUser(app);

    expect((await outsider.client.post('/api/v1/organizations', { name: 'CCI Pirate', kind: 'cci_territorial' })).status).toBe(403);
    const region = await admin.client.post('/api/v1/organizations', {
      name: 'CCI Auvergne-Rhône-Alpes',
      kind: 'cci_regional',
      communeCode: '69123',
    });
    expect(region.status).toBe(201);
    const loire = await admin.client.post('/api/v1/organizations', {
      name: 'CCI Loire',
      kind: 'cci_territorial',
      parentId: region.body.id,
    });
    expect(loire.body.parentId).toBe(region.body.id);
    expect((await admin.client.post('/api/v1/organizations', { name: 'CCI Loire', kind: 'cci_territorial' })).status).toBe(409);

    const staff = await admin.client.post(`/api/v1/organizations/${loire.body.id}/staff`, { email: animator.email, role: 'animator' });
    expect(staff.status).toBe(201);
    expect(staff.body).toEqual([expect.objectContaining({ personId: animator.id, role: 'animator' })]);
    expect((await animator.client.get('/api/v1/auth/me')).body.staffOf).toEqual([
      { organizationId: loire.body.id, organizationName: 'CCI Loire', role: 'animator' },
    ]);
    // An animator is not an organisation admin.
    expect((await animator.client.get(`/api/v1/organizations/${loire.body.id}/staff`)).status).toBe(403);
    expect((await outsider.client.put(`/api/v1/organizations/${loire.body.id}`, { name: 'Renamed', kind: 'other' })).status).toBe(403);
    expect((await app.client().get('/api/v1/organizations')).body).toHaveLength(2);

    // An accent colour for the pages of its networks: #rrggbb only, anything else refused and nothing changed.
    const coloured = await admin.client.put(`/api/v1/organizations/${loire.body.id}`, {
      name: 'CCI Loire',
      kind: 'cci_territorial',
      accentColor: '#1C5D99',
    });
    expect([coloured.status, coloured.body.accentColor]).toEqual([200, '#1c5d99']);
    for (const bad of ['red', '#12345', '#1c5d99; background:url(x)', 'expression(alert(1))', 12]) {
      const refused = await admin.client.put(`/api/v1/organizations/${loire.body.id}`, {
        name: 'CCI Loire',
        kind: 'cci_territorial',
        accentColor: bad,
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await app.client().get(`/api/v1/organizations/${loire.body.id}`)).body.accentColor).toBe('#1c5d99');
    const cleared = await admin.client.put(`/api/v1/organizations/${loire.body.id}`, {
      name: 'CCI Loire',
      kind: 'cci_territorial',
      accentColor: null,
    });
    expect(cleared.body.accentColor).toBeNull();

    // A logo, set by the organisation's admins (not its animators), resized to fit 512 × 512.
    const orgAdmin = await signedInUser(app);
    await admin.client.post(`/api/v1/organizations/${loire.body.id}/staff`, { email: orgAdmin.email, role: 'admin' });
    const logoPath = `/api/v1/organizations/${loire.body.id}/logo`;
    const big = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#1c5d99' } })
      .png()
      .toBuffer();
    for (const who of [animator, outsider])
      expect((await who.client.upload(logoPath, big, 'logo.png', 'image/png', 'PUT')).status).toBe(403);
    expect(
      (await orgAdmin.client.upload(logoPath, Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml', 'PUT')).status,
    ).toBe(415);
    expect((await app.client().get(`/api/v1/organizations/${loire.body.id}`)).body.logoUrl).toBeNull();
    const logo = await orgAdmin.client.upload(logoPath, big, 'logo.png', 'image/png', 'PUT');
    expect([logo.status, logo.body.logoUrl]).toEqual([200, expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f-]{36}$/)]);
    const served = await fetch(`${app.url}${logo.body.logoUrl}`);
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: 'png', width: 512, height: 256 });
    expect((await orgAdmin.client.delete(logoPath)).body.logoUrl).toBeNull();
    expect((await app.client().get(logo.body.logoUrl)).status).toBe(404);
  });

  it('shows the outbox and users to platform admins only', async () => {
    const admin = await signedInUser(app);
    const user = await signedInUser(app);
    expect((await user.client.get('/api/v1/admin/mails')).status).toBe(403);
    await makePlatformAdmin(app, admin.id);
    const mails = await admin.client.get(`/api/v1/admin/mails?q=${encodeURIComponent(user.email)}`);
    expect(mails.status).toBe(200);
    expect(mails.body.items[0]).toMatchObject({ to: user.email, template: 'verify-email', status: 'sent' });
    const users = await admin.client.get('/api/v1/admin/users?q=test.example&pageSize=5');
    expect(users.body.items.length).toBeGreaterThan(0);
    // A role change closes the person's sockets: they reconnect with the new identity.
    const socket = await connected(openSocket(app, user.client));
    const closed = disconnected(socket);
    expect((await admin.client.patch(`/api/v1/admin/users/${user.id}`, { platformRole: 'admin' })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    closeSockets();
    expect((await user.client.get('/api/v1/admin/mails')).status).toBe(200);
    expect((await admin.client.patch(`/api/v1/admin/users/${admin.id}`, { platformRole: 'user' })).status).toBe(409);
  });

  it('edits a profile with a photo; experts are public, others need a session', async () => {
    const { client, id } = await signedInUser(app);
    const updated = await client.patch('/api/v1/people/me', {
      jobTitle: 'Responsable export',
      skills: ['export', ' export ', 'négociation'],
      languages: ['français', 'anglais'],
      isExpert: true,
      expertiseDomains: ['Export'],
      areasServed: ['Loire'],
      locale: 'en',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ jobTitle: 'Responsable export', skills: ['export', 'négociation'], isExpert: true });
    expect((await client.get('/api/v1/auth/me')).body.locale).toBe('en');
    const photo = await client.upload('/api/v1/people/me/photo', PNG, 'me.png', 'image/png');
    expect(photo.body.photoUrl).toMatch(/^\/api\/v1\/files\//);
    expect((await app.client().get(`/api/v1/people/${id}`)).status).toBe(200);
    await client.patch('/api/v1/people/me', { isExpert: false });
    expect((await app.client().get(`/api/v1/people/${id}`)).status).toBe(404);
    expect((await (await signedInUser(app)).client.get(`/api/v1/people/${id}`)).status).toBe(200);
  });

  it('serves French reference data', async () => {
    const naf = await app.client().get('/api/v1/referentials/naf?q=usinage');
    expect(naf.status).toBe(200);
    const communes = await app.client().get('/api/v1/referentials/communes?q=saint-etienne');
    expect(communes.body[0]).toMatchObject({ code: '42218', departement: { code: '42' }, region: { code: '84' } });
    expect((await app.client().get('/api/v1/referentials/naf/25.62B')).body.code).toBe('25.62B');
    expect((await app.client().get('/api/v1/referentials/communes/00000')).status).toBe(404);
    expect((await app.client().get('/api/v1/referentials/departements')).body).toContainEqual(
      expect.objectContaining({ code: '42', name: 'Loire' }),
    );
    expect((await app.client().get('/api/v1/referentials/regions')).body).toContainEqual(expect.objectContaining({ code: '84' }));
    const epcis = await app.client().get('/api/v1/referentials/epcis?q=saint-etienne metropole');
    expect(epcis.body[0]).toMatchObject({ code: expect.stringMatching(/^\d{9}$/), name: 'Saint-Étienne Métropole' });
    expect((await app.client().get(`/api/v1/referentials/epcis/${epcis.body[0].code}`)).body.name).toBe('Saint-Étienne Métropole');
    expect((await app.client().get('/api/v1/referentials/epcis/000000000')).status).toBe(404);
  });
});
