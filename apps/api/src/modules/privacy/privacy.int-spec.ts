// Privacy over HTTP against a real database: consents to versioned legal texts, privacy settings honoured on every
// path that shows a person, data exports (a ZIP of one's own data only), account erasure ("Ancien membre" and canaries
// gone from every path), and the admin's account actions, audit log and retention purge.
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import * as OTPAuth from 'otpauth';
import { lastMail, PASSWORD, PNG, tokenOf, uniqueEmail } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { freshIp, networkWorld, type Person } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { DataExportsService } from './data-exports.service';
import { PrivacyAdminService } from './privacy-admin.service';

const V1 = '/api/v1';
const canary = (label: string) => `${label}${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describe('privacy (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
  });
  afterAll(() => app?.close());

  const text = async (client: HttpClient, path: string) => {
    const res = await client.get(V1 + path);
    expect([path, res.status < 500]).toEqual([path, true]);
    return typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  };
  /** Exports are built in the background at once: the client follows their progress, as the web page does. */
  const whenBuilt = async (client: HttpClient, id: string) => {
    for (let i = 0; i < 200; i++) {
      const view = (await client.get(`${V1}/privacy/exports/${id}`)).body;
      if (view.status !== 'pending' && view.status !== 'running') return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`export ${id} not built`);
  };
  const raw = async (client: HttpClient, path: string) => {
    const res = await fetch(app.url + V1 + path, { headers: { cookie: client.cookieHeader } });
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it('records the accepted versions at sign-up and asks again when a new version is published', async () => {
    const user = await world.person(false);
    expect((await user.client.put(`${V1}/legal/terms`, { body: '# CGU' })).status).toBe(403);
    expect((await app.client().get(`${V1}/legal/terms`)).status).toBe(404);
    expect((await world.admin.client.put(`${V1}/legal/terms`, { body: '# Conditions\n\nVersion **une**' })).status).toBe(200);
    expect((await world.admin.client.put(`${V1}/legal/privacy`, { body: '# Confidentialité' })).status).toBe(200);
    expect((await world.admin.client.put(`${V1}/legal/privacy`, { body: '' })).status).toBe(400);
    const terms = (await app.client().get(`${V1}/legal/terms`)).body;
    expect(terms).toMatchObject({ kind: 'terms', version: 1, html: expect.stringContaining('<strong>une</strong>') });
    expect((await app.client().get(`${V1}/legal`)).body).toEqual([
      { kind: 'privacy', version: 1 },
      { kind: 'terms', version: 1 },
    ]);

    // Sign-up with the versions shown on the form: nothing to ask at sign-in.
    const email = uniqueEmail('consent');
    const client = app.client(freshIp());
    expect(
      (
        await client.post(`${V1}/auth/signup`, {
          email,
          password: PASSWORD,
          firstName: 'Léa',
          lastName: 'Consent',
          consents: { terms: 1, privacy: 1 },
        })
      ).status,
    ).toBe(202);
    expect((await client.post(`${V1}/auth/verify`, { token: tokenOf((await lastMail(app, email)).link) })).status).toBe(200);
    expect((await client.get(`${V1}/auth/session`)).body.user.consentRequired).toBe(false);
    // Someone who never accepted (signed up through the API without the form) is asked.
    expect((await user.client.get(`${V1}/auth/session`)).body.user.consentRequired).toBe(true);

    // A new version of the terms: asked again; an outdated acceptance is refused and changes nothing.
    expect((await world.admin.client.put(`${V1}/legal/terms`, { body: '# Conditions v2' })).body.version).toBe(2);
    expect((await client.get(`${V1}/auth/session`)).body.user.consentRequired).toBe(true);
    const stale = await client.post(`${V1}/privacy/consents`, { terms: 1, privacy: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONSENT_OUTDATED']);
    expect((await client.get(`${V1}/privacy/consents`)).body.history).toHaveLength(2);
    const accepted = await client.post(`${V1}/privacy/consents`, { terms: 2, privacy: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.current).toEqual([
      { kind: 'privacy', version: 1, accepted: true },
      { kind: 'terms', version: 2, accepted: true },
    ]);
    expect((await client.get(`${V1}/auth/session`)).body.user.consentRequired).toBe(false);
    const audit = (await world.admin.client.get(`${V1}/admin/audit`)).body.items as { action: string }[];
    expect(audit.filter((a) => a.action === 'legal.publish')).toHaveLength(3);
  });

  it('honours privacy settings on every path that shows a person, e-mail and phone included', async () => {
    const net = (await world.createNetwork({ name: 'Club confidentiel' })).id;
    const alice = await world.person(true, 'Alice');
    const bob = await world.person(true, 'Bob');
    const colleague = await world.person(false, 'Chloé');
    await world.enrol(net, alice);
    await world.enrol(net, bob);
    // A colleague in Alice's company (company member lists show e-mails to colleagues).
    await alice.client.post(`${V1}/companies/${alice.companyId}/invitations`, { email: colleague.email, role: 'member' });
    expect(
      (await colleague.client.post(`${V1}/companies/invitations/accept`, { token: tokenOf((await lastMail(app, colleague.email)).link) }))
        .status,
    ).toBe(200);
    const phone = '+33 6 12 34 56 78';
    expect((await alice.client.patch(`${V1}/people/me`, { phone })).status).toBe(200);
    expect((await alice.client.patch(`${V1}/people/me`, { phone: 'call me' })).status).toBe(400);

    // Defaults: people of her networks see her e-mail and phone on her profile.
    expect((await bob.client.get(`${V1}/people/${alice.id}`)).body).toMatchObject({ email: alice.email, phone });
    const outsider = await world.person(false);
    expect((await outsider.client.get(`${V1}/people/${alice.id}`)).body).toMatchObject({ email: null, phone: null });

    // Bad input changes nothing.
    expect((await alice.client.patch(`${V1}/privacy/settings`, { emailVisibility: 'friends' })).status).toBe(400);
    expect((await alice.client.get(`${V1}/privacy/settings`)).body.emailVisibility).toBe('networks');

    const set = await alice.client.patch(`${V1}/privacy/settings`, {
      emailVisibility: 'nobody',
      phoneVisibility: 'nobody',
      inContactsSearch: false,
    });
    expect(set.body).toMatchObject({
      emailVisibility: 'nobody',
      phoneVisibility: 'nobody',
      inContactsSearch: false,
      profileVisibility: 'everyone',
    });
    // She still sees her own.
    expect((await alice.client.get(`${V1}/people/me`)).body).toMatchObject({ email: alice.email, phone });

    const category = (await world.staff.client.post(`${V1}/networks/${net}/forum/categories`, { name: 'Général' })).body.id;
    const topic = (
      await alice.client.post(`${V1}/networks/${net}/forum/topics`, {
        categoryId: category,
        title: 'Présentations',
        body: 'Bonjour à tous',
      })
    ).body;
    await app.running.app.get(SearchIndexer).drain();
    const paths = [
      `/people/${alice.id}`,
      `/companies/${alice.companyId}/members`,
      `/networks/${net}/people`,
      `/forum/topics/${topic.id}`,
      `/messaging/contacts?q=Alice`,
      `/networks/${net}/forum/mentions?q=Ali`,
    ];
    for (const reader of [bob, colleague, world.staff, outsider]) {
      for (const path of paths) {
        const body = await text(reader.client, path);
        expect([path, body.includes(alice.email) || body.includes('12 34 56 78')]).toEqual([path, false]);
      }
    }
    const csv = await world.staff.client.get(`${V1}/networks/${net}/members.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Alice');
    expect(csv.body).not.toContain(alice.email);
    expect(csv.body).toContain(bob.email);
    // Not found in contact search, still shown where she wrote.
    expect(JSON.parse(await text(bob.client, '/messaging/contacts?q=Alice'))).toEqual([]);
    expect(JSON.parse(await text(bob.client, `/networks/${net}/forum/mentions?q=Ali`))).toEqual([]);
    expect(await text(bob.client, `/forum/topics/${topic.id}`)).toContain('Alice');

    // "Members of my networks" only: an outsider no longer finds her profile; a network peer does.
    await alice.client.patch(`${V1}/privacy/settings`, { profileVisibility: 'networks', inPublicMemberLists: false });
    expect((await outsider.client.get(`${V1}/people/${alice.id}`)).status).toBe(404);
    expect((await bob.client.get(`${V1}/people/${alice.id}`)).status).toBe(200);
    // Out of the people list of a public network, except for the host's staff.
    expect(await text(bob.client, `/networks/${net}/people`)).not.toContain(alice.id);
    expect(await text(world.staff.client, `/networks/${net}/people`)).toContain(alice.id);
  });

  it('exports a person’s own data as a ZIP by an expiring link, and nobody else’s', async () => {
    const net = (await world.createNetwork({ name: 'Club export' })).id;
    const alice: Person = await world.person(true, 'Alice');
    const bob: Person = await world.person(true, 'Bob');
    await world.enrol(net, alice);
    await world.enrol(net, bob);
    const mine = canary('MonMessage');
    const bobs = canary('MessageDeBob');
    const category = (await world.staff.client.post(`${V1}/networks/${net}/forum/categories`, { name: 'Général' })).body.id;
    const topic = (
      await alice.client.post(`${V1}/networks/${net}/forum/topics`, { categoryId: category, title: 'Export', body: `Mon texte ${mine}` })
    ).body;
    expect((await bob.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: `Réponse ${bobs} ${bob.email}` })).status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'plan-alice.png');
    expect((await alice.client.request('POST', `${V1}/networks/${net}/documents`, undefined, { raw: form })).status).toBe(201);
    expect((await alice.client.upload(`${V1}/people/me/photo`, PNG, 'portrait.png', 'image/png')).status).toBe(201);
    const conversation = await bob.client.post(`${V1}/conversations`, { kind: 'direct', personId: alice.id });
    expect(conversation.status).toBeLessThan(300);
    expect(
      (await bob.client.post(`${V1}/conversations/${conversation.body.id}/messages`, { clientId: randomUUID(), body: `Privé ${bobs}` }))
        .status,
    ).toBe(201);
    expect(
      (await alice.client.post(`${V1}/conversations/${conversation.body.id}/messages`, { clientId: randomUUID(), body: `Réponse ${mine}` }))
        .status,
    ).toBe(201);

    expect((await app.client().post(`${V1}/privacy/exports`)).status).toBe(401);
    const requested = await alice.client.post(`${V1}/privacy/exports`);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ status: 'pending', progress: 0, downloadUrl: null });
    const ready = await whenBuilt(alice.client, requested.body.id);
    expect(ready).toMatchObject({ status: 'ready', progress: 100, downloadUrl: `/api/v1/privacy/exports/${requested.body.id}/download` });
    const mail = await lastMail(app, alice.email);
    expect(mail.template).toBe('data-export-ready');
    const token = tokenOf(mail.link);

    // Foreign and wrong links: 404, as for a missing export.
    expect((await raw(bob.client, `/privacy/exports/${requested.body.id}/download?token=${token}`)).status).toBe(404);
    expect((await bob.client.get(`${V1}/privacy/exports/${requested.body.id}`)).status).toBe(404);
    expect((await raw(alice.client, `/privacy/exports/${requested.body.id}/download?token=${'x'.repeat(43)}`)).status).toBe(404);
    const zip = await raw(alice.client, `/privacy/exports/${requested.body.id}/download?token=${token}`);
    expect(zip.status).toBe(200);
    const files = unzipSync(zip.bytes);
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining([
        'compte/compte.json',
        'compte/fichiers/photo-portrait.png',
        'forums/forums.json',
        'forums/messages.csv',
        'documents/fichiers/v1-plan-alice.png',
        'confidentialite/confidentialite.json',
        'LISEZ-MOI.txt',
      ]),
    );
    expect(Buffer.from(files['documents/fichiers/v1-plan-alice.png']).equals(PNG)).toBe(true);
    const all = names
      .filter((n) => /\.(json|csv|txt)$/.test(n))
      .map((n) => strFromU8(files[n]))
      .join('\n');
    expect(all).toContain(mine);
    expect(all).toContain(alice.email);
    // The canary of another person's content and another person's e-mail are not hers.
    expect(all).not.toContain(bobs);
    expect(all).not.toContain(bob.email);

    // Expired: 410, and the link stays dead.
    await app.db.query("UPDATE data_exports SET expires_at = now() - interval '1 minute' WHERE id = $1", [requested.body.id]);
    expect((await raw(alice.client, `/privacy/exports/${requested.body.id}/download?token=${token}`)).status).toBe(410);
    const [{ file_id: fileId }] = await app.db.query('SELECT file_id FROM data_exports WHERE id = $1', [requested.body.id]);
    expect(await app.running.app.get(DataExportsService).expire()).toBe(1);
    expect((await alice.client.get(`${V1}/privacy/exports/${requested.body.id}`)).body.status).toBe('expired');
    // The ZIP itself is deleted.
    expect(await app.db.query('SELECT id FROM files WHERE id = $1', [fileId])).toEqual([]);
  });

  it('erases an account: a clear 4xx first, then "Ancien membre" and no canary through any path', async () => {
    const net = (await world.createNetwork({ name: 'Club effacement' })).id;
    const first = canary('Prénom');
    const last = canary('Nom');
    const bio = canary('Bio');
    const alice = await world.person(true, first);
    const bob = await world.person(true, 'Bob');
    await world.enrol(net, alice);
    await world.enrol(net, bob);
    await alice.client.patch(`${V1}/people/me`, { lastName: last, bio, isExpert: true, jobTitle: `${bio} titre` });
    // Bob joins Alice's company: she is its only owner.
    await alice.client.post(`${V1}/companies/${alice.companyId}/invitations`, { email: bob.email, role: 'member' });
    expect(
      (await bob.client.post(`${V1}/companies/invitations/accept`, { token: tokenOf((await lastMail(app, bob.email)).link) })).status,
    ).toBe(200);
    const category = (await world.staff.client.post(`${V1}/networks/${net}/forum/categories`, { name: 'Général' })).body.id;
    const topic = (
      await alice.client.post(`${V1}/networks/${net}/forum/topics`, { categoryId: category, title: 'Au revoir', body: 'Je pars bientôt' })
    ).body;
    // Bob's reply mentions her: her name stands in his post until she is erased.
    await bob.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: `Bon vent @[${first} ${last}](person:${alice.id})` });
    expect(await text(bob.client, `/forum/topics/${topic.id}`)).toContain(first);
    await app.running.app.get(SearchIndexer).drain();
    expect(await text(bob.client, `/search?q=${bio}`)).toContain(first);

    // She signs in with a second factor too.
    const enrolment = await alice.client.post(`${V1}/auth/two-factor/enrolment`);
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrolment.body.secret), digits: 6, period: 30 }).generate();
    expect((await alice.client.post(`${V1}/auth/two-factor/enrolment/confirm`, { code })).status).toBe(200);

    const wrong = await alice.client.post(`${V1}/privacy/account/delete`, { password: 'not the password at all' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'INVALID_CREDENTIALS']);
    const owner = await alice.client.post(`${V1}/privacy/account/delete`, { password: PASSWORD });
    expect([owner.status, owner.body.code]).toEqual([409, 'ONLY_OWNER']);
    expect((await alice.client.get(`${V1}/people/me`)).body.firstName).toBe(first);

    // Another owner first; then the erasure goes through and the session ends.
    expect((await alice.client.patch(`${V1}/companies/${alice.companyId}/members/${bob.id}`, { role: 'owner' })).status).toBe(200);
    expect((await alice.client.post(`${V1}/privacy/account/delete`, { password: PASSWORD })).status).toBe(204);
    expect((await alice.client.get(`${V1}/auth/me`)).status).toBe(401);
    expect((await app.client(freshIp()).post(`${V1}/auth/login`, { email: alice.email, password: PASSWORD })).status).toBe(401);
    await app.running.app.get(SearchIndexer).drain();

    const page = (await bob.client.get(`${V1}/forum/topics/${topic.id}`)).body;
    expect(page.topic.author).toMatchObject({ firstName: 'Ancien', lastName: 'membre' });
    const paths = [
      `/forum/topics/${topic.id}`,
      `/networks/${net}/forum/topics`,
      `/companies/${bob.companyId}/members`,
      `/companies/${alice.companyId}/members`,
      `/networks/${net}/people`,
      `/people/${alice.id}`,
      `/search?q=${bio}`,
      `/search?q=${first}&kind=expert`,
      `/search/suggest?q=${first}`,
      `/messaging/contacts?q=${first}`,
      `/notifications`,
      `/admin/users?q=${first}`,
      `/admin/users?q=${alice.email}`,
    ];
    const leaks: string[] = [];
    for (const reader of [bob, world.staff, world.admin]) {
      for (const path of paths) {
        const body = await text(reader.client, path);
        if ([first, last, bio, alice.email].some((c) => body.includes(c))) leaks.push(path);
      }
    }
    const csv = await world.staff.client.get(`${V1}/networks/${net}/members.csv`);
    if ([first, last, alice.email].some((c) => String(csv.body).includes(c))) leaks.push('csv');
    const mails: { n: number }[] = await app.db.query(
      'SELECT count(*)::int AS n FROM mail_outbox WHERE "to" = $1 OR text LIKE $2 OR text LIKE $3 OR html LIKE $2',
      [alice.email, `%${first}%`, `%${alice.email}%`],
    );
    expect(mails[0].n).toBe(0);
    expect(leaks).toEqual([]);
    // Nothing is left to sign in with: no second factor, no link to an organisation's identity provider.
    const factors: { n: number }[] = await app.db.query(
      `SELECT (SELECT count(*) FROM two_factor_credentials WHERE person_id = $1) + (SELECT count(*) FROM two_factor_recovery_codes WHERE person_id = $1)
            + (SELECT count(*) FROM sso_identities WHERE person_id = $1) AS n`,
      [alice.id],
    );
    expect(Number(factors[0].n)).toBe(0);
    // An erased account cannot be erased, suspended or exported again.
    expect((await world.admin.client.post(`${V1}/admin/users/${alice.id}/delete`, {})).status).toBe(404);
    expect((await world.admin.client.post(`${V1}/admin/users/${alice.id}/export`)).status).toBe(404);
  });

  it('lets admins suspend, reactivate, delete and export accounts, logged; retention purges old mails and sessions', async () => {
    const carol = await world.person(false, 'Carole');
    const dan = await world.person(false, 'Dan');
    expect((await dan.client.post(`${V1}/admin/users/${carol.id}/suspend`)).status).toBe(403);
    expect((await world.admin.client.post(`${V1}/admin/users/${carol.id}/suspend`)).status).toBe(204);
    expect((await carol.client.get(`${V1}/auth/me`)).status).toBe(401);
    const login = await app.client(freshIp()).post(`${V1}/auth/login`, { email: carol.email, password: PASSWORD });
    expect([login.status, login.body.code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
    expect((await world.admin.client.get(`${V1}/admin/users?q=${carol.email}`)).body.items[0].suspended).toBe(true);
    expect((await world.admin.client.post(`${V1}/admin/users/${carol.id}/reactivate`)).status).toBe(204);
    expect((await app.client(freshIp()).post(`${V1}/auth/login`, { email: carol.email, password: PASSWORD })).status).toBe(200);
    expect((await world.admin.client.post(`${V1}/admin/users/${world.admin.id}/suspend`)).status).toBe(400);

    // An export for a request received by post: the admin downloads it, the person cannot use the admin's.
    const exported = await world.admin.client.post(`${V1}/admin/users/${dan.id}/export`);
    expect(exported.status).toBe(202);
    await whenBuilt(world.admin.client, exported.body.id);
    expect((await raw(world.admin.client, `/privacy/exports/${exported.body.id}/download`)).status).toBe(200);
    expect((await raw(dan.client, `/privacy/exports/${exported.body.id}/download`)).status).toBe(404);
    expect((await world.admin.client.post(`${V1}/admin/users/${dan.id}/delete`, { deleteForumPosts: 'yes' })).status).toBe(400);
    expect((await world.admin.client.post(`${V1}/admin/users/${dan.id}/delete`, {})).status).toBe(204);

    const audit = (await world.admin.client.get(`${V1}/admin/audit?pageSize=100`)).body.items as {
      action: string;
      targetPersonId: string | null;
    }[];
    expect(audit.filter((a) => a.targetPersonId === carol.id).map((a) => a.action)).toEqual(['user.reactivate', 'user.suspend']);
    expect(audit.filter((a) => a.targetPersonId === dan.id).map((a) => a.action)).toEqual(['user.delete', 'user.export']);

    expect((await world.admin.client.put(`${V1}/admin/retention`, { outboxDays: 0, endedSessionsDays: 30 })).status).toBe(400);
    expect((await world.admin.client.get(`${V1}/admin/retention`)).body).toEqual({ outboxDays: 90, endedSessionsDays: 30 });
    expect((await world.admin.client.put(`${V1}/admin/retention`, { outboxDays: 10, endedSessionsDays: 5 })).body).toEqual({
      outboxDays: 10,
      endedSessionsDays: 5,
    });
    await app.db.query("UPDATE mail_outbox SET created_at = now() - interval '11 days', status = 'sent' WHERE \"to\" = $1", [carol.email]);
    await app.db.query("UPDATE sessions SET expires_at = now() - interval '6 days' WHERE person_id = $1", [carol.id]);
    const purged = await app.running.app.get(PrivacyAdminService).purge();
    expect(purged.mails).toBeGreaterThan(0);
    expect(purged.sessions).toBeGreaterThan(0);
    expect((await app.db.query('SELECT count(*)::int AS n FROM mail_outbox WHERE "to" = $1', [carol.email]))[0].n).toBe(0);
  });

  it('lets a company leave the platform by one of its owners, who confirms with their password', async () => {
    // Letters only: a company's name is searched as words.
    const name = `Scierie${canary('').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)])}`;
    const owner = await world.person(true, 'Olivia');
    const member = await world.person(false, 'Marc');
    expect((await owner.client.patch(`${V1}/companies/${owner.companyId}`, { tradeName: name })).status).toBe(200);
    await owner.client.post(`${V1}/companies/${owner.companyId}/invitations`, { email: member.email, role: 'member' });
    expect(
      (await member.client.post(`${V1}/companies/invitations/accept`, { token: tokenOf((await lastMail(app, member.email)).link) })).status,
    ).toBe(200);
    await app.running.app.get(SearchIndexer).drain();
    expect(await text(member.client, `/search?q=${name}`)).toContain(owner.companyId);

    expect((await member.client.post(`${V1}/companies/${owner.companyId}/leave-platform`, { password: PASSWORD })).status).toBe(403);
    const stranger = await world.person(false);
    expect((await stranger.client.post(`${V1}/companies/${owner.companyId}/leave-platform`, { password: PASSWORD })).status).toBe(404);
    const wrong = await owner.client.post(`${V1}/companies/${owner.companyId}/leave-platform`, { password: 'not the password at all' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'INVALID_CREDENTIALS']);
    expect((await app.client().get(`${V1}/companies/${owner.companyId}`)).status).toBe(200);

    expect((await owner.client.post(`${V1}/companies/${owner.companyId}/leave-platform`, { password: PASSWORD })).status).toBe(204);
    await app.running.app.get(SearchIndexer).drain();
    expect((await app.client().get(`${V1}/companies/${owner.companyId}`)).status).toBe(404);
    expect(await text(member.client, `/search?q=${name}`)).not.toContain(name);
    expect(await text(member.client, `/search/suggest?q=${name}`)).not.toContain(name);
    // Its people keep their accounts.
    expect((await member.client.get(`${V1}/people/me`)).status).toBe(200);
  });

  it('applies the role × endpoint matrix to the privacy endpoints', async () => {
    const user = await world.person(false);
    const other = await world.person(false);
    const exp = (await other.client.post(`${V1}/privacy/exports`)).body.id as string;
    const who: Record<string, HttpClient> = { anonymous: app.client(), user: user.client, admin: world.admin.client };
    const routes: [string, (c: HttpClient) => Promise<{ status: number }>][] = [
      ['GET settings', (c) => c.get(`${V1}/privacy/settings`)],
      ['PATCH settings', (c) => c.patch(`${V1}/privacy/settings`, { inContactsSearch: true })],
      ['GET consents', (c) => c.get(`${V1}/privacy/consents`)],
      ['GET legal', (c) => c.get(`${V1}/legal/privacy`)],
      ['PUT legal', (c) => c.put(`${V1}/legal/privacy`, { body: '# Politique' })],
      ['GET exports', (c) => c.get(`${V1}/privacy/exports`)],
      ['GET other export', (c) => c.get(`${V1}/privacy/exports/${exp}`)],
      ['GET audit', (c) => c.get(`${V1}/admin/audit`)],
      ['GET retention', (c) => c.get(`${V1}/admin/retention`)],
      ['suspend other', (c) => c.post(`${V1}/admin/users/${other.id}/reactivate`)],
      ['export other', (c) => c.post(`${V1}/admin/users/${randomUUID()}/export`)],
    ];
    const expected: Record<string, number[]> = {
      //          gSet pSet cons legal putL exps other audit ret susp exp
      anonymous: [401, 401, 401, 200, 401, 401, 401, 401, 401, 401, 401],
      user: [200, 200, 200, 200, 403, 200, 404, 403, 403, 403, 403],
      admin: [200, 200, 200, 200, 200, 200, 404, 200, 200, 204, 404],
    };
    const actual: Record<string, number[]> = {};
    for (const [name, client] of Object.entries(who)) {
      actual[name] = [];
      for (const [, call] of routes) actual[name].push((await call(client)).status);
    }
    expect(actual).toEqual(expected);
  });
});
