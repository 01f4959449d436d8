import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../../core/errors/app-exception';

export interface ThrottleRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

const HOUR = 3600;

/**
 * The client an address stands for in per-address limits: an IPv4 address, or the /64 network of an
 * IPv6 one (one subscriber usually holds a whole /64 and could otherwise rotate through it).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head, tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** Rules other modules throttle their e-mail-sending actions with. */
export const throttleRules = {
  /** Invitation e-mails one person sends (colleagues, network members). */
  invitationsBy: (personId: string): ThrottleRule => ({ key: `invite:by:${personId}`, limit: 30, windowSeconds: HOUR }),
  /** Invitation e-mails one address receives, whoever sends them. */
  invitationsTo: (email: string): ThrottleRule => ({ key: `invite:to:${email.toLowerCase()}`, limit: 20, windowSeconds: 24 * HOUR }),
};

/**
 * Fixed-window counters kept in PostgreSQL, so every API replica shares them. An attempt is counted
 * first, atomically (one upsert per rule, serialised on the row), and only then checked and carried
 * out: concurrent attempts cannot all read a count under the limit.
 */
@Injectable()
export class ThrottleService {
  constructor(private readonly db: DataSource) {}

  private async hit(rule: ThrottleRule): Promise<number> {
    const rows: { count: number }[] = await this.db.query(
      `INSERT INTO auth_throttles (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN auth_throttles.window_start < now() - make_interval(secs => $2) THEN 1
                      ELSE auth_throttles.count + 1 END,
         window_start = CASE WHEN auth_throttles.window_start < now() - make_interval(secs => $2) THEN now()
                      ELSE auth_throttles.window_start END
       RETURNING count`,
      [rule.key, rule.windowSeconds],
    );
    return rows[0].count;
  }

  /** Counts one more attempt on each rule and throws 429 if one goes over: call it before doing the work. */
  async consume(...rules: ThrottleRule[]): Promise<void> {
    for (const rule of rules) {
      if ((await this.hit(rule)) > rule.limit) throw AppException.tooManyRequests(rule.windowSeconds);
    }
  }

  /** Counts one more attempt; false once over the limit (for quotas that must not reveal themselves). */
  async allow(rule: ThrottleRule): Promise<boolean> {
    return (await this.hit(rule)) <= rule.limit;
  }

  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM auth_throttles WHERE key = $1', [key]);
  }
}
