import type { NetworkStanding } from '../standing';

/**
 * Moderation: a network's report queue, hide/restore/dismiss, warnings and audit log belong to platform admins, host
 * staff and the network's animators and moderators; they are also exempt from posting rate limits.
 */
export const MODERATION_RULES = {
  'network.moderate': (s: NetworkStanding) => s.platformAdmin || s.hostStaff || s.activeRole === 'animator' || s.activeRole === 'moderator',
} as const satisfies Record<string, (s: NetworkStanding) => boolean>;
