import type { ConversationStanding } from '../standing';

/**
 * Messaging: only current participants have a standing in a conversation; in a direct one, a block either way stops
 * posting and the blocked person no longer follows it live; a group's owner manages it.
 */
export const CONVERSATION_RULES = {
  /** Following the room `conversation:<id>` (checked at join, after a reconnect and on every revalidation). */
  'conversation.follow': (s: ConversationStanding) => !s.blockedByOther,
  'conversation.post': (s: ConversationStanding) => !s.blockedByOther && !s.blockingOther,
  /** Rename, add and remove participants. */
  'conversation.manage': (s: ConversationStanding) => s.kind === 'group' && s.role === 'owner',
} as const satisfies Record<string, (s: ConversationStanding) => boolean>;
