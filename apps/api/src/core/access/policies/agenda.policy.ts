import type { NetworkStanding } from '../standing';
import { FORUM_RULES } from './forums.policy';
import { NETWORK_RULES } from './networks.policy';

/** Agenda: a network's published events are seen by the readers of its forum; its managers publish, edit and check in. */
export const AGENDA_RULES = {
  'agenda.read': FORUM_RULES['forum.read'],
  'agenda.manage': NETWORK_RULES['network.manage'],
} as const satisfies Record<string, (s: NetworkStanding) => boolean>;
