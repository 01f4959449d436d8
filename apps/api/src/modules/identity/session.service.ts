import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformRole, SessionView } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../core/errors/app-exception';
import type { Actor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { type EndedSessions, RealtimeService } from '../../core/realtime/realtime.service';
import { hashToken, newToken } from '../../core/auth/tokens';
import { type ResolvedSession, type SessionResolver } from '../../core/auth/session-resolver';

/** How long a resolved session is reused without asking the database again (a page's requests come in bursts). */
const REUSE_MS = 5_000;
const REUSED_MAX = 10_000;

/**
 * Server-side sessions: the cookie holds a random token, the table its hash and the person's generation.
 * Sessions resolved for HTTP requests are reused for a few seconds; the moment one ends (log out, log out
 * everywhere, password change), every process forgets it (RealtimeService.onSessionsEnded, through Redis
 * between processes), so an ended session is refused at once here and as soon as the news arrives elsewhere.
 */
@Injectable()
export class SessionService implements SessionResolver {
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

  async create(
    personId: string,
    userAgent: string | undefined,
    deviceId: string | null = null,
    mustEnrolTwoFactor = false,
  ): Promise<string> {
    const { token, hash } = newToken();
    await this.db.query(
      `INSERT INTO sessions (token_hash, person_id, generation, expires_at, user_agent, device_id, must_enrol_two_factor)
       SELECT $1, id, session_generation, now() + make_interval(secs => $3), $4, $5, $6 FROM people WHERE id = $2`,
      [hash, personId, this.ttlSeconds, userAgent?.slice(0, 300) ?? null, deviceId, mustEnrolTwoFactor],
    );
    return token;
  }

  /** The actor behind a session token, or null if unknown, expired or revoked (an HTTP request: may be reused). */
  async resolve(token: string): Promise<Actor | null> {
    const session = await this.resolveSession(token);
    return session && !session.mustEnrolTwoFactor ? session.actor : null;
  }

  /** The session behind a token, including one that may only enrol in two-factor sign-in (the auth guard decides). */
  async resolveSession(token: string): Promise<ResolvedSession | null> {
    const hash = hashToken(token);
    const now = Date.now();
    const reused = this.reused.get(hash);
    if (reused && reused.until > now && reused.session.expiresAt.getTime() > now) return reused.session;
    const endings = this.endings;
    const session = await this.lookUp(hash);
    if (session && endings === this.endings) {
      this.reused.delete(hash);
      this.reused.set(hash, { session, until: now + REUSE_MS });
      // The oldest first (insertion order).
      const oldest = this.reused.keys().next();
      if (this.reused.size > REUSED_MAX && !oldest.done) this.reused.delete(oldest.value);
    }
    return session;
  }

  /**
   * The actor behind a session token and when the session ends (sockets close then), or null; always from
   * the database. A session waiting for two-factor enrolment opens no socket.
   */
  async resolveUntil(token: string): Promise<ResolvedSession | null> {
    const session = await this.lookUp(hashToken(token));
    return session && !session.mustEnrolTwoFactor ? session : null;
  }

  private async lookUp(hash: string): Promise<ResolvedSession | null> {
    const rows = await preparedQuery<{ id: string; platform_role: PlatformRole; expires_at: Date; must_enrol_two_factor: boolean }>(
      this.db,
      `SELECT p.id, p.platform_role, s.expires_at, s.must_enrol_two_factor FROM sessions s JOIN people p ON p.id = s.person_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND s.generation = p.session_generation AND p.suspended_at IS NULL`,
      [hash],
    );
    const row = rows[0];
    return row
      ? {
          actor: { personId: row.id, platformRole: row.platform_role },
          expiresAt: row.expires_at,
          mustEnrolTwoFactor: row.must_enrol_two_factor,
        }
      : null;
  }

  /** The person's open sessions, newest first, the asking one marked. */
  async list(personId: string, currentToken: string | undefined): Promise<SessionView[]> {
    const rows: {
      public_id: string;
      user_agent: string | null;
      created_at: Date;
      expires_at: Date;
      device_id: string | null;
      current: boolean;
    }[] = await this.db.query(
      `SELECT s.public_id, s.user_agent, s.created_at, s.expires_at, s.device_id, s.token_hash = $2 AS current
       FROM sessions s JOIN people p ON p.id = s.person_id
       WHERE s.person_id = $1 AND s.expires_at > now() AND s.generation = p.session_generation
       ORDER BY s.created_at DESC`,
      [personId, currentToken ? hashToken(currentToken) : ''],
    );
    return rows.map((r) => ({
      id: r.public_id,
      userAgent: r.user_agent,
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      deviceId: r.device_id,
      current: r.current,
    }));
  }

  /** Ends one of the person's sessions by its public id (another person's id is "not found"). */
  async revokeById(personId: string, publicId: string): Promise<void> {
    const [rows]: [{ token_hash: string }[], number] = await this.db.query(
      'DELETE FROM sessions WHERE public_id = $1 AND person_id = $2 RETURNING token_hash',
      [publicId, personId],
    );
    if (!rows[0]) throw AppException.notFound('Session');
    this.realtime.disconnectSessionHash(rows[0].token_hash);
  }

  /** Ends every session of the person but the asking one; returns how many ended. */
  async revokeOthers(personId: string, currentToken: string): Promise<number> {
    const [rows]: [{ token_hash: string }[], number] = await this.db.query(
      'DELETE FROM sessions WHERE person_id = $1 AND token_hash <> $2 RETURNING token_hash',
      [personId, hashToken(currentToken)],
    );
    for (const row of rows) this.realtime.disconnectSessionHash(row.token_hash);
    return rows.length;
  }

  /** Two-factor sign-in is set up: the person's sessions waiting for it become ordinary ones. */
  async enrolmentDone(personId: string): Promise<void> {
    await this.db.query('UPDATE sessions SET must_enrol_two_factor = false WHERE person_id = $1 AND must_enrol_two_factor', [personId]);
    this.forget({ personId });
  }

  /** The session dies and the sockets opened with it close. */
  async revoke(token: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    this.realtime.disconnectSession(token);
  }

  /** Sessions that expired more than `days` days ago are deleted (the retention setting); returns how many. */
  async purgeEnded(days: number): Promise<number> {
    const rows: unknown[] = await this.db.query('DELETE FROM sessions WHERE expires_at < now() - make_interval(days => $1) RETURNING 1', [
      days,
    ]);
    return rows.length;
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
