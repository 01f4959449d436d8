import type { DataSource } from 'typeorm';
import { AccessPolicy, type ConversationStanding } from './access-policy.service';

const policy = new AccessPolicy({} as DataSource);
const standing = (over: Partial<ConversationStanding>): ConversationStanding => ({
  conversationId: 'c1',
  kind: 'direct',
  role: 'member',
  blockedByOther: false,
  blockingOther: false,
  ...over,
});
const me = { personId: 'p1', platformRole: 'user' as const };

describe('AccessPolicy: messaging', () => {
  it('lets current participants follow a conversation live, unless the other person blocked them', () => {
    expect(policy.canFollowConversation(null)).toBe(false);
    expect(policy.canFollowConversation(standing({}))).toBe(true);
    expect(policy.canFollowConversation(standing({ blockingOther: true }))).toBe(true);
    expect(policy.canFollowConversation(standing({ blockedByOther: true }))).toBe(false);
  });

  it('stops posting when a block stands between the two people, either way', () => {
    expect(policy.canPostInConversation(standing({}))).toBe(true);
    expect(policy.canPostInConversation(standing({ blockedByOther: true }))).toBe(false);
    expect(policy.canPostInConversation(standing({ blockingOther: true }))).toBe(false);
    expect(policy.canPostInConversation(standing({ kind: 'group' }))).toBe(true);
  });

  it("lets only a group's owner manage it, and only the sender change a message", () => {
    expect(policy.canManageConversation(standing({ kind: 'group', role: 'owner' }))).toBe(true);
    expect(policy.canManageConversation(standing({ kind: 'group', role: 'member' }))).toBe(false);
    expect(policy.canManageConversation(standing({ kind: 'direct', role: 'owner' }))).toBe(false);
    expect(policy.canEditMessage(me, { senderId: 'p1' })).toBe(true);
    expect(policy.canEditMessage(me, { senderId: 'p2' })).toBe(false);
    expect(policy.canEditMessage(me, { senderId: null })).toBe(false);
  });

  it('refuses a malformed conversation id or an anonymous actor without asking the database', async () => {
    expect(await policy.conversationStanding(null, '00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await policy.conversationStanding(me, 'not-a-uuid')).toBeNull();
  });
});
