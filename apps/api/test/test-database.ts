import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/core/database/migrations';
import { SnakeNamingStrategy } from '../src/core/database/snake-naming.strategy';

export const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * Databases of one test run share a prefix with the run's start time (base 36), so that concurrent
 * runs never touch each other's databases and leftovers of interrupted runs can be recognised.
 */
export function runPrefix(): string {
  process.env.TEST_RUN_ID ??= Date.now().toString(36);
  return `maillage_test_${process.env.TEST_RUN_ID}`;
}
export const templateDb = () => `${runPrefix()}_tpl`;
const STALE_MS = 3 * 3600_000;

/** Drops the databases of runs that started more than three hours ago (interrupted runs). */
export async function dropStaleDatabases(client: Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'maillage\\_test\\_%'");
  for (const { datname } of rows) {
    const started = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(started) && Date.now() - started > STALE_MS)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

/** Refuses to touch any database whose name does not say it is for tests. */
export function assertTestDatabase(name: string): void {
  if (!/test/.test(name)) throw new Error(`Refusing to use database "${name}": its name must contain "test"`);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function runMigrations(url: string): Promise<void> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    migrationsTransactionMode: 'each',
  });
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}
