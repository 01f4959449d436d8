import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/** Commune centre coordinates, used when a company has none of its own. */
@Injectable()
export class GeoService {
  constructor(private readonly db: DataSource) {}

  /** (Outside a transaction, a prepared statement: every radius search asks it.) */
  async communeCentre(code: string, manager?: EntityManager): Promise<{ lat: number; lng: number } | null> {
    const rows = await preparedQuery<{ lat: number; lng: number }>(manager ?? this.db, 'SELECT lat, lng FROM commune_geo WHERE code = $1', [
      code,
    ]);
    return rows[0] ?? null;
  }

  /** Inserts or replaces coordinates in batches; returns the number of rows written. */
  async upsert(rows: { code: string; lat: number; lng: number }[], manager: EntityManager = this.db.manager): Promise<number> {
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await manager.query(
        `INSERT INTO commune_geo (code, lat, lng) SELECT * FROM unnest($1::varchar[], $2::float8[], $3::float8[])
         ON CONFLICT (code) DO UPDATE SET lat = excluded.lat, lng = excluded.lng`,
        [batch.map((r) => r.code), batch.map((r) => r.lat), batch.map((r) => r.lng)],
      );
    }
    return rows.length;
  }
}
