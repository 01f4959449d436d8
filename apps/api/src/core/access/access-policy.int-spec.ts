import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { AccessPolicy, type AccessAction, type NetworkAction } from './access-policy.service';
import type { Actor, MaybeActor } from './actor';
import type { AppException } from '../errors/app-exception';

/** The policy's entry point (can, canMany, require) and the networks module's standing views, on a real database. */
describe('AccessPolicy entry point (real database)', () => {
  let app: TestApp;
  let access: AccessPolicy;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let ids: { open: string; closed: string; secret: string };
  let member: Person;
  let animator: Person;
  let outsider: Person;
  const actor = (p: Person, platformRole: Actor['platformRole'] = 'user'): Actor => ({ personId: p.id, platformRole });

  beforeAll(async () => {
    app = await createTestApp();
    access = app.running.app.get(AccessPolicy);
    world = await networkWorld(app);
    const open = await world.createNetwork({ name: 'Réseau ouvert' });
    const closed = await world.createNetwork({ name: 'Réseau privé', visibility: 'private' });
    const secret = await world.createNetwork({ name: 'Réseau secret', visibility: 'secret' });
    ids = { open: open.id, closed: closed.id, secret: secret.id };
    member = await world.person();
    animator = await world.person();
    outsider = await world.person();
    await world.enrol(ids.closed, member);
    await world.enrol(ids.secret, animator, 'animator');
  });

  afterAll(async () => {
    await app?.close();
  });

  const statusOf = (p: Promise<unknown>): Promise<number> =>
    p.then(
      () => 200,
      (e: AppException) => e.getStatus(),
    );
  const all = () => [ids.open, ids.closed, ids.secret];

  it('answers lists with one bulk check: what each person may see, read, post in and manage', async () => {
    const cases: [MaybeActor, AccessAction, string[]][] = [
      [null, 'network.see', [ids.open, ids.closed]],
      [null, 'forum.read', [ids.open]],
      [null, 'forum.post', []],
      [actor(outsider), 'network.see', [ids.open, ids.closed]],
      [actor(outsider), 'documents.read', [ids.open]],
      [actor(member), 'forum.read', [ids.open, ids.closed]],
      [actor(member), 'forum.post', [ids.closed]],
      [actor(member), 'network.manage', []],
      [actor(animator), 'network.see', all()],
      [actor(animator), 'agenda.manage', [ids.secret]],
      [actor(animator), 'network.moderate', [ids.secret]],
      [actor(world.staff), 'network.manage', all()],
      [actor(world.admin, 'admin'), 'documents.manage', all()],
    ];
    for (const [who, action, expected] of cases) {
      const allowed = await access.canMany(who, action, [...all(), randomUUID(), 'not-a-uuid']);
      expect({ who: who?.personId ?? null, action, allowed: [...allowed].sort() }).toEqual({
        who: who?.personId ?? null,
        action,
        allowed: [...expected].sort(),
      });
    }
  });

  it('answers one object the same way as the rule on its standing, and absent or malformed ids as forbidden', async () => {
    const actions: NetworkAction[] = [
      'network.see',
      'network.members',
      'network.people',
      'network.manage',
      'forum.read',
      'forum.post',
      'forum.moderate',
      'agenda.read',
      'documents.write',
    ];
    for (const who of [null, actor(member), actor(animator), actor(outsider)]) {
      for (const id of all()) {
        const standing = await access.networkStanding(who, id);
        for (const action of actions) expect(await access.can(who, action, { network: id })).toBe(access.allows(action, standing));
      }
    }
    expect(await access.can(actor(world.admin, 'admin'), 'network.see', { network: randomUUID() })).toBe(false);
    expect(await access.can(actor(world.admin, 'admin'), 'network.see', { network: 'not-a-uuid' })).toBe(false);
  });

  it('require returns the standing when allowed and the same 404 for a hidden network as for an absent one', async () => {
    const standing = await access.require(actor(member), 'forum.read', { network: ids.closed }, { hide: 'Network' });
    expect(standing.activeRole).toBe('member');
    for (const network of [ids.secret, randomUUID()]) {
      expect(await statusOf(access.require(actor(outsider), 'network.see', { network }, { hide: 'Network' }))).toBe(404);
    }
    expect(await statusOf(access.require(null, 'forum.read', { network: ids.closed }, { hide: 'Network' }))).toBe(404);
  });

  it('reads standings through the networks module views, which list exactly the membership join', async () => {
    const [view] = await app.db.query('SELECT count(*)::int AS n FROM network_member_people');
    const [join] = await app.db.query(
      'SELECT count(*)::int AS n FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id',
    );
    expect(view.n).toBe(join.n);
    expect(view.n).toBeGreaterThanOrEqual(2);
    const staff: { network_id: string }[] = await app.db.query(
      'SELECT network_id FROM network_host_staff WHERE person_id = $1 ORDER BY network_id',
      [world.staff.id],
    );
    expect(staff.map((r) => r.network_id)).toEqual([...all()].sort());
  });
});
