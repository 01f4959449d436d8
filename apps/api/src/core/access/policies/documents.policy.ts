import type { NetworkStanding } from '../standing';
import { FORUM_RULES } from './forums.policy';
import { NETWORK_RULES } from './networks.policy';

/**
 * Documents: a library is read by whoever reads the network's forum; written (uploads, versions, folders) by active
 * members, host staff and platform admins; managed (anything, animators-only folders) by the network's managers.
 */
export const DOCUMENT_RULES = {
  'documents.read': FORUM_RULES['forum.read'],
  'documents.write': FORUM_RULES['forum.post'],
  'documents.manage': NETWORK_RULES['network.manage'],
} as const satisfies Record<string, (s: NetworkStanding) => boolean>;
