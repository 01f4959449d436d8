import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KnownDeviceView } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { hashToken, newToken } from '../../core/auth/tokens';

const DEVICE_TTL_DAYS = 365;
const MAX_DEVICES = 50;

/**
 * Known devices (OWASP "device cookies"): each browser that signs in gets its own random token,
 * stored hashed and replaced at every successful sign-in. A known device is spared the account-wide
 * lockout, so someone spraying passwords at an account cannot lock its owner out of their own browser.
 */
@Injectable()
export class DevicesService {
  constructor(
    private readonly db: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  get ttlSeconds(): number {
    return DEVICE_TTL_DAYS * 86400;
  }

  /** The device behind a device cookie, if it is a live device of the account with this e-mail. */
  async find(token: string | undefined, email: string): Promise<string | null> {
    if (!token || token.length > 100) return null;
    const rows: { id: string }[] = await this.db.query(
      `SELECT d.id FROM known_devices d JOIN people p ON p.id = d.person_id
       WHERE d.token_hash = $1 AND p.email = $2 AND d.expires_at > now()`,
      [hashToken(token), email],
    );
    return rows[0]?.id ?? null;
  }

  /** After a successful sign-in: a new token for the device (a new device if it was unknown). */
  async remember(personId: string, deviceId: string | null, userAgent: string | undefined): Promise<{ id: string; token: string }> {
    const { token, hash } = newToken();
    const agent = userAgent?.slice(0, 300) ?? null;
    if (deviceId) {
      // TypeORM answers UPDATE and DELETE statements with [rows, affected].
      const [rows]: [{ id: string }[], number] = await this.db.query(
        `UPDATE known_devices SET token_hash = $1, user_agent = $2, last_used_at = now(), expires_at = now() + make_interval(secs => $3)
         WHERE id = $4 AND person_id = $5 RETURNING id`,
        [hash, agent, this.ttlSeconds, deviceId, personId],
      );
      if (rows[0]) return { id: rows[0].id, token };
    }
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO known_devices (person_id, token_hash, user_agent, last_used_at, expires_at)
       VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4)) RETURNING id`,
      [personId, hash, agent, this.ttlSeconds],
    );
    // Keeps the list bounded: the devices unused for the longest go first (with their sessions).
    await this.db.query(
      `DELETE FROM known_devices WHERE person_id = $1 AND (expires_at <= now() OR id IN (
         SELECT id FROM known_devices WHERE person_id = $1 ORDER BY last_used_at DESC OFFSET $2))`,
      [personId, MAX_DEVICES],
    );
    return { id: rows[0].id, token };
  }

  async list(actor: Actor, sessionToken: string | undefined): Promise<KnownDeviceView[]> {
    const rows: { id: string; user_agent: string | null; created_at: Date; last_used_at: Date; sessions: number; current: boolean }[] =
      await this.db.query(
        `SELECT d.id, d.user_agent, d.created_at, d.last_used_at,
              (SELECT count(*)::int FROM sessions s WHERE s.device_id = d.id AND s.expires_at > now()) AS sessions,
              EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id AND s.token_hash = $2) AS current
       FROM known_devices d WHERE d.person_id = $1 AND d.expires_at > now() ORDER BY d.last_used_at DESC`,
        [actor.personId, sessionToken ? hashToken(sessionToken) : ''],
      );
    return rows.map((r) => ({
      id: r.id,
      userAgent: r.user_agent,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at.toISOString(),
      sessions: r.sessions,
      current: r.current,
    }));
  }

  /** Forgets the device (it is a stranger to the lockout again) and ends the sessions opened from it. */
  async revoke(actor: Actor, id: string): Promise<void> {
    const ended = await this.db.transaction(async (tx) => {
      const [sessions]: [{ token_hash: string }[], number] = await tx.query(
        'DELETE FROM sessions WHERE device_id = $1 AND person_id = $2 RETURNING token_hash',
        [id, actor.personId],
      );
      const [, deleted] = (await tx.query('DELETE FROM known_devices WHERE id = $1 AND person_id = $2', [id, actor.personId])) as [
        unknown,
        number,
      ];
      if (!deleted) throw AppException.notFound('Device');
      return sessions.map((s) => s.token_hash);
    });
    for (const hash of ended) this.realtime.disconnectSessionHash(hash);
  }
}
