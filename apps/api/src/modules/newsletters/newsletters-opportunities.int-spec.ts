import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { MailService } from '../../core/mail/mail.service';
import { parisToday } from '../opportunities/opportunity-views';
import { NewslettersSender } from './newsletters.sender';

const inDays = (days: number) => {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The "open opportunities" block: only what every recipient of the network may see, editable, then mailed as approved. */
describe('newsletters: open opportunities block', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let claire: Person; // animates the club
  let paul: Person; // member of the club, publishes
  let olga: Person; // member of the other network only, publishes
  let oscar: Person; // no network
  let club: string;
  let other: string;
  const ids: Record<string, string> = {};

  const publish = async (who: Person, title: string, over: Record<string, unknown>) => {
    const res = await who.client.post('/api/v1/opportunities', {
      companyId: who.companyId,
      type: 'joint_bid',
      title,
      description: 'Cherche des partenaires.',
      nafCodes: ['25.62B'],
      skills: ['Usinage'],
      territory: { communeCode: '42218', radiusKm: 40 },
      deadline: inDays(20),
      publish: true,
      ...over,
    });
    expect(res.status).toBe(201);
    ids[title] = res.body.id;
  };
  const suggest = (networkIds: string[]) => claire.client.post('/api/v1/newsletters/suggestions', { kind: 'opportunities', networkIds });

  beforeAll(async () => {
    app = await createTestApp({ NEWSLETTER_WORKER_INTERVAL_MS: 0 });
    await app.db.query("INSERT INTO commune_geo (code, lat, lng) VALUES ('42218', 45.4339, 4.3903) ON CONFLICT DO NOTHING");
    world = await networkWorld(app);
    claire = await world.person(true, 'Claire');
    paul = await world.person(true, 'Paul');
    olga = await world.person(true, 'Olga');
    oscar = await world.person(true, 'Oscar');
    club = (await world.createNetwork({ name: 'Club des entreprises du Forez' })).id;
    other = (await world.createNetwork({ name: 'Grappe Loire Numérique' })).id;
    await world.enrol(club, claire, 'animator');
    await world.enrol(club, paul);
    await world.enrol(other, olga);
    await world.enrol(other, claire, 'animator');
    await publish(paul, 'Pour le club', { audience: 'networks', networkIds: [club], deadline: inDays(10) });
    await publish(paul, 'Publique du club', { audience: 'public' });
    await publish(paul, 'Invitation privée', { audience: 'invited', invitedCompanyIds: [oscar.companyId] });
    await publish(paul, 'Brouillon', { audience: 'networks', networkIds: [club], publish: false });
    await publish(olga, 'Pour la grappe', { audience: 'networks', networkIds: [other] });
    await publish(oscar, 'Publique hors réseau', { audience: 'public' });
  }, 120_000);
  afterAll(() => app?.close());

  it('offers the open opportunities shown to the network or public from its members, never an invited-only one', async () => {
    const res = await suggest([club]);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('opportunities');
    expect(res.body.title).toBe('Opportunités ouvertes');
    // Soonest deadline first; the invited-only one, the draft, the other network's and an outsider's public one never.
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Pour le club', 'Publique du club']);
    expect(res.body.items[0]).toMatchObject({ path: `/opportunites/${ids['Pour le club']}`, detail: expect.stringContaining('avant le') });

    // Two networks: public ones only (the club's opportunity must not reach the other network's members).
    const both = await suggest([club, other]);
    expect(both.body.items.map((i: { title: string }) => i.title)).toEqual(['Publique du club']);
    // A network the caller does not run: refused.
    expect((await paul.client.post('/api/v1/newsletters/suggestions', { kind: 'opportunities', networkIds: [club] })).status).toBe(403);
  });

  it('is edited before sending and mailed as approved to the members', async () => {
    const { items } = (await suggest([club])).body;
    const created = await claire.client.post('/api/v1/newsletters', {
      subject: 'Opportunités du mois',
      networkIds: [club],
      blocks: [{ kind: 'opportunities', title: 'À saisir ce mois-ci', items: [{ ...items[0], detail: 'Réponse groupée, écrivez-nous' }] }],
    });
    expect(created.status).toBe(201);
    expect(created.body.blocks[0]).toMatchObject({ kind: 'opportunities', title: 'À saisir ce mois-ci' });
    expect((await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, {})).status).toBe(200);
    expect(await app.running.app.get(NewslettersSender).runDue()).toBe(1);
    const rows: { id: string }[] = await app.db.query('SELECT id FROM mail_outbox WHERE ref = $1', [`newsletter:${created.body.id}`]);
    const mails = (await app.running.app.get(MailService).composed(rows.map((r) => r.id))) as { to: string; text: string }[];
    expect(mails.map((m) => m.to).sort()).toEqual([claire.email, paul.email].sort());
    for (const mail of mails) {
      expect(mail.text).toContain('Pour le club');
      expect(mail.text).toContain('Réponse groupée, écrivez-nous');
      expect(mail.text).not.toContain('Invitation privée');
    }
    // A block of an unknown kind is refused, nothing written.
    const before = await app.db.query('SELECT count(*)::int AS n FROM newsletters');
    const bad = await claire.client.post('/api/v1/newsletters', {
      subject: 'x',
      networkIds: [club],
      blocks: [{ kind: 'secrets', title: 't', items: [] }],
    });
    expect(bad.status).toBe(400);
    expect(await app.db.query('SELECT count(*)::int AS n FROM newsletters')).toEqual(before);
  });
});
