import type { NetworkStanding } from './access-policy.service';
import { networkStanding, policy } from '../../../test/access-fixtures';

const standing = (over: Partial<NetworkStanding>): NetworkStanding =>
  networkStanding({ visibility: 'public', joinPolicy: 'open', ...over });

describe('AccessPolicy: networks', () => {
  it('shows public and private cards to everyone, secret ones to members, invitees, host staff and admins', () => {
    expect(policy.canSeeNetwork(null)).toBe(false);
    expect(policy.canSeeNetwork(standing({ visibility: 'public' }))).toBe(true);
    expect(policy.canSeeNetwork(standing({ visibility: 'private' }))).toBe(true);
    expect(policy.canSeeNetwork(standing({ visibility: 'secret' }))).toBe(false);
    for (const over of [{ activeRole: 'member' as const }, { invited: true }, { hostStaff: true }, { platformAdmin: true }]) {
      expect(policy.canSeeNetwork(standing({ visibility: 'secret', ...over }))).toBe(true);
    }
  });

  it('shows members of private and secret networks to active members, host staff and admins only', () => {
    expect(policy.canSeeNetworkMembers(standing({ visibility: 'public' }))).toBe(true);
    expect(policy.canSeeNetworkMembers(standing({ visibility: 'private' }))).toBe(false);
    expect(policy.canSeeNetworkMembers(standing({ visibility: 'private', invited: true }))).toBe(false);
    expect(policy.canSeeNetworkMembers(standing({ visibility: 'private', activeRole: 'member' }))).toBe(true);
    expect(policy.canSeeNetworkMembers(standing({ visibility: 'secret', hostStaff: true }))).toBe(true);
  });

  it('lets admins, host staff and animators manage; not members or moderators', () => {
    expect(policy.canManageNetwork(standing({}))).toBe(false);
    expect(policy.canManageNetwork(standing({ activeRole: 'member' }))).toBe(false);
    expect(policy.canManageNetwork(standing({ activeRole: 'moderator' }))).toBe(false);
    expect(policy.canManageNetwork(standing({ activeRole: 'animator' }))).toBe(true);
    expect(policy.canManageNetwork(standing({ hostStaff: true }))).toBe(true);
    expect(policy.canManageNetwork(standing({ platformAdmin: true }))).toBe(true);
  });

  it('builds the list condition: admins see all, anonymous visitors no secret network, others a bound person id', () => {
    const params: unknown[] = [];
    const bind = (v: unknown) => `$${params.push(v)}`;
    expect(policy.visibleNetworksCondition({ personId: 'a', platformRole: 'admin' }, bind)).toBe('TRUE');
    expect(policy.visibleNetworksCondition(null, bind)).toBe("n.visibility <> 'secret'");
    expect(policy.visibleNetworksCondition({ personId: 'p', platformRole: 'user' }, bind)).toContain('$1::uuid');
    expect(params).toEqual(['p']);
  });
});
