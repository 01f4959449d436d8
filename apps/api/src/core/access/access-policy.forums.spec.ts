import { networkStanding as standing, policy } from '../../../test/access-fixtures';
const someone = { personId: 'p1', platformRole: 'user' as const };
const topic = { authorId: 'p1', locked: false, deleted: false };

describe('AccessPolicy: forums', () => {
  it('opens public forums to everyone for reading; private and secret ones to active members, host staff and admins', () => {
    expect(policy.canReadForum(null)).toBe(false);
    expect(policy.canReadForum(standing({ visibility: 'public' }))).toBe(true);
    for (const visibility of ['private', 'secret'] as const) {
      expect(policy.canReadForum(standing({ visibility }))).toBe(false);
      // Invited (and pending, former, banned: no active role) companies' people see nothing.
      expect(policy.canReadForum(standing({ visibility, invited: true }))).toBe(false);
      for (const over of [{ activeRole: 'member' as const }, { hostStaff: true }, { platformAdmin: true }]) {
        expect(policy.canReadForum(standing({ visibility, ...over }))).toBe(true);
      }
    }
  });

  it('lets active members post, moderators moderate, animators manage', () => {
    expect(policy.canPostInForum(standing({ visibility: 'public' }))).toBe(false);
    expect(policy.canPostInForum(standing({ activeRole: 'member' }))).toBe(true);
    expect(policy.canModerateForum(standing({ activeRole: 'member' }))).toBe(false);
    expect(policy.canModerateForum(standing({ activeRole: 'moderator' }))).toBe(true);
    expect(policy.canManageForum(standing({ activeRole: 'moderator' }))).toBe(false);
    expect(policy.canManageForum(standing({ activeRole: 'animator' }))).toBe(true);
    expect(policy.canManageForum(standing({ hostStaff: true }))).toBe(true);
  });

  it('derives topic rights from the home network and the networks it is shared with', () => {
    const outsider = standing({});
    const member = standing({ activeRole: 'member' });
    expect(policy.forumTopicRights(someone, topic, outsider, []).read).toBe(false);
    // Shared with a network where the person is a member: they read and reply, but do not moderate.
    expect(policy.forumTopicRights(someone, topic, outsider, [member])).toMatchObject({
      read: true,
      reply: true,
      moderate: false,
      share: false,
    });
    // Locked: members no longer reply or edit; moderators still do.
    const locked = { ...topic, locked: true };
    expect(policy.forumTopicRights(someone, locked, member, [])).toMatchObject({ read: true, post: true, reply: false, editOwn: false });
    expect(policy.forumTopicRights(someone, locked, standing({ activeRole: 'moderator' }), [])).toMatchObject({
      reply: true,
      moderate: true,
    });
    // Animators share their network's topics, except those of a secret network.
    expect(policy.forumTopicRights(someone, topic, standing({ activeRole: 'animator' }), []).share).toBe(true);
    expect(policy.forumTopicRights(someone, topic, standing({ activeRole: 'animator', visibility: 'secret' }), []).share).toBe(false);
    // Deleted topics are absent for everyone, admins included.
    expect(policy.forumTopicRights(someone, { ...topic, deleted: true }, standing({ platformAdmin: true }), []).read).toBe(false);
    // Anonymous readers of a public forum only read.
    expect(policy.forumTopicRights(null, topic, standing({ visibility: 'public' }), [])).toMatchObject({
      read: true,
      post: false,
      reply: false,
      author: false,
    });
  });
});
