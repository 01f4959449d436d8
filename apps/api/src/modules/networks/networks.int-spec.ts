import sharp from 'sharp';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { lastMail, PNG, signedInUser } from '../../../test/fixtures';
import { NETWORK_DEFAULTS as base, freshIp, networkWorld, type Person } from '../../../test/network-world';

describe('networks (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let admin: Person;
  let staff: Person;
  let hostId: string;
  let otherHostId: string;
  const person = (withCompany = true) => world.person(withCompany);
  const createNetwork = (body: Record<string, unknown>, who?: Person) => world.createNetwork(body, who);
  const enrol = (...args: Parameters<typeof world.enrol>) => world.enrol(...args);

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    ({ admin, staff, hostId, otherHostId } = world);
  });
  afterAll(() => app.close());

  it('lets host staff and platform admins create networks; nobody else', async () => {
    const stranger = await person();
    const body = {
      ...base,
      name: 'Club des Industriels du Forez',
      hostOrganizationId: hostId,
      referentOrganizationId: otherHostId,
      description: 'Dirigeants industriels',
      charter: '# Charte\n\n- **Respect**',
      territory: { communes: ['42218'], epcis: ['244200770'], departements: ['42'], regions: ['84'] },
      sectors: ['25.62B'],
      themes: ['industrie', ' export '],
    };
    expect((await app.client().post('/api/v1/networks', body)).status).toBe(401);
    expect((await stranger.client.post('/api/v1/networks', body)).status).toBe(403);
    expect((await staff.client.post('/api/v1/networks', { ...body, hostOrganizationId: otherHostId })).status).toBe(403);
    const created = await staff.client.post('/api/v1/networks', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Club des Industriels du Forez',
      slug: 'club-des-industriels-du-forez',
      charter: '# Charte\n\n- **Respect**',
      territory: { communes: ['42218'], epcis: ['244200770'], departements: ['42'], regions: ['84'] },
      sectors: ['25.62B'],
      themes: ['industrie', 'export'],
      hostOrganizationId: hostId,
      referentOrganizationId: otherHostId,
      parentIds: [],
      memberCount: 0,
      canManage: true,
    });
    // A chosen address must be free; the same name gets the next free derived address.
    expect((await staff.client.post('/api/v1/networks', { ...body, slug: 'club-des-industriels-du-forez' })).status).toBe(409);
    const namesake = await staff.client.post('/api/v1/networks', body);
    expect(namesake.body.slug).toBe('club-des-industriels-du-forez-2');
    const byAdmin = await admin.client.post('/api/v1/networks', { ...body, name: 'Grappe Lyon', hostOrganizationId: otherHostId });
    expect(byAdmin.status).toBe(201);

    const updated = await staff.client.put(`/api/v1/networks/${created.body.id}`, {
      ...body,
      name: 'Club Forez',
      slug: 'club-forez',
      visibility: 'private',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Club Forez', slug: 'club-forez', visibility: 'private' });
    expect((await stranger.client.put(`/api/v1/networks/${created.body.id}`, body)).status).toBe(403);
  });

  it('rejects bad input with a 4xx and writes nothing', async () => {
    const good = { ...base, name: 'Réseau valide', hostOrganizationId: hostId };
    const bad: Record<string, unknown>[] = [
      {},
      { ...good, name: '' },
      { ...good, name: 'x'.repeat(201) },
      { ...good, name: 42 },
      { ...good, type: 'mafia' },
      { ...good, visibility: 'hidden' },
      { ...good, joinPolicy: 'bribe' },
      { ...good, maturity: 'old' },
      { ...good, hostOrganizationId: 'not-a-uuid' },
      { ...good, hostOrganizationId: randomUUID() },
      { ...good, referentOrganizationId: randomUUID() },
      { ...good, slug: 'Pas Un Slug' },
      { ...good, territory: { communes: ['99999'] } },
      { ...good, territory: { departements: ['999'] } },
      { ...good, territory: 'Loire' },
      { ...good, sectors: ['99.99Z'] },
      { ...good, sectors: 'industrie' },
      { ...good, themes: [{}] },
      { ...good, themes: Array.from({ length: 31 }, (_, i) => `t${i}`) },
      { ...good, charter: 'x'.repeat(50001) },
      { ...good, unknown: true },
      { ...good, name: '\u0000\u0000' },
    ];
    const before = await count('networks');
    for (const body of bad) {
      for (const who of [staff, admin]) {
        const res = await who.client.post('/api/v1/networks', body);
        expect([res.status, body]).toEqual([expect.any(Number), body]);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    expect(await count('networks')).toBe(before);

    const net = await createNetwork({ name: 'Réseau entrée', joinPolicy: 'approval' });
    const member = await person();
    const eventsBefore = await count('network_membership_events');
    for (const [path, body] of [
      [`/api/v1/networks/${net.id}/join`, {}],
      [`/api/v1/networks/${net.id}/join`, { companyId: 'x' }],
      [`/api/v1/networks/${net.id}/join`, { companyId: member.companyId, message: 'x'.repeat(2001) }],
      [`/api/v1/networks/${net.id}/join`, { companyId: randomUUID() }],
      [`/api/v1/networks/not-a-uuid/join`, { companyId: member.companyId }],
      [`/api/v1/networks/${randomUUID()}/join`, { companyId: member.companyId }],
      [`/api/v1/networks/${net.id}/invitations`, { companyId: randomUUID() }],
    ] as const) {
      const who = path.endsWith('invitations') ? staff : member;
      const res = await who.client.post(path, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await staff.client.put(`/api/v1/networks/${net.id}/members/${member.companyId}/role`, { role: 'king' })).status).toBe(400);
    expect((await staff.client.put(`/api/v1/networks/${net.id}/parents`, { parentIds: ['nope'] })).status).toBe(400);
    expect((await staff.client.put(`/api/v1/networks/${net.id}/parents`, { parentIds: [randomUUID()] })).status).toBe(400);
    for (const query of ['type=mafia', 'visibility=x', 'maturity=x', 'pageSize=1000', 'page=0', 'page=abc']) {
      expect((await app.client().get(`/api/v1/networks?${query}`)).status).toBe(400);
    }
    expect(await count('network_membership_events')).toBe(eventsBefore);
  });

  it('joins by policy: open is immediate, approval waits for an animator, invitation needs an invitation', async () => {
    const open = await createNetwork({ name: 'Club ouvert' });
    const approval = await createNetwork({ name: 'Club sur demande', visibility: 'private', joinPolicy: 'approval' });
    const invitation = await createNetwork({ name: 'Club sur invitation', joinPolicy: 'invitation' });
    const owner = await person();
    const colleague = await signedInUser(app, { ip: freshIp() });

    // Only the company's owners and admins act for it.
    expect((await colleague.client.post(`/api/v1/networks/${open.id}/join`, { companyId: owner.companyId })).status).toBe(403);
    expect((await app.client().post(`/api/v1/networks/${open.id}/join`, { companyId: owner.companyId })).status).toBe(401);

    const joined = await owner.client.post(`/api/v1/networks/${open.id}/join`, { companyId: owner.companyId });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ companyId: owner.companyId, status: 'active', role: 'member' });
    expect((await owner.client.post(`/api/v1/networks/${open.id}/join`, { companyId: owner.companyId })).status).toBe(409);

    const asked = await owner.client.post(`/api/v1/networks/${approval.id}/join`, {
      companyId: owner.companyId,
      message: '  Nous usinons du titane.  ',
    });
    expect(asked.body).toMatchObject({ status: 'pending', message: 'Nous usinons du titane.' });
    // Pending members do not see a private network's members; animators see the request and its message.
    expect((await owner.client.get(`/api/v1/networks/${approval.id}/members`)).status).toBe(404);
    expect((await staff.client.get(`/api/v1/networks/${approval.id}/members`)).body).toEqual([
      expect.objectContaining({ companyId: owner.companyId, status: 'pending', message: 'Nous usinons du titane.' }),
    ]);
    expect((await owner.client.post(`/api/v1/networks/${approval.id}/members/${owner.companyId}/approve`)).status).toBe(403);
    const approved = await staff.client.post(`/api/v1/networks/${approval.id}/members/${owner.companyId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    expect((await staff.client.post(`/api/v1/networks/${approval.id}/members/${owner.companyId}/approve`)).status).toBe(409);
    const members = await owner.client.get(`/api/v1/networks/${approval.id}/members`);
    expect(members.status).toBe(200);
    expect(members.body).toEqual([expect.objectContaining({ companyId: owner.companyId, status: 'active', message: null })]);

    // Rejection.
    const other = await person();
    await other.client.post(`/api/v1/networks/${approval.id}/join`, { companyId: other.companyId, message: 'Bonjour' });
    expect((await staff.client.post(`/api/v1/networks/${approval.id}/members/${other.companyId}/reject`)).body.status).toBe('rejected');
    expect((await other.client.get(`/api/v1/networks/${approval.id}/members`)).status).toBe(404);

    // Invitation only.
    expect((await owner.client.post(`/api/v1/networks/${invitation.id}/join`, { companyId: owner.companyId })).status).toBe(403);
    expect((await owner.client.post(`/api/v1/networks/${invitation.id}/invitations`, { companyId: owner.companyId })).status).toBe(403);
    expect((await staff.client.post(`/api/v1/networks/${invitation.id}/invitations`, { companyId: owner.companyId })).body.status).toBe(
      'invited',
    );
    expect((await owner.client.get(`/api/v1/networks/${invitation.id}`)).body.myMemberships).toEqual([
      { companyId: owner.companyId, role: 'member', status: 'invited' },
    ]);
    expect((await owner.client.post(`/api/v1/networks/${invitation.id}/join`, { companyId: owner.companyId })).body.status).toBe('active');

    // The history tells who did what.
    const history = await staff.client.get(`/api/v1/networks/${approval.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { action: string; actorId: string; toStatus: string }) => [e.action, e.actorId, e.toStatus])).toEqual([
      ['join', owner.id, 'pending'],
      ['approve', staff.id, 'active'],
      ['join', other.id, 'pending'],
      ['reject', staff.id, 'rejected'],
    ]);
    expect((await owner.client.get(`/api/v1/networks/${approval.id}/history`)).status).toBe(403);
  });

  it('tells the owners of a company picked from the directory that it is invited, in the app and by e-mail; they accept from the network page', async () => {
    const net = await createNetwork({ name: 'Atelier des dirigeants', visibility: 'private', joinPolicy: 'invitation' });
    const animator = await person();
    const owner = await person();
    const bystander = await person();
    await enrol(net.id, animator, 'animator');
    const invited = await animator.client.post(`/api/v1/networks/${net.id}/invitations`, { companyId: owner.companyId });
    expect(invited.status).toBe(201);
    expect(invited.body.status).toBe('invited');

    const notes = (await owner.client.get('/api/v1/notifications')).body.items as {
      type: string;
      data: Record<string, unknown>;
      path: string;
    }[];
    expect(notes.find((n) => n.type === 'network.invitation')).toMatchObject({
      data: { network: 'Atelier des dirigeants' },
      path: `/reseaux/${net.id}`,
    });
    const mail = await lastMail(app, owner.email);
    expect(mail.template).toBe('network-invitation-notice');
    expect(mail.subject).toMatch(/ est invitée à rejoindre Atelier des dirigeants$/);
    expect(mail.link).toContain(`/reseaux/${net.id}`);
    // Nobody else hears of it.
    const others = (await bystander.client.get('/api/v1/notifications')).body.items as { type: string }[];
    expect(others.filter((n) => n.type === 'network.invitation')).toEqual([]);

    expect((await owner.client.post(`/api/v1/networks/${net.id}/join`, { companyId: owner.companyId })).body.status).toBe('active');
    // Inviting a member again is refused, and nothing more is sent.
    expect((await animator.client.post(`/api/v1/networks/${net.id}/invitations`, { companyId: owner.companyId })).status).toBe(409);
    expect(
      ((await owner.client.get('/api/v1/notifications')).body.items as { type: string }[]).filter((n) => n.type === 'network.invitation'),
    ).toHaveLength(1);
  });

  it('leaves, bans, changes roles; animators manage; every change is in the history', async () => {
    const net = await createNetwork({ name: 'Club gestion', visibility: 'private' });
    const animator = await person();
    const member = await person();
    await enrol(net.id, animator, 'animator');
    await member.client.post(`/api/v1/networks/${net.id}/join`, { companyId: member.companyId });

    expect((await member.client.put(`/api/v1/networks/${net.id}/members/${member.companyId}/role`, { role: 'animator' })).status).toBe(403);
    expect(
      (await animator.client.put(`/api/v1/networks/${net.id}/members/${member.companyId}/role`, { role: 'moderator' })).body.role,
    ).toBe('moderator');
    expect((await animator.client.get(`/api/v1/networks/${net.id}`)).body.canManage).toBe(true);
    expect((await member.client.get(`/api/v1/networks/${net.id}`)).body).toMatchObject({ canManage: false, memberCount: 2 });

    // Leaving, then coming back (open policy).
    expect((await member.client.delete(`/api/v1/networks/${net.id}/members/${member.companyId}`)).status).toBe(204);
    expect((await member.client.delete(`/api/v1/networks/${net.id}/members/${member.companyId}`)).status).toBe(404);
    expect((await member.client.get(`/api/v1/networks/${net.id}/members`)).status).toBe(404);
    expect((await member.client.post(`/api/v1/networks/${net.id}/join`, { companyId: member.companyId })).body).toMatchObject({
      status: 'active',
      role: 'member',
    });

    // A member cannot remove another company; an animator can ban it, and it cannot come back.
    expect((await member.client.delete(`/api/v1/networks/${net.id}/members/${animator.companyId}`)).status).toBe(404);
    expect((await member.client.post(`/api/v1/networks/${net.id}/members/${member.companyId}/ban`)).status).toBe(403);
    expect((await animator.client.post(`/api/v1/networks/${net.id}/members/${member.companyId}/ban`)).body.status).toBe('banned');
    expect((await member.client.post(`/api/v1/networks/${net.id}/join`, { companyId: member.companyId })).status).toBe(403);
    expect((await member.client.get(`/api/v1/networks/${net.id}/members`)).status).toBe(404);
    expect((await animator.client.post(`/api/v1/networks/${net.id}/members/${member.companyId}/unban`)).body.status).toBe('left');

    const history = (await animator.client.get(`/api/v1/networks/${net.id}/history`)).body as {
      companyId: string;
      action: string;
      actorId: string;
    }[];
    expect(history.filter((e) => e.companyId === member.companyId).map((e) => [e.action, e.actorId])).toEqual([
      ['join', member.id],
      ['change_role', animator.id],
      ['leave', member.id],
      ['join', member.id],
      ['ban', animator.id],
      ['unban', animator.id],
    ]);
    expect(history.filter((e) => e.companyId === animator.companyId).map((e) => e.action)).toEqual([
      'invite',
      'accept_invitation',
      'change_role',
    ]);
  });

  it('survives concurrent joins of the same company: one wins, the others get a 409, never a 500', async () => {
    const net = await createNetwork({ name: 'Club concurrent' });
    const owner = await person();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => owner.client.post(`/api/v1/networks/${net.id}/join`, { companyId: owner.companyId })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const rows = await app.db.query('SELECT status FROM network_memberships WHERE network_id = $1', [net.id]);
    expect(rows).toEqual([{ status: 'active' }]);
    const [{ n }] = await app.db.query(
      'SELECT count(*)::int AS n FROM network_membership_events e JOIN network_memberships m ON m.id = e.membership_id WHERE m.network_id = $1',
      [net.id],
    );
    expect(n).toBe(1);
  });

  it('builds federations of networks and refuses cycles', async () => {
    const federation = await createNetwork({ name: 'Fédération régionale', type: 'virtual_network' });
    const child = await createNetwork({ name: 'Club local' });
    const grandChild = await createNetwork({ name: 'Groupe export local', type: 'export_group' });
    const set = (id: string, parentIds: string[], who: Person = staff) => who.client.put(`/api/v1/networks/${id}/parents`, { parentIds });

    expect((await set(child.id, [federation.id])).body.parentIds).toEqual([federation.id]);
    expect((await set(grandChild.id, [child.id])).status).toBe(200);
    expect((await set(federation.id, [grandChild.id])).body.code).toBe('INVALID_PARENT');
    expect((await set(federation.id, [federation.id])).status).toBe(400);
    expect((await set(child.id, [grandChild.id])).status).toBe(400);
    const stranger = await person();
    expect((await set(child.id, [], stranger)).status).toBe(403);
    expect((await set(child.id, [])).body.parentIds).toEqual([]);
    expect((await set(federation.id, [grandChild.id])).status).toBe(200);
  });

  it('lists visible networks with filters and pages', async () => {
    const tag = `Liste${Date.now()}`;
    await createNetwork({ name: `${tag} A`, type: 'cluster', maturity: 'emergence' });
    await createNetwork({ name: `${tag} B`, type: 'cluster', visibility: 'private' });
    await createNetwork({ name: `${tag} C`, type: 'export_group', visibility: 'secret' });
    const anon = app.client();
    const names = async (client: HttpClient, query: string) =>
      ((await client.get(`/api/v1/networks?q=${tag}&${query}`)).body.items as { name: string }[]).map((n) => n.name);
    expect(await names(anon, '')).toEqual([`${tag} A`, `${tag} B`]);
    expect(await names(staff.client, '')).toEqual([`${tag} A`, `${tag} B`, `${tag} C`]);
    expect(await names(admin.client, 'type=export_group')).toEqual([`${tag} C`]);
    expect(await names(anon, 'visibility=private')).toEqual([`${tag} B`]);
    expect(await names(anon, 'maturity=emergence')).toEqual([`${tag} A`]);
    const page = await anon.get(`/api/v1/networks?q=${tag}&pageSize=1&page=2`);
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ name: `${tag} B`, memberCount: null }] });
  });

  it('keeps the charter in Markdown and renders it sanitised', async () => {
    const charter = '# Charte\n\n<script>alert(1)</script> **Respect** [lien](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const net = await createNetwork({ name: 'Club charte', charter });
    const card = (await app.client().get(`/api/v1/networks/${net.id}`)).body;
    expect(card.charter).toBe(charter);
    expect(card.charterHtml).toContain('<h1>Charte</h1>');
    expect(card.charterHtml).toContain('<strong>Respect</strong>');
    // Raw HTML is shown as text, never interpreted; the javascript: link is not a link.
    expect(card.charterHtml).toContain('&lt;script&gt;');
    expect(card.charterHtml).not.toMatch(/<script|<img|href="javascript:|<[^>]*onerror=/);
    expect(
      (await createNetwork({ name: 'Club sans charte' }).then((n) => app.client().get(`/api/v1/networks/${n.id}`))).body.charterHtml,
    ).toBeNull();
  });

  it.each([
    ['logo', 'logoUrl'],
    ['cover', 'coverUrl'],
  ] as const)('sets and removes a %s (images only, managers only)', async (image, field) => {
    const net = await createNetwork({ name: `Club ${image}`, visibility: 'secret' });
    const member = await person();
    await enrol(net.id, member);
    const path = `/api/v1/networks/${net.id}/${image}`;
    expect((await member.client.upload(path, PNG, 'logo.png', 'image/png', 'PUT')).status).toBe(403);
    expect((await (await person()).client.upload(path, PNG, 'logo.png', 'image/png', 'PUT')).status).toBe(404);
    expect((await staff.client.upload(path, Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml', 'PUT')).status).toBe(415);
    expect((await staff.client.put(path, {})).status).toBe(415);
    const first = await staff.client.upload(path, PNG, '../../logo.png', 'image/png', 'PUT');
    expect(first.status).toBe(200);
    expect(first.body[field]).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    const file = await app.client().get(first.body[field]);
    expect([file.status, file.headers.get('content-type'), file.headers.get('x-content-type-options')]).toEqual([
      200,
      'image/png',
      'nosniff',
    ]);
    // Replacing it deletes the previous file; removing it too.
    const second = await staff.client.upload(path, PNG, 'logo2.png', 'image/png', 'PUT');
    expect(second.body[field]).not.toBe(first.body[field]);
    expect((await app.client().get(first.body[field])).status).toBe(404);
    expect((await member.client.get(`/api/v1/networks/${net.id}`)).body[field]).toBe(second.body[field]);
    expect((await member.client.delete(path)).status).toBe(403);
    const removed = await staff.client.delete(path);
    expect([removed.status, removed.body[field]]).toEqual([200, null]);
    expect((await app.client().get(second.body[field])).status).toBe(404);
  });

  it('resizes a network cover to a 1600 × 600 band and a logo to fit 512 × 512, dropping the photo metadata', async () => {
    const net = await createNetwork({ name: 'Club des grandes images' });
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2b8a3e' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Appareil de Jeanne' } })
      .toBuffer();
    const size = async (url: string) => sharp(Buffer.from(await (await fetch(`${app.url}${url}`)).arrayBuffer())).metadata();
    const cover = await staff.client.upload(`/api/v1/networks/${net.id}/cover`, photo, 'photo.jpg', 'image/jpeg', 'PUT');
    const coverSize = await size(cover.body.coverUrl);
    expect(coverSize).toMatchObject({ format: 'jpeg', width: 1600, height: 600 });
    expect(coverSize.exif).toBeUndefined();
    const logo = await staff.client.upload(`/api/v1/networks/${net.id}/logo`, photo, 'photo.jpg', 'image/jpeg', 'PUT');
    expect(await size(logo.body.logoUrl)).toMatchObject({ format: 'jpeg', width: 512, height: 341 });
    // Larger than 50 million pixels, read from the header: refused before decoding.
    const huge = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect((await staff.client.upload(`/api/v1/networks/${net.id}/cover`, huge, 'huge.png', 'image/png', 'PUT')).status).toBe(415);
    expect((await staff.client.get(`/api/v1/networks/${net.id}`)).body.coverUrl).toBe(cover.body.coverUrl);
  });

  it('joins a federation only when its managers accept: a pending request on both sides, notified, and only accepted links shown', async () => {
    // A federation run by another host (CCI Lyon) and its animator; a club of CCI Loire and its animator.
    const federation = await createNetwork(
      { name: 'Fédération Rhône-Alpes', type: 'virtual_network', hostOrganizationId: otherHostId },
      admin,
    );
    const club = await createNetwork({ name: 'Club qui demande' });
    const [fedAnimator, clubAnimator] = [await person(), await person()];
    await enrol(federation.id, fedAnimator, 'animator', admin);
    await enrol(club.id, clubAnimator, 'animator');
    const childNames = async (client: HttpClient) =>
      ((await client.get(`/api/v1/networks/${federation.id}/children`)).body as { network: { name: string } }[]).map((c) => c.network.name);
    const requests = (client: HttpClient) => client.get(`/api/v1/networks/${federation.id}/federation-requests`);

    // The club's animator asks: nothing is linked yet, the request shows on the club's side (its managers only).
    const asked = await clubAnimator.client.put(`/api/v1/networks/${club.id}/parents`, { parentIds: [federation.id] });
    expect(asked.status).toBe(200);
    expect(asked.body.parentIds).toEqual([]);
    expect(asked.body.parentRequests).toEqual([
      { parentId: federation.id, parentName: 'Fédération Rhône-Alpes', status: 'pending', requestedAt: expect.any(String) },
    ]);
    expect((await app.client().get(`/api/v1/networks/${club.id}`)).body).toMatchObject({ parentIds: [], parentRequests: [] });
    for (const client of [app.client(), fedAnimator.client, clubAnimator.client]) expect(await childNames(client)).toEqual([]);
    // The federation's side: its animator is told and decides; nobody else.
    const notes = (await fedAnimator.client.get('/api/v1/notifications')).body.items as {
      type: string;
      data: Record<string, unknown>;
      path: string;
    }[];
    expect(notes.find((n) => n.type === 'network.federation_request')).toMatchObject({
      data: { child: 'Club qui demande', network: 'Fédération Rhône-Alpes' },
      path: `/reseaux/${federation.id}/reseaux`,
    });
    expect((await requests(fedAnimator.client)).body).toEqual([
      { network: expect.objectContaining({ id: club.id, name: 'Club qui demande' }), requestedAt: expect.any(String) },
    ]);
    expect((await requests(clubAnimator.client)).status).toBe(403);
    expect((await requests(app.client())).status).toBe(401);
    expect((await clubAnimator.client.post(`/api/v1/networks/${federation.id}/federation-requests/${club.id}/accept`)).status).toBe(403);

    // Refused: still not a child; the club sees the refusal and may ask again.
    expect((await fedAnimator.client.post(`/api/v1/networks/${federation.id}/federation-requests/${club.id}/refuse`)).body).toEqual([]);
    expect((await clubAnimator.client.get(`/api/v1/networks/${club.id}`)).body.parentRequests).toEqual([
      expect.objectContaining({ parentId: federation.id, status: 'refused' }),
    ]);
    expect(await childNames(app.client())).toEqual([]);
    expect((await fedAnimator.client.post(`/api/v1/networks/${federation.id}/federation-requests/${club.id}/accept`)).status).toBe(404);
    await clubAnimator.client.put(`/api/v1/networks/${club.id}/parents`, { parentIds: [federation.id] });
    // Accepted: a child everywhere.
    expect((await fedAnimator.client.post(`/api/v1/networks/${federation.id}/federation-requests/${club.id}/accept`)).body).toEqual([]);
    expect(await childNames(app.client())).toEqual(['Club qui demande']);
    expect((await app.client().get(`/api/v1/networks/${club.id}`)).body.parentIds).toEqual([federation.id]);
    expect((await clubAnimator.client.get(`/api/v1/networks/${club.id}`)).body.parentRequests).toEqual([]);
    // The federation's managers may take a child out; the child's animator may not do it from the federation's side.
    expect((await clubAnimator.client.delete(`/api/v1/networks/${federation.id}/children/${club.id}`)).status).toBe(403);
    expect((await fedAnimator.client.delete(`/api/v1/networks/${federation.id}/children/${club.id}`)).status).toBe(204);
    expect(await childNames(app.client())).toEqual([]);
    // Someone who runs both networks links them at once.
    expect((await admin.client.put(`/api/v1/networks/${club.id}/parents`, { parentIds: [federation.id] })).body.parentIds).toEqual([
      federation.id,
    ]);
  });

  it('lists a federation’s child networks that the caller may see, with their activity', async () => {
    const federation = await createNetwork({ name: 'Fédération activité', type: 'virtual_network' });
    const open = await createNetwork({ name: 'Enfant A public' });
    const closed = await createNetwork({ name: 'Enfant B privé', visibility: 'private' });
    const hidden = await createNetwork({ name: 'Enfant C secret', visibility: 'secret' });
    for (const child of [open, closed, hidden])
      expect((await staff.client.put(`/api/v1/networks/${child.id}/parents`, { parentIds: [federation.id] })).status).toBe(200);
    const [a, b, c] = [await person(), await person(), await person()];
    await enrol(open.id, a);
    await enrol(open.id, b);
    await enrol(closed.id, c);
    await enrol(hidden.id, c);
    // A membership that became active long ago is not a new one.
    await app.db.query(
      `UPDATE network_membership_events e SET created_at = now() - interval '100 days' FROM network_memberships m
       WHERE m.id = e.membership_id AND m.network_id = $1 AND m.company_id = $2`,
      [open.id, a.companyId],
    );
    // Forum activity of the private child (through ForumsService.activity).
    const category = await staff.client.post(`/api/v1/networks/${closed.id}/forum/categories`, { name: 'Général' });
    expect(category.status).toBe(201);
    expect(
      (
        await c.client.post(`/api/v1/networks/${closed.id}/forum/topics`, {
          categoryId: category.body.id,
          title: 'Premier sujet',
          body: 'Bonjour à tous',
        })
      ).status,
    ).toBe(201);
    const noForum = (networkId: string) => ({ networkId, topicsLast30Days: 0, postsLast30Days: 0, lastPostAt: null });
    const closedForum = { networkId: closed.id, topicsLast30Days: 1, postsLast30Days: 1, lastPostAt: expect.any(String) };
    const children = async (client: HttpClient) => {
      const res = await client.get(`/api/v1/networks/${federation.id}/children`);
      expect(res.status).toBe(200);
      return (res.body as { network: { name: string }; activity: unknown }[]).map((child) => [child.network.name, child.activity]);
    };
    expect(await children(app.client())).toEqual([
      ['Enfant A public', { memberCount: 2, newMembers90d: 1, forum: noForum(open.id) }],
      ['Enfant B privé', { memberCount: null, newMembers90d: null, forum: null }],
    ]);
    expect(await children(c.client)).toEqual([
      ['Enfant A public', { memberCount: 2, newMembers90d: 1, forum: noForum(open.id) }],
      ['Enfant B privé', { memberCount: 1, newMembers90d: 1, forum: closedForum }],
      ['Enfant C secret', { memberCount: 1, newMembers90d: 1, forum: noForum(hidden.id) }],
    ]);
    expect((await children(staff.client)).map(([name]) => name)).toEqual(['Enfant A public', 'Enfant B privé', 'Enfant C secret']);
    expect((await app.client().get(`/api/v1/networks/${hidden.id}/children`)).status).toBe(404);
    expect((await app.client().get(`/api/v1/networks/${randomUUID()}/children`)).status).toBe(404);
  });

  it('filters the directory by département and région, through communes, départements and régions', async () => {
    const tag = `Territoire${Date.now()}`;
    await createNetwork({ name: `${tag} commune`, territory: { communes: ['42218'] } });
    await createNetwork({ name: `${tag} département`, territory: { departements: ['42'] } });
    await createNetwork({ name: `${tag} région`, territory: { regions: ['84'] } });
    await createNetwork({ name: `${tag} Corse`, territory: { communes: ['2A004'], departements: ['2B'] } });
    await createNetwork({ name: `${tag} nulle part` });
    const names = async (query: string) =>
      ((await app.client().get(`/api/v1/networks?q=${tag}&${query}`)).body.items as { name: string }[]).map((n) => n.name).sort();
    expect(await names('departement=42')).toEqual([`${tag} commune`, `${tag} département`, `${tag} région`].sort());
    expect(await names('departement=69')).toEqual([`${tag} région`]);
    expect(await names('departement=2A')).toEqual([`${tag} Corse`]);
    expect(await names('region=84')).toEqual([`${tag} commune`, `${tag} département`, `${tag} région`].sort());
    expect(await names('region=94')).toEqual([`${tag} Corse`]);
    expect(await names('region=84&departement=2B')).toEqual([]);
    for (const query of ['departement=999', 'departement=x', 'region=8', "region=84'"]) {
      expect((await app.client().get(`/api/v1/networks?${query}`)).status).toBe(400);
    }
  });

  it('answers a network by its address, hiding secret ones like missing ones', async () => {
    const open = await createNetwork({ name: `Adresse publique ${Date.now()}` });
    const secret = await createNetwork({ name: `Adresse secrète ${Date.now()}`, visibility: 'secret', joinPolicy: 'invitation' });
    const member = await person();
    await enrol(secret.id, member);
    const bySlug = (slug: string, client = app.client()) => client.get(`/api/v1/networks/by-slug/${slug}`);
    expect((await bySlug(open.slug)).body).toMatchObject({ id: open.id, name: open.name });
    expect((await bySlug(secret.slug, member.client)).body.id).toBe(secret.id);
    const hidden = await bySlug(secret.slug, (await person()).client);
    const missing = await bySlug('pas-de-reseau-ici');
    const strip = ({ correlationId: _, ...rest }: Record<string, unknown>) => rest;
    expect([hidden.status, strip(hidden.body)]).toEqual([404, strip(missing.body)]);
    expect(missing.status).toBe(404);
    const bad = ['Majuscules', 'a', 'tiret-', '%27', 'deux--tirets'];
    expect(await Promise.all(bad.map(async (slug) => (await bySlug(slug)).status))).toEqual(bad.map(() => 400));
  });

  it('keeps a renamed network at its address; after a change of address, the former one still leads to it', async () => {
    const stamp = Date.now();
    const net = await createNetwork({ name: `Club au long cours ${stamp}` });
    const body = { ...base, hostOrganizationId: hostId };
    const bySlug = (slug: string) => app.client().get(`/api/v1/networks/by-slug/${slug}`);
    const renamed = await staff.client.put(`/api/v1/networks/${net.id}`, { ...body, name: `Un tout autre nom ${stamp}` });
    expect(renamed.status).toBe(200);
    expect(renamed.body.slug).toBe(net.slug);
    const moved = await staff.client.put(`/api/v1/networks/${net.id}`, {
      ...body,
      name: `Un tout autre nom ${stamp}`,
      slug: `nouvelle-adresse-${stamp}`,
    });
    expect(moved.body.slug).toBe(`nouvelle-adresse-${stamp}`);
    expect((await bySlug(net.slug)).body).toMatchObject({ id: net.id, slug: `nouvelle-adresse-${stamp}` });
    expect((await bySlug(`nouvelle-adresse-${stamp}`)).body.id).toBe(net.id);
    // Another network may take the former address: it is then its own.
    const other = await createNetwork({ name: 'Nouveau venu', slug: net.slug });
    expect((await bySlug(net.slug)).body.id).toBe(other.id);
  });

  describe('role × endpoint matrix and canary', () => {
    const CANARY = `canari-${randomUUID()}`;
    let privateNet: { id: string };
    let secretNet: { id: string };
    let roles: Record<string, Person | null>;

    beforeAll(async () => {
      privateNet = await createNetwork({ name: 'Matrice privée', visibility: 'private', joinPolicy: 'approval' });
      secretNet = await createNetwork({
        name: `Réseau ${CANARY}`,
        visibility: 'secret',
        joinPolicy: 'invitation',
        description: `Secret ${CANARY}`,
        themes: [CANARY],
      });
      const otherNet = await createNetwork({ name: 'Autre réseau' });
      const stranger = await person();
      const pending = await person();
      const member = await person();
      const animator = await person();
      const otherAnimator = await person();
      const moderator = await person();
      await pending.client.post(`/api/v1/networks/${privateNet.id}/join`, { companyId: pending.companyId, message: `Demande ${CANARY}` });
      for (const net of [privateNet, secretNet]) {
        await enrol(net.id, member);
        await enrol(net.id, animator, 'animator');
        await enrol(net.id, moderator, 'moderator');
      }
      await enrol(otherNet.id, otherAnimator, 'animator');
      roles = { anonymous: null, stranger, pending, member, moderator, animator, otherAnimator, hostStaff: staff, admin };
    });

    const clientOf = (role: string) => roles[role]?.client ?? app.client();
    const ROLES = ['anonymous', 'stranger', 'pending', 'member', 'moderator', 'animator', 'otherAnimator', 'hostStaff', 'admin'];

    // Expected status per role, in the order of ROLES.
    const matrix: [string, string, (ids: { p: string; s: string; c: string }) => [string, string, unknown?], number[]][] = [
      // anonymous, stranger, pending, member, moderator, animator, other animator, host staff, admin
      ['private', 'GET card', ({ p }) => ['GET', `/api/v1/networks/${p}`], [200, 200, 200, 200, 200, 200, 200, 200, 200]],
      ['private', 'GET members', ({ p }) => ['GET', `/api/v1/networks/${p}/members`], [404, 404, 404, 200, 200, 200, 404, 200, 200]],
      ['private', 'GET history', ({ p }) => ['GET', `/api/v1/networks/${p}/history`], [401, 403, 403, 403, 403, 200, 403, 200, 200]],
      [
        'private',
        'PUT parents',
        ({ p }) => ['PUT', `/api/v1/networks/${p}/parents`, { parentIds: [] }],
        [401, 403, 403, 403, 403, 200, 403, 200, 200],
      ],
      [
        'private',
        'approve unknown',
        ({ p, c }) => ['POST', `/api/v1/networks/${p}/members/${c}/approve`],
        [401, 403, 403, 403, 403, 404, 403, 404, 404],
      ],
      [
        'private',
        'invite unknown',
        ({ p }) => ['POST', `/api/v1/networks/${p}/invitations`, { companyId: randomUUID() }],
        [401, 403, 403, 403, 403, 400, 403, 400, 400],
      ],
      ['secret', 'GET card', ({ s }) => ['GET', `/api/v1/networks/${s}`], [404, 404, 404, 200, 200, 200, 404, 200, 200]],
      ['secret', 'GET members', ({ s }) => ['GET', `/api/v1/networks/${s}/members`], [404, 404, 404, 200, 200, 200, 404, 200, 200]],
      ['secret', 'GET history', ({ s }) => ['GET', `/api/v1/networks/${s}/history`], [401, 404, 404, 403, 403, 200, 404, 200, 200]],
      [
        'secret',
        'PUT parents',
        ({ s }) => ['PUT', `/api/v1/networks/${s}/parents`, { parentIds: [] }],
        [401, 404, 404, 403, 403, 200, 404, 200, 200],
      ],
      [
        'secret',
        'ban unknown',
        ({ s, c }) => ['POST', `/api/v1/networks/${s}/members/${c}/ban`],
        [401, 404, 404, 403, 403, 404, 404, 404, 404],
      ],
      [
        'secret',
        'join',
        ({ s }) => ['POST', `/api/v1/networks/${s}/join`, { companyId: randomUUID() }],
        [401, 404, 404, 403, 403, 403, 404, 403, 403],
      ],
      // logo, federation children, members export, invitations
      [
        'private',
        'PUT logo without a file',
        ({ p }) => ['PUT', `/api/v1/networks/${p}/logo`],
        [401, 403, 403, 403, 403, 400, 403, 400, 400],
      ],
      ['private', 'DELETE logo', ({ p }) => ['DELETE', `/api/v1/networks/${p}/logo`], [401, 403, 403, 403, 403, 200, 403, 200, 200]],
      ['secret', 'DELETE logo', ({ s }) => ['DELETE', `/api/v1/networks/${s}/logo`], [401, 404, 404, 403, 403, 200, 404, 200, 200]],
      ['private', 'GET children', ({ p }) => ['GET', `/api/v1/networks/${p}/children`], [200, 200, 200, 200, 200, 200, 200, 200, 200]],
      ['secret', 'GET children', ({ s }) => ['GET', `/api/v1/networks/${s}/children`], [404, 404, 404, 200, 200, 200, 404, 200, 200]],
      [
        'private',
        'GET members.csv',
        ({ p }) => ['GET', `/api/v1/networks/${p}/members.csv`],
        [401, 403, 403, 403, 403, 200, 403, 200, 200],
      ],
      ['secret', 'GET members.csv', ({ s }) => ['GET', `/api/v1/networks/${s}/members.csv`], [401, 404, 404, 403, 403, 200, 404, 200, 200]],
      [
        'private',
        'GET invitations',
        ({ p }) => ['GET', `/api/v1/networks/${p}/invitations`],
        [401, 403, 403, 403, 403, 200, 403, 200, 200],
      ],
      ['secret', 'GET invitations', ({ s }) => ['GET', `/api/v1/networks/${s}/invitations`], [401, 404, 404, 403, 403, 200, 404, 200, 200]],
      [
        'private',
        'invite by e-mail',
        ({ p }) => ['POST', `/api/v1/networks/${p}/invitations/email`, { email: 'matrice@example.org' }],
        [401, 403, 403, 403, 403, 201, 403, 201, 201],
      ],
      [
        'secret',
        'invite by e-mail',
        ({ s }) => ['POST', `/api/v1/networks/${s}/invitations/email`, { email: 'matrice@example.org' }],
        [401, 404, 404, 403, 403, 201, 404, 201, 201],
      ],
      [
        'private',
        'create a link',
        ({ p }) => ['POST', `/api/v1/networks/${p}/invitations/link`, { maxUses: 1 }],
        [401, 403, 403, 403, 403, 201, 403, 201, 201],
      ],
      [
        'secret',
        'create a link',
        ({ s }) => ['POST', `/api/v1/networks/${s}/invitations/link`, {}],
        [401, 404, 404, 403, 403, 201, 404, 201, 201],
      ],
      [
        'secret',
        'revoke unknown',
        ({ s, c }) => ['DELETE', `/api/v1/networks/${s}/invitations/${c}`],
        [401, 404, 404, 403, 403, 404, 404, 404, 404],
      ],
      [
        'private',
        'accept with a bad token',
        ({ c }) => ['POST', '/api/v1/networks/invitations/accept', { token: 'x'.repeat(43), companyId: c }],
        [401, 403, 403, 403, 403, 403, 403, 403, 403],
      ],
      [
        'private',
        'preview a bad token',
        () => ['POST', '/api/v1/networks/invitations/preview', { token: 'x'.repeat(43) }],
        [400, 400, 400, 400, 400, 400, 400, 400, 400],
      ],
      // federations: requests to join are decided by the parent's managers
      [
        'private',
        'GET federation requests',
        ({ p }) => ['GET', `/api/v1/networks/${p}/federation-requests`],
        [401, 403, 403, 403, 403, 200, 403, 200, 200],
      ],
      [
        'secret',
        'GET federation requests',
        ({ s }) => ['GET', `/api/v1/networks/${s}/federation-requests`],
        [401, 404, 404, 403, 403, 200, 404, 200, 200],
      ],
      [
        'private',
        'accept an unknown request',
        ({ p, c }) => ['POST', `/api/v1/networks/${p}/federation-requests/${c}/accept`],
        [401, 403, 403, 403, 403, 404, 403, 404, 404],
      ],
      [
        'private',
        'refuse an unknown request',
        ({ p, c }) => ['POST', `/api/v1/networks/${p}/federation-requests/${c}/refuse`],
        [401, 403, 403, 403, 403, 404, 403, 404, 404],
      ],
      [
        'secret',
        'accept an unknown request',
        ({ s, c }) => ['POST', `/api/v1/networks/${s}/federation-requests/${c}/accept`],
        [401, 404, 404, 403, 403, 404, 404, 404, 404],
      ],
      [
        'private',
        'DELETE an unknown child',
        ({ p, c }) => ['DELETE', `/api/v1/networks/${p}/children/${c}`],
        [401, 403, 403, 403, 403, 404, 403, 404, 404],
      ],
      [
        'secret',
        'DELETE an unknown child',
        ({ s, c }) => ['DELETE', `/api/v1/networks/${s}/children/${c}`],
        [401, 404, 404, 403, 403, 404, 404, 404, 404],
      ],
    ];

    it.each(matrix)('%s network: %s', async (_kind, _label, request, expected) => {
      const ids = { p: privateNet.id, s: secretNet.id, c: randomUUID() };
      const actual: Record<string, number> = {};
      for (const role of ROLES) {
        const [method, path, body] = request(ids);
        actual[role] = (await clientOf(role).request(method, path, body)).status;
      }
      expect(actual).toEqual(Object.fromEntries(ROLES.map((r, i) => [r, expected[i]])));
    });

    it('a missing network and a hidden secret network look the same', async () => {
      const stranger = roles.stranger!.client;
      const hidden = await stranger.get(`/api/v1/networks/${secretNet.id}`);
      const missing = await stranger.get(`/api/v1/networks/${randomUUID()}`);
      const strip = ({ correlationId: _, ...rest }: Record<string, unknown>) => rest;
      expect([hidden.status, strip(hidden.body)]).toEqual([missing.status, strip(missing.body)]);
    });

    it('never shows the canary to a non-member, including after they left or were banned', async () => {
      const leaver = await person();
      const banned = await person();
      await enrol(secretNet.id, leaver);
      await enrol(secretNet.id, banned);
      const seen = JSON.stringify((await leaver.client.get(`/api/v1/networks/${secretNet.id}`)).body);
      expect(seen).toContain(CANARY); // the canary is real: members see it
      expect((await leaver.client.delete(`/api/v1/networks/${secretNet.id}/members/${leaver.companyId}`)).status).toBe(204);
      expect((await staff.client.post(`/api/v1/networks/${secretNet.id}/members/${banned.companyId}/ban`)).status).toBe(200);

      // The secret network asks to join a public federation run by another host: its pending request shows nowhere public.
      const federation = await createNetwork({ name: 'Fédération publique', hostOrganizationId: otherHostId }, admin);
      expect(
        (await roles.animator!.client.put(`/api/v1/networks/${secretNet.id}/parents`, { parentIds: [federation.id] })).body.parentRequests,
      ).toHaveLength(1);

      const outsiders: HttpClient[] = [
        app.client(),
        roles.stranger!.client,
        roles.pending!.client,
        roles.otherAnimator!.client,
        leaver.client,
        banned.client,
      ];
      const paths = [
        '/api/v1/networks',
        '/api/v1/networks?pageSize=100',
        '/api/v1/networks?visibility=secret',
        `/api/v1/networks?q=${CANARY}`,
        `/api/v1/networks?q=R%C3%A9seau`,
        `/api/v1/networks/${secretNet.id}`,
        `/api/v1/networks/${secretNet.id}/members`,
        `/api/v1/networks/${secretNet.id}/history`,
        `/api/v1/networks/${privateNet.id}`,
        `/api/v1/networks/${privateNet.id}/members`,
        `/api/v1/networks/${secretNet.id}/members.csv`,
        `/api/v1/networks/${secretNet.id}/children`,
        `/api/v1/networks/${secretNet.id}/invitations`,
        `/api/v1/networks/${privateNet.id}/members.csv`,
        `/api/v1/networks/${privateNet.id}/invitations`,
        `/api/v1/networks/${secretNet.id}/federation-requests`,
        `/api/v1/networks/${federation.id}`,
        `/api/v1/networks/${federation.id}/children`,
        `/api/v1/networks/${federation.id}/federation-requests`,
      ];
      for (const client of outsiders) {
        for (const path of paths) {
          const res = await client.get(path);
          expect(res.status).toBeLessThan(500);
          expect([path, JSON.stringify(res.body)]).not.toEqual([path, expect.stringContaining(CANARY)]);
        }
        for (const [method, path, body] of [
          ['PUT', `/api/v1/networks/${secretNet.id}/parents`, { parentIds: [] }],
          ['POST', `/api/v1/networks/${secretNet.id}/join`, { companyId: roles.stranger!.companyId }],
          ['POST', `/api/v1/networks/${secretNet.id}/members/${roles.member!.companyId}/approve`],
          ['DELETE', `/api/v1/networks/${secretNet.id}/members/${roles.member!.companyId}`],
          ['DELETE', `/api/v1/networks/${secretNet.id}/logo`],
          ['POST', `/api/v1/networks/${secretNet.id}/invitations/link`, {}],
          ['POST', `/api/v1/networks/${secretNet.id}/invitations/email`, { email: 'canari@example.org' }],
          ['POST', `/api/v1/networks/${federation.id}/federation-requests/${secretNet.id}/accept`],
          ['POST', `/api/v1/networks/${federation.id}/federation-requests/${secretNet.id}/refuse`],
          ['DELETE', `/api/v1/networks/${secretNet.id}/children/${privateNet.id}`],
        ] as const) {
          const res = await client.request(method, path, body);
          expect([res.status, JSON.stringify(res.body)]).not.toEqual([expect.any(Number), expect.stringContaining(CANARY)]);
          expect(res.status).toBeGreaterThanOrEqual(400);
        }
      }
      // The member list of the secret network did not change through these attempts.
      const list = (await staff.client.get(`/api/v1/networks/${secretNet.id}/members`)).body as { companyId: string; status: string }[];
      expect(list.find((m) => m.companyId === roles.member!.companyId)?.status).toBe('active');
    });
  });
});
