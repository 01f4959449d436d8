import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const names = new Map<string, string>();
const supported = new WeakMap<DataSource, Promise<boolean>>();

/**
 * PGlite is one backend session shared by every socket connection: a statement prepared by one
 * connection (or by an earlier pool's) would collide with the next one's, so it runs them unnamed.
 */
function namedStatements(db: DataSource, pool: Pool): Promise<boolean> {
  let answer = supported.get(db);
  if (!answer) {
    answer = pool.query<{ version: string }>('SELECT version()').then(({ rows }) => !rows[0].version.includes('PGlite'));
    supported.set(db, answer);
  }
  return answer;
}

/** A stable statement name per SQL text (pg refuses one name for two texts on a connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `m_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot, read-only statement of fixed text as a named prepared statement: each pooled
 * connection parses and plans it once (PostgreSQL then keeps a generic plan), instead of planning
 * it again at every request. For the statements of the busiest pages only (a topic page's planning
 * cost several times its execution): their text must not vary with the input (parameters only),
 * or every variant would stay prepared on every connection. Reported to TypeORM's logger like any
 * query (the query-counting tests see it). Inside a transaction (an EntityManager) and on PGlite, a plain query.
 */
export async function preparedQuery<T>(db: DataSource | Pick<EntityManager, 'query'>, text: string, params: unknown[]): Promise<T[]> {
  if (!(db instanceof DataSource)) return db.query(text, params);
  const pool = (db.driver as PostgresDriver).master as Pool;
  if (!(await namedStatements(db, pool))) return db.query(text, params);
  db.logger.logQuery(text, params);
  const result = await pool.query({ name: statementName(text), text, values: params });
  return result.rows as T[];
}
