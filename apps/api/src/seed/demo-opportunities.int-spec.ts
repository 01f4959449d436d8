import { createTestApp, type TestApp } from '../../test/test-app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIfEmpty } from './seed';

const V1 = '/api/v1';

/** The demo data set as `npm start` writes it: open opportunities of every type, found through search, one for its club only. */
describe('demo opportunities (seed)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    expect(await seedIfEmpty(app.running.app)).toBe(true);
  }, 300_000);
  afterAll(() => app?.close());

  it('publishes varied, open opportunities: every type, public ones and one for the private club', async () => {
    const rows: { type: string; audience: string; status: string; deadline: string; networks: string[]; company: string }[] =
      await app.db.query(
        `SELECT o.type, o.audience, o.status, o.deadline::text AS deadline, c.legal_name AS company,
              ARRAY(SELECT n.slug FROM opportunity_networks onw JOIN networks n ON n.id = onw.network_id WHERE onw.opportunity_id = o.id) AS networks
       FROM opportunities o JOIN companies c ON c.id = o.company_id`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(['joint_bid', 'subcontracting', 'pooling', 'partnership', 'shared_employment']),
    );
    expect(rows.every((r) => r.status === 'open')).toBe(true);
    expect(rows.filter((r) => r.audience === 'public').length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.audience === 'networks')).toEqual([
      expect.objectContaining({ networks: ['club-des-industriels-du-forez'], company: expect.any(String) }),
    ]);
    // Publishers are several companies.
    expect(new Set(rows.map((r) => r.company)).size).toBeGreaterThanOrEqual(5);
  });

  it('indexes them: a visitor finds the public ones with their facets, the club member finds the club one too', async () => {
    const visitor = await app.client().get(`${V1}/search?kind=opportunity`);
    expect(visitor.status).toBe(200);
    const count = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.map((f) => [f.value, f.count]));
    const publicCount = visitor.body.total as number;
    expect(publicCount).toBeGreaterThanOrEqual(5);
    expect(visitor.body.items.map((i: { title: string }) => i.title).join(' ')).not.toContain('Groupement du club');
    expect(Object.keys(count(visitor.body.facets.opportunityType)).sort()).toEqual([
      'joint_bid',
      'partnership',
      'pooling',
      'shared_employment',
      'subcontracting',
    ]);
    // One closes within a week, most within a month.
    expect(count(visitor.body.facets.deadline)).toMatchObject({ open: publicCount, '7d': 1 });

    const member = app.client();
    expect((await member.post(`${V1}/auth/login`, { email: DEMO_ACCOUNTS.member, password: DEMO_PASSWORD })).status).toBe(200);
    const found = await member.get(`${V1}/search?kind=opportunity&opportunityType=joint_bid`);
    expect(found.body.items.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('Groupement du club')]),
    );
    expect(count(found.body.facets.opportunityType).joint_bid).toBe(count(visitor.body.facets.opportunityType).joint_bid + 1);
    // The demo member's company (precision machining in the Loire) gets some of them as suggestions.
    const [{ company_id: flagship }]: { company_id: string }[] = await app.db.query(
      "SELECT cm.company_id FROM company_members cm JOIN people p ON p.id = cm.person_id WHERE p.email = $1 AND cm.role = 'owner'",
      [DEMO_ACCOUNTS.member],
    );
    const suggested = await member.get(`${V1}/companies/${flagship}/opportunities/suggested`);
    expect(suggested.status).toBe(200);
    expect(suggested.body.length).toBeGreaterThanOrEqual(2);
  });
});
