import type { MonthlyPoint } from '@maillage/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { MailService } from '../../core/mail/mail.service';
import { NewslettersSender } from '../newsletters/newsletters.sender';
import { parisDay } from './steering-compute';
import { SteeringRefreshService } from './steering-refresh.service';

/** A network's newsletters feed its steering: monthly series and computed plan indicators, for that network only. */
describe('steering: newsletter figures', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let claire: Person; // animates the club
  let member: Person;
  let olga: Person; // animates the other network
  let club: { id: string };
  let other: { id: string };

  const refresh = () => app.running.app.get(SteeringRefreshService).refresh(new Date());
  const month = () => parisDay(new Date()).slice(0, 7);
  const pointOf = async (who: Person, networkId: string): Promise<MonthlyPoint> => {
    const res = await who.client.get(`/api/v1/steering/networks/${networkId}/indicators`);
    expect(res.status).toBe(200);
    return (res.body.series as MonthlyPoint[]).find((p) => p.month === month())!;
  };

  beforeAll(async () => {
    app = await createTestApp({ NEWSLETTER_WORKER_INTERVAL_MS: 0 });
    world = await networkWorld(app);
    claire = await world.person(true, 'Claire');
    member = await world.person(true, 'Marc');
    olga = await world.person(true, 'Olga');
    club = await world.createNetwork({ name: 'Club des entreprises du Forez' });
    other = await world.createNetwork({ name: 'Grappe Loire Numérique' });
    await world.enrol(club.id, claire, 'animator');
    await world.enrol(club.id, member);
    await world.enrol(other.id, olga, 'animator');
  }, 120_000);
  afterAll(() => app?.close());

  it('counts a sent newsletter, its recipients, clicks and unsubscribes in the network’s series and plan indicators', async () => {
    const created = await claire.client.post('/api/v1/newsletters', {
      subject: 'Les nouvelles du club',
      networkIds: [club.id],
      blocks: [
        { kind: 'events', title: 'Prochains événements', items: [{ title: 'Petit-déjeuner', detail: 'jeudi', path: '/evenements/abc' }] },
      ],
    });
    expect(created.status).toBe(201);
    expect((await claire.client.post(`/api/v1/newsletters/${created.body.id}/send`, {})).status).toBe(200);
    expect(await app.running.app.get(NewslettersSender).runDue()).toBe(1);
    const rows: { id: string }[] = await app.db.query('SELECT id FROM mail_outbox WHERE ref = $1', [`newsletter:${created.body.id}`]);
    const mails = (await app.running.app.get(MailService).composed(rows.map((r) => r.id))) as {
      to: string;
      html: string;
      headers: Record<string, string>;
    }[];
    const toMember = mails.find((m) => m.to === member.email)!;
    const local = (link: string) => `${app.url}${new URL(link).pathname}${new URL(link).search}`;
    // The member clicks twice (one clicker), then unsubscribes.
    const counted = local(/href="([^"]+\/api\/v1\/newsletters\/l\/[^"]+)"/.exec(toMember.html)![1]);
    expect((await fetch(counted, { redirect: 'manual' })).status).toBe(302);
    expect((await fetch(counted, { redirect: 'manual' })).status).toBe(302);
    const unsubscribe = local(/<([^>]+)>/.exec(toMember.headers['List-Unsubscribe'])![1]);
    expect((await fetch(unsubscribe, { method: 'POST' })).status).toBe(200);

    expect(await refresh()).toBe(true);
    expect(await pointOf(claire, club.id)).toMatchObject({
      newsletters: 1,
      newsletterRecipients: 2,
      newsletterClickers: 1,
      newsletterUnsubscribes: 1,
    });

    const plan = await claire.client.post(`/api/v1/steering/networks/${club.id}/action-plans`, { year: Number(month().slice(0, 4)) });
    expect(plan.status).toBe(201);
    for (const [source, target] of [
      ['newsletters_sent', 10],
      ['newsletter_recipients', 100],
      ['newsletter_click_rate', 25],
      ['newsletter_unsubscribes', null],
    ] as const)
      expect(
        (await claire.client.post(`/api/v1/steering/action-plans/${plan.body.id}/indicators`, { label: source, source, target })).status,
      ).toBe(201);
    const read = await claire.client.get(`/api/v1/steering/action-plans/${plan.body.id}`);
    const actual = Object.fromEntries(
      (read.body.indicators as { source: string; actual: number | null; unit: string }[]).map((i) => [i.source, [i.actual, i.unit]]),
    );
    expect(actual).toEqual({
      newsletters_sent: [1, 'lettres'],
      newsletter_recipients: [2, 'destinataires'],
      newsletter_click_rate: [50, '%'],
      newsletter_unsubscribes: [1, 'désabonnements'],
    });
    expect(read.body.indicators.find((i: { source: string }) => i.source === 'newsletters_sent').progress).toBe(0.1);
  });

  it('shows nothing of it on a network the animator does not run, and keeps that network’s steering closed to her', async () => {
    expect(await pointOf(olga, other.id)).toMatchObject({
      newsletters: 0,
      newsletterRecipients: 0,
      newsletterClickers: 0,
      newsletterUnsubscribes: 0,
    });
    expect([403, 404]).toContain((await claire.client.get(`/api/v1/steering/networks/${other.id}/indicators`)).status);
    expect([403, 404]).toContain((await olga.client.get(`/api/v1/steering/networks/${club.id}/indicators`)).status);
  });
});
