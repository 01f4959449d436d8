import type { NetworkStanding } from '../standing';

/** Networks: what a person may do with a network, from their standing in it (see AccessPolicy.can). */
export const NETWORK_RULES = {
  /** Public and private networks show their card to everyone; secret ones only to members, invitees, host staff and platform admins. */
  'network.see': (s: NetworkStanding) => s.visibility !== 'secret' || s.platformAdmin || s.hostStaff || s.activeRole !== null || s.invited,
  /** The member list: everyone for public networks; otherwise active members, host staff and platform admins. */
  'network.members': (s: NetworkStanding) => s.visibility === 'public' || s.platformAdmin || s.hostStaff || s.activeRole !== null,
  /** The people of a network (names, job titles, companies): never anonymous visitors, even of a public network. */
  'network.people': (s: NetworkStanding) => s.platformAdmin || s.hostStaff || s.activeRole !== null,
  /** Settings, parents, memberships, history, invitations, the members export, federation requests, sharing into it. */
  'network.manage': (s: NetworkStanding) => s.platformAdmin || s.hostStaff || s.activeRole === 'animator',
  /**
   * The people's e-mail addresses in the members export: platform admins and the host's staff (the host answers for
   * its member relations); an animating company gets names and roles, not addresses.
   */
  'network.memberContacts': (s: NetworkStanding) => s.platformAdmin || s.hostStaff,
} as const satisfies Record<string, (s: NetworkStanding) => boolean>;
