import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/core/database/migrations';
import { SnakeNamingStrategy } from '../src/core/database/snake-naming.strategy';

export const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = 'maillage_test_template';

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
  const ds = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, namingStrategy: new SnakeNamingStrategy(), migrationsTransactionMode: 'each' });
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}
