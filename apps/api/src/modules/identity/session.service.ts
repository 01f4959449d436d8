import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformRole } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'maillage_session';

/** Server-side sessions: the cookie holds a random token, the table its hash and the person's generation. */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly realtime: RealtimeService,
  ) {}

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

  /** The actor behind a session token, or null if unknown, expired or revoked. */
  async resolve(token: string): Promise<Actor | null> {
    return (await this.resolveUntil(token))?.actor ?? null;
  }

  /** The actor behind a session token and when the session ends (sockets close then), or null. */
  async resolveUntil(token: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
    const rows = await preparedQuery<{ id: string; platform_role: PlatformRole; expires_at: Date }>(
      this.db,
      `SELECT p.id, p.platform_role, s.expires_at FROM sessions s JOIN people p ON p.id = s.person_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND s.generation = p.session_generation`,
      [hashToken(token)],
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
