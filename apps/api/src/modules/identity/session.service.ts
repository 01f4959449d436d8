import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformRole } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { type EndedSessions, RealtimeService } from '../../core/realtime/realtime.service';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'maillage_session';
/** How long a resolved session is reused without asking the database again (a page's requests come in bursts). */
const REUSE_MS = 5_000;
const REUSED_MAX = 10_000;

type ResolvedSession = { actor: Actor; expiresAt: Date };

/**
 * Server-side sessions: the cookie holds a random token, the table its hash and the person's generation.
 * Sessions resolved for HTTP requests are reused for a few seconds; the moment one ends (log out, log out
 * everywhere, password change), every process forgets it (RealtimeService.onSessionsEnded, through Redis
 * between processes), so an ended session is refused at once here and as soon as the news arrives elsewhere.
 */
@Injectable()
export class SessionService {
  private readonly reused = new Map<string, { session: ResolvedSession; until: number }>();
  /** Bumped whenever sessions end: a lookup that started before must not be reused. */
  private endings = 0;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly realtime: RealtimeService,
  ) {
    realtime.onSessionsEnded((ended) => this.forget(ended));
  }

  private forget(ended: EndedSessions): void {
    this.endings += 1;
    if ('tokenHash' in ended) this.reused.delete(ended.tokenHash);
    else for (const [hash, { session }] of this.reused) if (session.actor.personId === ended.personId) this.reused.delete(hash);
  }

  get ttlSeconds(): number {
    return this.config.SESSION_TTL_DAYS * 86400;
  }

  async create(personId: string, userAgent: string | undefined): Promise<string> {
    const { token, hash } = newToken();
    await this.db.query(
      `INSERT INTO sessions (token_hash, person_id, generation, expires_at, user_agent)
       SELECT $1, id, session_generation, now() + make_interval(secs => $3), $4 FROM people WHERE id = $2`,
      [hash, personId, this.ttlSeconds, userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  /** The actor behind a session token, or null if unknown, expired or revoked (an HTTP request: may be reused). */
  async resolve(token: string): Promise<Actor | null> {
    const hash = hashToken(token);
    const now = Date.now();
    const reused = this.reused.get(hash);
    if (reused && reused.until > now && reused.session.expiresAt.getTime() > now) return reused.session.actor;
    const endings = this.endings;
    const session = await this.lookUp(hash);
    if (session && endings === this.endings) {
      this.reused.delete(hash);
      this.reused.set(hash, { session, until: now + REUSE_MS });
      // The oldest first (insertion order).
      const oldest = this.reused.keys().next();
      if (this.reused.size > REUSED_MAX && !oldest.done) this.reused.delete(oldest.value);
    }
    return session?.actor ?? null;
  }

  /** The actor behind a session token and when the session ends (sockets close then), or null; always from the database. */
  resolveUntil(token: string): Promise<ResolvedSession | null> {
    return this.lookUp(hashToken(token));
  }

  private async lookUp(hash: string): Promise<ResolvedSession | null> {
    const rows = await preparedQuery<{ id: string; platform_role: PlatformRole; expires_at: Date }>(
      this.db,
      `SELECT p.id, p.platform_role, s.expires_at FROM sessions s JOIN people p ON p.id = s.person_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND s.generation = p.session_generation`,
      [hash],
    );
    return rows[0] ? { actor: { personId: rows[0].id, platformRole: rows[0].platform_role }, expiresAt: rows[0].expires_at } : null;
  }

  /** The session dies and the sockets opened with it close. */
  async revoke(token: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    this.realtime.disconnectSession(token);
  }

  /** "Log out everywhere": every session of the person dies, including ones being created concurrently, and their sockets close. */
  async revokeAll(personId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE people SET session_generation = session_generation + 1 WHERE id = $1', [personId]);
      await tx.query('DELETE FROM sessions WHERE person_id = $1', [personId]);
    });
    this.realtime.disconnectPerson(personId);
  }
}
