import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../../core/errors/app-exception';

export interface ThrottleRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** Fixed-window counters kept in PostgreSQL, so every API replica shares them. */
@Injectable()
export class ThrottleService {
  constructor(private readonly db: DataSource) {}

  async hit(rule: ThrottleRule): Promise<number> {
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

  async count(rule: ThrottleRule): Promise<number> {
    const rows: { count: number }[] = await this.db.query(
      `SELECT count FROM auth_throttles WHERE key = $1 AND window_start >= now() - make_interval(secs => $2)`,
      [rule.key, rule.windowSeconds],
    );
    return rows[0]?.count ?? 0;
  }

  /** Throws 429 when any rule is already at its limit. */
  async assertUnder(...rules: ThrottleRule[]): Promise<void> {
    for (const rule of rules) {
      if ((await this.count(rule)) >= rule.limit) throw AppException.tooManyRequests(rule.windowSeconds);
    }
  }

  /** Counts one more attempt on each rule and throws 429 if one goes over. */
  async consume(...rules: ThrottleRule[]): Promise<void> {
    for (const rule of rules) {
      if ((await this.hit(rule)) > rule.limit) throw AppException.tooManyRequests(rule.windowSeconds);
    }
  }

  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM auth_throttles WHERE key = $1', [key]);
  }
}
