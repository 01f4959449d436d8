import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { PNG } from '../../../test/fixtures';
import { parisToday } from './opportunity-views';

const V1 = '/api/v1';

const inDays = (days: number) => {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The CCI "intégrateur de PME" of a mini-grappe, over HTTP against a real database: the lead designates an animator or
 * host staff of one of its networks; the supporter sees and writes in the group's space, invites companies of his own
 * networks, never reads the responses, and finds the group in his steering cockpit. Bad input changes nothing.
 */
describe('mini-grappe supporters (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let lead: Person;
  let leadAdmin: Person;
  let responder: Person;
  let clubAnimator: Person;
  let recruit: Person;
  let farAway: Person;
  let outsider: Person;
  let opportunityId: string;
  let responseId: string;
  const CANARY = `canari${process.pid}sup`;

  const supporterOf = async () =>
    (
      (await app.db.query('SELECT supporter_person_id AS id FROM opportunity_groups WHERE opportunity_id = $1', [opportunityId])) as {
        id: string | null;
      }[]
    )[0].id;
  const memberIds = async () =>
    (
      (await app.db.query(
        'SELECT m.company_id FROM opportunity_group_members m JOIN opportunity_groups g ON g.id = m.group_id WHERE g.opportunity_id = $1 ORDER BY m.company_id',
        [opportunityId],
      )) as { company_id: string }[]
    ).map((r) => r.company_id);
  const group = (who: Person) => who.client.get(`${V1}/opportunities/${opportunityId}/group`);
  const invitationsOf = async (who: Person) =>
    ((await who.client.get(`${V1}/notifications`)).body.items as { type: string; path: string }[]).filter(
      (n) => n.type === 'opportunity.group_invitation',
    );

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    lead = await world.person(true, 'Léa');
    responder = await world.person(true, 'Rémi');
    clubAnimator = await world.person(true, 'Anne');
    recruit = await world.person(true, 'Romain');
    farAway = await world.person(true, 'Fabien');
    outsider = await world.person(true, 'Olga');
    // The club is hosted by world.staff's CCI; another network, of another CCI, holds farAway.
    const club = (await world.createNetwork({ name: `Club ${CANARY}`, visibility: 'private', joinPolicy: 'approval' })).id;
    for (const who of [lead, responder, recruit]) await world.enrol(club, who);
    await world.enrol(club, clubAnimator, 'animator');
    const other = (await world.createNetwork({ name: `Autre ${CANARY}`, hostOrganizationId: world.otherHostId }, world.admin)).id;
    await world.enrol(other, farAway, 'member', world.admin);
    // An admin of the lead company may manage the opportunity too.
    leadAdmin = await world.person(false, 'Adèle');
    await app.db.query("INSERT INTO company_members (company_id, person_id, role) VALUES ($1, $2, 'admin')", [
      lead.companyId,
      leadAdmin.id,
    ]);

    // An invited-only joint bid: the supporter is not among its audience, and still sees the group.
    const published = await lead.client.post(`${V1}/opportunities`, {
      companyId: lead.companyId,
      type: 'joint_bid',
      title: `Marché groupé ${CANARY}`,
      description: 'Un donneur d’ordres cherche des partenaires.',
      nafCodes: ['25.62B'],
      skills: [],
      territory: { departements: ['42'] },
      deadline: inDays(20),
      audience: 'invited',
      invitedCompanyIds: [responder.companyId],
      publish: true,
    });
    expect(published.status).toBe(201);
    opportunityId = published.body.id;
    responseId = (
      await responder.client.post(`${V1}/opportunities/${opportunityId}/responses`, {
        companyId: responder.companyId,
        message: `Nos prix ${CANARY}price`,
      })
    ).body.id;
    await lead.client.put(`${V1}/opportunities/${opportunityId}/responses/${responseId}`, { status: 'shortlisted' });
    const formed = await lead.client.post(`${V1}/opportunities/${opportunityId}/group`, { companyIds: [responder.companyId] });
    expect(formed.status).toBe(201);
    expect(formed.body.supporter).toBeNull();
    expect(formed.body.rights).toEqual({ manage: true, post: true, acceptFor: [], support: false });
  });
  afterAll(() => app.close());

  it('lists the animators and host staff of the lead’s networks to the lead only', async () => {
    const candidates = await lead.client.get(`${V1}/opportunities/${opportunityId}/group/supporter-candidates`);
    expect(candidates.status).toBe(200);
    const byId = new Map((candidates.body as { id: string; organization: string; networks: string[] }[]).map((c) => [c.id, c]));
    expect(byId.get(world.staff.id)).toMatchObject({ organization: 'CCI Loire', networks: [`Club ${CANARY}`] });
    expect(byId.get(clubAnimator.id)?.networks).toEqual([`Club ${CANARY}`]);
    // Plain members and people of other CCIs are not offered.
    for (const who of [responder, recruit, farAway, outsider]) expect(byId.has(who.id)).toBe(false);
    expect((await responder.client.get(`${V1}/opportunities/${opportunityId}/group/supporter-candidates`)).status).toBe(403);
    expect((await outsider.client.get(`${V1}/opportunities/${opportunityId}/group/supporter-candidates`)).status).toBe(404);
  });

  it('refuses an ineligible supporter and a non-lead designating, writing nothing', async () => {
    const designate = (who: Person, personId: unknown) =>
      who.client.put(`${V1}/opportunities/${opportunityId}/group/supporter`, { personId });
    const ineligible = await designate(lead, outsider.id);
    expect(ineligible.status).toBe(400);
    expect(ineligible.body.code).toBe('GROUP_SUPPORTER_NOT_ELIGIBLE');
    expect(ineligible.body.details).toEqual([{ field: 'personId', messages: [expect.any(String)] }]);
    // A plain member of the club, and the staff of another CCI: not eligible either.
    expect((await designate(lead, recruit.id)).body.code).toBe('GROUP_SUPPORTER_NOT_ELIGIBLE');
    expect((await designate(lead, farAway.id)).body.code).toBe('GROUP_SUPPORTER_NOT_ELIGIBLE');
    expect((await designate(lead, 'pas-un-uuid')).status).toBe(400);
    // A member of the group who is not its lead, and someone outside it.
    expect((await designate(responder, world.staff.id)).status).toBe(403);
    expect((await designate(outsider, world.staff.id)).status).toBe(404);
    expect((await designate(world.staff, world.staff.id)).status).toBe(404);
    expect(await supporterOf()).toBeNull();
    expect((await group(world.staff)).status).toBe(404);
  });

  it('lets the supporter into the group’s space, never into the responses', async () => {
    const designated = await leadAdmin.client.put(`${V1}/opportunities/${opportunityId}/group/supporter`, { personId: world.staff.id });
    expect(designated.status).toBe(200);
    expect(designated.body.supporter).toMatchObject({ id: world.staff.id, organization: 'CCI Loire' });
    expect(await supporterOf()).toBe(world.staff.id);
    // He is told, with a link to the group's own page.
    const told = (await world.staff.client.get(`${V1}/notifications`)).body.items.filter(
      (n: { type: string }) => n.type === 'opportunity.group_support',
    );
    expect(told).toHaveLength(1);
    expect(told[0].path).toBe(`/opportunites/${opportunityId}/mini-grappe`);

    const seen = await group(world.staff);
    expect(seen.status).toBe(200);
    expect(seen.body.rights).toEqual({ manage: false, post: true, acceptFor: [], support: true });
    const posted = await world.staff.client.post(`${V1}/opportunities/${opportunityId}/group/messages`, { body: `Conseil ${CANARY}msg` });
    expect(posted.status).toBe(201);
    expect(posted.body.messages.at(-1)).toMatchObject({ body: `Conseil ${CANARY}msg`, company: 'CCI Loire' });
    const filed = await world.staff.client.upload(`${V1}/opportunities/${opportunityId}/group/documents`, PNG, 'grille.png', 'image/png');
    expect(filed.status).toBe(201);
    expect((await world.staff.client.get(filed.body.documents[0].url)).status).toBe(200);

    // The responses stay between the publisher and the responder.
    expect([403, 404]).toContain((await world.staff.client.get(`${V1}/opportunities/${opportunityId}/responses`)).status);
    expect((await world.staff.client.get(`${V1}/opportunities/${opportunityId}`)).status).toBe(404);
    expect(JSON.stringify(seen.body)).not.toContain(`${CANARY}price`);
    expect(
      (await world.staff.client.put(`${V1}/opportunities/${opportunityId}/responses/${responseId}`, { status: 'declined' })).status,
    ).toBeGreaterThanOrEqual(403);
    expect(
      ((await app.db.query('SELECT status FROM opportunity_responses WHERE id = $1', [responseId])) as { status: string }[])[0].status,
    ).toBe('shortlisted');
    // He does not run the group: status and designation stay the lead's.
    expect((await world.staff.client.put(`${V1}/opportunities/${opportunityId}/group`, { status: 'dissolved' })).status).toBe(403);
    expect((await world.staff.client.get(`${V1}/opportunities/${opportunityId}/group/supporter-candidates`)).status).toBe(403);
  });

  it('lets the supporter invite companies of his networks only', async () => {
    const before = await memberIds();
    const invitable = await world.staff.client.get(`${V1}/opportunities/${opportunityId}/group/invitable`);
    expect(invitable.status).toBe(200);
    const ids = (invitable.body as { id: string }[]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([recruit.companyId, clubAnimator.companyId]));
    // Neither the lead, nor a company already invited, nor one outside his networks.
    for (const id of [lead.companyId, responder.companyId, farAway.companyId, outsider.companyId]) expect(ids).not.toContain(id);
    expect((await lead.client.get(`${V1}/opportunities/${opportunityId}/group/invitable`)).status).toBe(403);

    const invite = (who: Person, companyIds: unknown) =>
      who.client.post(`${V1}/opportunities/${opportunityId}/group/invitations`, { companyIds });
    for (const companyIds of [[farAway.companyId], [recruit.companyId, outsider.companyId], [lead.companyId], []]) {
      const refused = await invite(world.staff, companyIds);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('GROUP_COMPANY_NOT_INVITABLE');
    }
    expect((await invite(world.staff, ['pas-un-uuid'])).status).toBe(400);
    expect((await invite(lead, [recruit.companyId])).status).toBe(403);
    expect((await invite(responder, [recruit.companyId])).status).toBe(403);
    expect(await memberIds()).toEqual(before);

    const invited = await invite(world.staff, [recruit.companyId]);
    expect(invited.status).toBe(201);
    expect(invited.body.members.find((m: { company: { id: string } }) => m.company.id === recruit.companyId)?.status).toBe('invited');
    // The invited company's people are told, with the group's own page; nobody outside it is. So was the responder the lead invited.
    expect((await invitationsOf(recruit)).map((n) => n.path)).toEqual([`/opportunites/${opportunityId}/mini-grappe`]);
    expect((await invitationsOf(responder)).map((n) => n.path)).toEqual([`/opportunites/${opportunityId}/mini-grappe`]);
    for (const who of [outsider, farAway, clubAnimator]) expect(await invitationsOf(who)).toEqual([]);
    // The invited company accepts as the shortlisted responders do.
    const joined = await recruit.client.post(`${V1}/opportunities/${opportunityId}/group/accept`, { companyId: recruit.companyId });
    expect(joined.status).toBe(200);
    expect(joined.body.members.find((m: { company: { id: string } }) => m.company.id === recruit.companyId)?.status).toBe('accepted');
  });

  it('lists the supported groups in the supporter’s cockpit, and only his', async () => {
    const mine = await world.staff.client.get(`${V1}/steering/opportunities`);
    expect(mine.status).toBe(200);
    expect(mine.body.supported).toEqual([
      expect.objectContaining({
        opportunityId,
        opportunityTitle: `Marché groupé ${CANARY}`,
        lead: expect.objectContaining({ id: lead.companyId }),
        members: 1,
        status: 'forming',
      }),
    ]);
    expect((await clubAnimator.client.get(`${V1}/steering/opportunities`)).body.supported).toEqual([]);
    expect((await outsider.client.get(`${V1}/steering/opportunities`)).body.supported).toEqual([]);
  });

  it('loses the group with his standing, and when removed or stepping down', async () => {
    // Replaced by the club's animator: the CCI's staff no longer sees the group.
    expect(
      (await lead.client.put(`${V1}/opportunities/${opportunityId}/group/supporter`, { personId: clubAnimator.id })).body.supporter.id,
    ).toBe(clubAnimator.id);
    expect((await group(world.staff)).status).toBe(404);
    expect((await group(clubAnimator)).body.rights.support).toBe(true);
    // Someone else may not remove him; he steps down himself.
    expect((await responder.client.delete(`${V1}/opportunities/${opportunityId}/group/supporter`)).status).toBe(403);
    expect(await supporterOf()).toBe(clubAnimator.id);
    expect((await clubAnimator.client.delete(`${V1}/opportunities/${opportunityId}/group/supporter`)).status).toBe(204);
    expect(await supporterOf()).toBeNull();
    expect((await group(clubAnimator)).status).toBe(404);
    // Designated again, then the lead removes him.
    await lead.client.put(`${V1}/opportunities/${opportunityId}/group/supporter`, { personId: world.staff.id });
    expect((await lead.client.delete(`${V1}/opportunities/${opportunityId}/group/supporter`)).status).toBe(204);
    expect(await supporterOf()).toBeNull();
    // A supporter who leaves his CCI loses the group at once, even still designated.
    await lead.client.put(`${V1}/opportunities/${opportunityId}/group/supporter`, { personId: world.staff.id });
    expect((await group(world.staff)).status).toBe(200);
    await app.db.query('DELETE FROM organization_staff WHERE person_id = $1', [world.staff.id]);
    expect((await group(world.staff)).status).toBe(404);
    expect((await world.staff.client.get(`${V1}/steering/opportunities`)).body.supported).toEqual([]);
    const notified = (await world.staff.client.get(`${V1}/notifications`)).body.items.filter(
      (n: { type: string }) => n.type === 'opportunity.group_support',
    );
    expect(notified).toEqual([]);
  });
});
