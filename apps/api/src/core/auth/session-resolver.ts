import type { Actor } from '../access/actor';

/** The cookie that carries a session token (set by the identity module, read by the socket handshake). */
export const SESSION_COOKIE = 'maillage_session';

export type ResolvedSession = { actor: Actor; expiresAt: Date; mustEnrolTwoFactor: boolean };

/**
 * What core needs of sessions, implemented by the identity module (its SessionService) and bound at the
 * app's composition: core depends on this port, never on the module.
 */
export interface SessionResolver {
  /** The actor behind a session token and when the session ends, or null (ended, expired, or waiting for two-factor enrolment). */
  resolveUntil(token: string): Promise<ResolvedSession | null>;
}

export const SESSION_RESOLVER = Symbol('SessionResolver');
