import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { lastMail, signedInUser, tokenOf, uniqueEmail } from '../../../test/fixtures';
import { freshIp, freshSiret, networkWorld, type Person } from '../../../test/network-world';

describe('network invitations and membership notifications (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let staff: Person;
  const person = (withCompany = true) => world.person(withCompany);

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  /** The networks' mails written to an address since `since`. */
  const mailsTo = async (email: string, since: Date): Promise<{ template: string; subject: string; text: string; html: string }[]> =>
    app.db.query(
      'SELECT template, subject, text, html FROM mail_outbox WHERE "to" = $1 AND created_at >= $2 AND template LIKE \'network-%\' ORDER BY created_at',
      [email, since],
    );
  /** The database's clock (mails are stamped by it). */
  const dbNow = async (): Promise<Date> => (await app.db.query('SELECT clock_timestamp() AS t'))[0].t;
  const statusOf = async (networkId: string, companyId: string | null) =>
    (await app.db.query('SELECT status FROM network_memberships WHERE network_id = $1 AND company_id = $2', [networkId, companyId]))[0]
      ?.status ?? null;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    ({ staff } = world);
  });
  afterAll(() => app.close());

  describe('by e-mail', () => {
    it('invites an address without an account; once signed up with a company, that person picks the company that joins', async () => {
      const net = await world.createNetwork({ name: 'Club invitation e-mail', visibility: 'secret', joinPolicy: 'invitation' });
      const email = uniqueEmail('invitee');
      const sent = await staff.client.post(`/api/v1/networks/${net.id}/invitations/email`, { email: `  ${email.toUpperCase()} ` });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ kind: 'email', email, maxUses: 1, uses: 0, createdById: staff.id });
      expect(sent.body.url).toBeUndefined();
      const mail = await lastMail(app, email);
      expect(mail.template).toBe('network-invitation');
      expect(mail.subject).toContain('Club invitation e-mail');
      expect(mail.html).toContain('Accepter l’invitation');
      const token = tokenOf(mail.link);
      expect(mail.link).toContain('/invitations/reseau?token=');
      // Only the hash is stored.
      expect(JSON.stringify(await app.db.query('SELECT * FROM network_invitations WHERE network_id = $1', [net.id]))).not.toContain(token);

      // Anyone holding the token sees what it opens; a signed-in person also sees their companies.
      const anonymous = await app.client().post('/api/v1/networks/invitations/preview', { token });
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({
        kind: 'email',
        forYou: null,
        companies: [],
        network: { id: net.id, name: 'Club invitation e-mail', visibility: 'secret' },
      });

      // The wrong person cannot use it, and it stays usable for the right one.
      const intruder = await person();
      expect((await intruder.client.post('/api/v1/networks/invitations/preview', { token })).body).toMatchObject({
        forYou: false,
        companies: [{ companyId: intruder.companyId, status: null }],
      });
      const wrong = await intruder.client.post('/api/v1/networks/invitations/accept', { token, companyId: intruder.companyId });
      expect([wrong.status, wrong.body.code]).toEqual([400, 'INVALID_TOKEN']);
      expect(await statusOf(net.id, intruder.companyId)).toBeNull();

      // The invitee signs up (no company yet), adds the company, then accepts for it.
      const invitee = await signedInUser(app, { email, ip: freshIp() });
      expect((await invitee.client.post('/api/v1/networks/invitations/preview', { token })).body).toMatchObject({
        forYou: true,
        companies: [],
      });
      expect((await invitee.client.get(`/api/v1/networks/${net.id}`)).status).toBe(404);
      expect((await invitee.client.post('/api/v1/networks/invitations/accept', { token, companyId: intruder.companyId })).status).toBe(403);
      const company = await invitee.client.post('/api/v1/companies', { siret: freshSiret(), legalName: 'Nouvelle Entreprise Invitée' });
      expect(company.status).toBe(201);
      const accepted = await invitee.client.post('/api/v1/networks/invitations/accept', { token, companyId: company.body.id });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        id: net.id,
        myMemberships: [{ companyId: company.body.id, role: 'member', status: 'active' }],
      });
      expect((await invitee.client.get(`/api/v1/networks/${net.id}/members`)).status).toBe(200);

      // Used: neither the invitee nor anyone else can use it again.
      expect((await invitee.client.post('/api/v1/networks/invitations/accept', { token, companyId: company.body.id })).body.code).toBe(
        'INVALID_TOKEN',
      );
      expect((await app.client().post('/api/v1/networks/invitations/preview', { token })).status).toBe(400);
      const history = (await staff.client.get(`/api/v1/networks/${net.id}/history`)).body as {
        companyId: string;
        action: string;
        actorId: string;
      }[];
      expect(history.map((e) => [e.companyId, e.action, e.actorId])).toEqual([[company.body.id, 'accept_invitation', invitee.id]]);
      expect((await staff.client.get(`/api/v1/networks/${net.id}/invitations`)).body).toEqual([]);
    });

    it('refuses expired, revoked, replaced and malformed invitations; a banned company stays out', async () => {
      const net = await world.createNetwork({ name: 'Club invitations refusées', joinPolicy: 'invitation' });
      const invitee = await person();
      const invite = async () => {
        const res = await staff.client.post(`/api/v1/networks/${net.id}/invitations/email`, { email: invitee.email });
        expect(res.status).toBe(201);
        return { id: res.body.id as string, token: tokenOf((await lastMail(app, invitee.email)).link) };
      };
      const accept = (token: string) => invitee.client.post('/api/v1/networks/invitations/accept', { token, companyId: invitee.companyId });

      const expired = await invite();
      await app.db.query("UPDATE network_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [expired.id]);
      expect((await accept(expired.token)).body.code).toBe('INVALID_TOKEN');

      const revoked = await invite();
      expect((await invitee.client.delete(`/api/v1/networks/${net.id}/invitations/${revoked.id}`)).status).toBe(403);
      expect((await staff.client.delete(`/api/v1/networks/${net.id}/invitations/${revoked.id}`)).status).toBe(204);
      expect((await staff.client.delete(`/api/v1/networks/${net.id}/invitations/${revoked.id}`)).status).toBe(404);
      expect((await accept(revoked.token)).body.code).toBe('INVALID_TOKEN');

      // A new invitation to the same address replaces the unused one.
      const first = await invite();
      const second = await invite();
      expect((await accept(first.token)).body.code).toBe('INVALID_TOKEN');
      expect((await staff.client.get(`/api/v1/networks/${net.id}/invitations`)).body.map((i: { id: string }) => i.id)).toEqual([second.id]);

      expect(
        (await invitee.client.post('/api/v1/networks/invitations/accept', { token: 'x'.repeat(43), companyId: invitee.companyId })).status,
      ).toBe(400);
      for (const body of [
        {},
        { token: second.token },
        { token: second.token, companyId: 'nope' },
        { token: 'short', companyId: invitee.companyId },
        { token: second.token, companyId: invitee.companyId, extra: 1 },
      ]) {
        expect((await invitee.client.post('/api/v1/networks/invitations/accept', body)).status).toBe(400);
      }
      expect(
        (await app.client().post('/api/v1/networks/invitations/accept', { token: second.token, companyId: invitee.companyId })).status,
      ).toBe(401);

      // Banned: the invitation does not bring the company back.
      await world.enrol(net.id, invitee);
      expect((await accept(second.token)).status).toBe(409);
      expect((await staff.client.post(`/api/v1/networks/${net.id}/members/${invitee.companyId}/ban`)).status).toBe(200);
      expect((await accept(second.token)).status).toBe(403);
      expect(await statusOf(net.id, invitee.companyId)).toBe('banned');
      expect((await staff.client.get(`/api/v1/networks/${net.id}/invitations`)).body).toHaveLength(1);
    });

    it('validates the address and writes nothing on bad input', async () => {
      const net = await world.createNetwork({ name: 'Club validation invitations' });
      const before = [await count('network_invitations'), await count('mail_outbox')];
      for (const body of [
        {},
        { email: 'pas-une-adresse' },
        { email: 42 },
        { email: `${'a'.repeat(250)}@x.fr` },
        { email: 'a@b.fr', role: 'admin' },
      ]) {
        const res = await staff.client.post(`/api/v1/networks/${net.id}/invitations/email`, body);
        expect([res.status, body]).toEqual([400, body]);
      }
      expect((await staff.client.post(`/api/v1/networks/${randomUUID()}/invitations/email`, { email: 'a@b.fr' })).status).toBe(404);
      expect([await count('network_invitations'), await count('mail_outbox')]).toEqual(before);
    });
  });

  describe('by shareable link', () => {
    it('lets anyone with the link and a company join, up to the maximum number of uses', async () => {
      const net = await world.createNetwork({ name: 'Club lien', visibility: 'private', joinPolicy: 'invitation' });
      const expiresAt = new Date(Date.now() + 7 * 86400_000).toISOString();
      const created = await staff.client.post(`/api/v1/networks/${net.id}/invitations/link`, { expiresAt, maxUses: 2 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'link', email: null, maxUses: 2, uses: 0, expiresAt });
      const token = tokenOf(created.body.url);
      expect((await staff.client.get(`/api/v1/networks/${net.id}/invitations`)).body).toEqual([
        expect.not.objectContaining({ url: expect.anything() }),
      ]);

      const [a, b, c] = [await person(), await person(), await person()];
      for (const who of [a, b]) {
        const res = await who.client.post('/api/v1/networks/invitations/accept', { token, companyId: who.companyId });
        expect(res.status).toBe(200);
        expect(res.body.myMemberships).toEqual([{ companyId: who.companyId, role: 'member', status: 'active' }]);
      }
      expect((await c.client.post('/api/v1/networks/invitations/accept', { token, companyId: c.companyId })).body.code).toBe(
        'INVALID_TOKEN',
      );
      expect(await statusOf(net.id, c.companyId)).toBeNull();
      expect((await staff.client.get(`/api/v1/networks/${net.id}/invitations`)).body).toEqual([]);
      expect((await staff.client.delete(`/api/v1/networks/${net.id}/invitations/${created.body.id}`)).status).toBe(404);
      const history = (await staff.client.get(`/api/v1/networks/${net.id}/history`)).body as { action: string }[];
      expect(history.map((e) => e.action)).toEqual(['join_by_link', 'join_by_link']);
    });

    it('joins an approval network directly; refuses revoked and expired links and already-active companies', async () => {
      const net = await world.createNetwork({ name: 'Club lien sur demande', joinPolicy: 'approval' });
      const link = async (body: Record<string, unknown> = {}) => {
        const res = await staff.client.post(`/api/v1/networks/${net.id}/invitations/link`, body);
        expect(res.status).toBe(201);
        return { id: res.body.id as string, token: tokenOf(res.body.url) };
      };
      const pending = await person();
      await pending.client.post(`/api/v1/networks/${net.id}/join`, { companyId: pending.companyId });
      expect(await statusOf(net.id, pending.companyId)).toBe('pending');
      const open = await link();
      expect(
        (await pending.client.post('/api/v1/networks/invitations/accept', { token: open.token, companyId: pending.companyId })).status,
      ).toBe(200);
      expect(await statusOf(net.id, pending.companyId)).toBe('active');
      // Already active: a 409, and the use is not counted.
      expect(
        (await pending.client.post('/api/v1/networks/invitations/accept', { token: open.token, companyId: pending.companyId })).status,
      ).toBe(409);
      expect((await app.db.query('SELECT uses FROM network_invitations WHERE id = $1', [open.id]))[0].uses).toBe(1);

      const other = await person();
      const revoked = await link();
      expect((await staff.client.delete(`/api/v1/networks/${net.id}/invitations/${revoked.id}`)).status).toBe(204);
      expect(
        (await other.client.post('/api/v1/networks/invitations/accept', { token: revoked.token, companyId: other.companyId })).body.code,
      ).toBe('INVALID_TOKEN');
      const expired = await link({ expiresAt: new Date(Date.now() + 60_000).toISOString() });
      await app.db.query("UPDATE network_invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.id]);
      expect((await other.client.post('/api/v1/networks/invitations/preview', { token: expired.token })).body.code).toBe('INVALID_TOKEN');
      expect(
        (await other.client.post('/api/v1/networks/invitations/accept', { token: expired.token, companyId: other.companyId })).body.code,
      ).toBe('INVALID_TOKEN');
      expect(await statusOf(net.id, other.companyId)).toBeNull();

      // Someone who does not act for the company (a colleague with the member role) cannot use a link for it.
      const colleague = await signedInUser(app, { ip: freshIp() });
      await app.db.query("INSERT INTO company_members (company_id, person_id, role) VALUES ($1, $2, 'member')", [
        other.companyId,
        colleague.id,
      ]);
      expect(
        (await colleague.client.post('/api/v1/networks/invitations/accept', { token: open.token, companyId: other.companyId })).status,
      ).toBe(403);
    });

    it('never lets concurrent uses go beyond the maximum (no 500)', async () => {
      const net = await world.createNetwork({ name: 'Club lien concurrent', joinPolicy: 'invitation' });
      const created = await staff.client.post(`/api/v1/networks/${net.id}/invitations/link`, { maxUses: 2 });
      const token = tokenOf(created.body.url);
      const people = [await person(), await person(), await person(), await person(), await person()];
      const results = await Promise.all(
        people.map((who) => who.client.post('/api/v1/networks/invitations/accept', { token, companyId: who.companyId })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 400, 400, 400]);
      const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM network_memberships WHERE network_id = $1 AND status = 'active'", [
        net.id,
      ]);
      expect(n).toBe(2);
      expect((await app.db.query('SELECT uses FROM network_invitations WHERE id = $1', [created.body.id]))[0].uses).toBe(2);
    });

    it('validates links and writes nothing on bad input', async () => {
      const net = await world.createNetwork({ name: 'Club validation liens' });
      const before = await count('network_invitations');
      const past = new Date(Date.now() - 60_000).toISOString();
      const tooFar = new Date(Date.now() + 400 * 86400_000).toISOString();
      for (const body of [
        { expiresAt: past },
        { expiresAt: tooFar },
        { expiresAt: 'demain' },
        { expiresAt: 12 },
        { maxUses: 0 },
        { maxUses: 1.5 },
        { maxUses: '3' },
        { maxUses: 10001 },
        { uses: 3 },
      ]) {
        const res = await staff.client.post(`/api/v1/networks/${net.id}/invitations/link`, body);
        expect([res.status, body]).toEqual([400, body]);
      }
      expect(await count('network_invitations')).toBe(before);
      const unlimited = await staff.client.post(`/api/v1/networks/${net.id}/invitations/link`, { expiresAt: null, maxUses: null });
      expect(unlimited.body).toMatchObject({ expiresAt: null, maxUses: null });
    });
  });

  describe('a company is the member and its people follow', () => {
    it('gives the company’s people access while they belong to it', async () => {
      const net = await world.createNetwork({ name: 'Club des gens', visibility: 'private' });
      const owner = await person();
      await world.enrol(net.id, owner);
      const colleague = await signedInUser(app, { ip: freshIp() });
      expect((await colleague.client.get(`/api/v1/networks/${net.id}/members`)).status).toBe(404);
      const invite = await owner.client.post(`/api/v1/companies/${owner.companyId}/invitations`, {
        email: colleague.email,
        role: 'member',
      });
      expect(invite.status).toBe(201);
      expect(
        (
          await colleague.client.post('/api/v1/companies/invitations/accept', {
            token: tokenOf((await lastMail(app, colleague.email)).link),
          })
        ).status,
      ).toBe(200);
      expect((await colleague.client.get(`/api/v1/networks/${net.id}/members`)).status).toBe(200);
      expect((await colleague.client.get(`/api/v1/networks/${net.id}`)).body.myMemberships).toEqual([
        { companyId: owner.companyId, role: 'member', status: 'active' },
      ]);
      // A member of the company (not owner/admin) does not act for it in the network.
      expect((await colleague.client.delete(`/api/v1/networks/${net.id}/members/${owner.companyId}`)).status).toBe(404);
      expect((await owner.client.delete(`/api/v1/companies/${owner.companyId}/members/${colleague.id}`)).status).toBe(204);
      expect((await colleague.client.get(`/api/v1/networks/${net.id}/members`)).status).toBe(404);
    });
  });

  describe('notifications', () => {
    it('tells the managers of a request and the company of the decision, nobody else', async () => {
      const net = await world.createNetwork({ name: 'Club notifié', visibility: 'private', joinPolicy: 'approval' });
      const animator = await person();
      const moderator = await person();
      const member = await person();
      const otherAnimator = await person();
      await world.enrol(net.id, animator, 'animator');
      await world.enrol(net.id, moderator, 'moderator');
      await world.enrol(net.id, member);
      const elsewhere = await world.createNetwork({ name: 'Club ailleurs' });
      await world.enrol(elsewhere.id, otherAnimator, 'animator');
      const applicant = await person();
      const applicantAdmin = await signedInUser(app, { ip: freshIp() });
      await app.db.query("INSERT INTO company_members (company_id, person_id, role) VALUES ($1, $2, 'admin')", [
        applicant.companyId,
        applicantAdmin.id,
      ]);
      const applicantColleague = await signedInUser(app, { ip: freshIp() });
      await app.db.query("INSERT INTO company_members (company_id, person_id, role) VALUES ($1, $2, 'member')", [
        applicant.companyId,
        applicantColleague.id,
      ]);
      const since = await dbNow();
      const companyName = `Entreprise ${applicant.id.slice(0, 8)}`;

      expect(
        (await applicant.client.post(`/api/v1/networks/${net.id}/join`, { companyId: applicant.companyId, message: 'Message privé' }))
          .status,
      ).toBe(201);
      for (const who of [staff, animator]) {
        const mails = await mailsTo(who.email, since);
        expect(mails.map((m) => m.template)).toEqual(['network-membership-request']);
        expect(mails[0].subject).toBe(`${companyName} demande à rejoindre Club notifié`);
        expect(mails[0].text).toContain(`/reseaux/${net.id}/membres`);
        expect(mails[0].text).not.toContain('Message privé');
      }
      for (const who of [moderator, member, otherAnimator, world.admin, applicant]) expect(await mailsTo(who.email, since)).toEqual([]);

      expect((await animator.client.post(`/api/v1/networks/${net.id}/members/${applicant.companyId}/approve`)).status).toBe(200);
      for (const email of [applicant.email, applicantAdmin.email]) {
        expect((await mailsTo(email, since)).map((m) => [m.template, m.subject])).toEqual([
          ['network-membership-approved', 'Bienvenue dans Club notifié'],
        ]);
      }
      expect(await mailsTo(applicantColleague.email, since)).toEqual([]);
      // The manager who decided is not told of their own decision; the others are not told of it either.
      for (const who of [staff, animator, member])
        expect((await mailsTo(who.email, since)).map((m) => m.template)).not.toContain('network-membership-approved');

      const refused = await person();
      await refused.client.post(`/api/v1/networks/${net.id}/join`, { companyId: refused.companyId });
      expect((await staff.client.post(`/api/v1/networks/${net.id}/members/${refused.companyId}/reject`)).status).toBe(200);
      expect((await mailsTo(refused.email, since)).map((m) => m.template)).toEqual(['network-membership-rejected']);
    });

    it('never mails the name of a network that became secret to a company that may no longer see it', async () => {
      const name = `Réseau discret ${randomUUID()}`;
      const net = await world.createNetwork({ name, joinPolicy: 'approval' });
      const applicant = await person();
      await applicant.client.post(`/api/v1/networks/${net.id}/join`, { companyId: applicant.companyId });
      const card = (await staff.client.get(`/api/v1/networks/${net.id}`)).body;
      const update = {
        name,
        type: card.type,
        visibility: 'secret',
        joinPolicy: 'approval',
        maturity: card.maturity,
        hostOrganizationId: card.hostOrganizationId,
      };
      expect((await staff.client.put(`/api/v1/networks/${net.id}`, update)).status).toBe(200);
      const since = await dbNow();
      expect((await staff.client.post(`/api/v1/networks/${net.id}/members/${applicant.companyId}/reject`)).status).toBe(200);
      const mails = await app.db.query('SELECT text, html, subject FROM mail_outbox WHERE created_at >= $1', [since]);
      expect(JSON.stringify(mails)).not.toContain(name);
    });
  });
});
