import type { NetworkStanding } from '../standing';
import { MODERATION_RULES } from './moderation.policy';
import { NETWORK_RULES } from './networks.policy';

const post = (s: NetworkStanding) => s.platformAdmin || s.hostStaff || s.activeRole !== null;

/**
 * Forums: everyone reads the forum of a public network; otherwise active members, host staff and platform admins
 * (pending, invited, former and banned members see it as absent). They also post; moderators moderate; managers
 * manage categories and share topics.
 */
export const FORUM_RULES = {
  'forum.read': (s: NetworkStanding) => s.visibility === 'public' || post(s),
  /** Opening topics, replying, reacting, uploading attachments. */
  'forum.post': post,
  /** Pin, lock, move, mark solved, hide/restore, delete others' posts. */
  'forum.moderate': MODERATION_RULES['network.moderate'],
  /** Categories, and sharing topics with sibling networks. */
  'forum.manage': NETWORK_RULES['network.manage'],
} as const satisfies Record<string, (s: NetworkStanding) => boolean>;
