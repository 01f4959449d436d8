import type { MembershipRole, NetworkJoinPolicy, NetworkVisibility } from '@maillage/contracts';

/** What the policy knows of a person's standing in one network (one query for one or many networks). */
export interface NetworkStanding {
  visibility: NetworkVisibility;
  joinPolicy: NetworkJoinPolicy;
  hostOrganizationId: string;
  platformAdmin: boolean;
  hostStaff: boolean;
  /** The highest role among the person's companies' active memberships, or null. */
  activeRole: MembershipRole | null;
  /** One of the person's companies is invited (it may see the card of a secret network to accept). */
  invited: boolean;
}

/** A current participant's place in a conversation (see the messaging section). */
export interface ConversationStanding {
  conversationId: string;
  kind: 'direct' | 'group';
  role: 'owner' | 'member';
  /** Direct conversations: the other person blocked this participant. */
  blockedByOther: boolean;
  /** Direct conversations: this participant blocked the other person. */
  blockingOther: boolean;
}
