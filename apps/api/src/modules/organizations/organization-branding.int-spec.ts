import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { makePlatformAdmin, signedInUser } from '../../../test/fixtures';

describe('organisations: branding by the organisation’s own admins', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('lets an organisation’s admin set its name, description, accent and logo; not its kind or parent; nobody else', async () => {
    const platform = await signedInUser(app);
    await makePlatformAdmin(app, platform.id);
    const [orgAdmin, animator, otherAdmin] = [await signedInUser(app), await signedInUser(app), await signedInUser(app)];
    const region = (await platform.client.post('/api/v1/organizations', { name: 'CCI Région Test', kind: 'cci_regional' })).body;
    const loire = (
      await platform.client.post('/api/v1/organizations', { name: 'CCI Loire Test', kind: 'cci_territorial', parentId: region.id })
    ).body;
    const other = (await platform.client.post('/api/v1/organizations', { name: 'CCI Ain Test', kind: 'cci_territorial' })).body;
    await platform.client.post(`/api/v1/organizations/${loire.id}/staff`, { email: orgAdmin.email, role: 'admin' });
    await platform.client.post(`/api/v1/organizations/${loire.id}/staff`, { email: animator.email, role: 'animator' });
    await platform.client.post(`/api/v1/organizations/${other.id}/staff`, { email: otherAdmin.email, role: 'admin' });
    const path = `/api/v1/organizations/${loire.id}`;
    const read = async () => (await app.client().get(path)).body;
    const before = await read();

    // A plain staff member and another organisation's admin: refused, nothing changed.
    const branding = {
      name: 'CCI Loire Test',
      kind: 'cci_territorial',
      parentId: region.id,
      description: 'Renamed',
      accentColor: '#a61e4d',
    };
    const png = await sharp({ create: { width: 96, height: 96, channels: 3, background: '#1c5d99' } })
      .png()
      .toBuffer();
    for (const who of [animator, otherAdmin]) {
      expect((await who.client.put(path, branding)).status).toBe(403);
      expect((await who.client.upload(`${path}/logo`, png, 'logo.png', 'image/png', 'PUT')).status).toBe(403);
      expect((await who.client.delete(`${path}/logo`)).status).toBe(403);
    }
    expect(await read()).toEqual(before);

    // Its own admin: identity and branding, yes.
    const saved = await orgAdmin.client.put(path, branding);
    expect([saved.status, saved.body.description, saved.body.accentColor]).toEqual([200, 'Renamed', '#a61e4d']);
    const logo = await orgAdmin.client.upload(`${path}/logo`, png, 'logo.png', 'image/png', 'PUT');
    expect([logo.status, logo.body.logoUrl]).toEqual([200, expect.stringMatching(/^\/api\/v1\/files\//)]);

    // Its kind and its parent belong to the platform admins: refused, nothing changed.
    const afterBranding = await read();
    expect((await orgAdmin.client.put(path, { ...branding, kind: 'cci_regional' })).status).toBe(403);
    expect((await orgAdmin.client.put(path, { ...branding, parentId: null })).status).toBe(403);
    expect((await orgAdmin.client.put(path, { ...branding, parentId: other.id })).status).toBe(403);
    expect(await read()).toEqual(afterBranding);
    // Leaving the parent out keeps it.
    const { parentId: _parentId, ...withoutParent } = branding;
    expect((await orgAdmin.client.put(path, { ...withoutParent, description: 'Again' })).status).toBe(200);
    expect(await read()).toEqual({ ...afterBranding, description: 'Again' });

    // Platform admins still move it.
    expect((await platform.client.put(path, { ...branding, parentId: null })).body.parentId).toBeNull();
  });
});
