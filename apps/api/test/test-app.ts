import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/config/config';
import { adminQuery, assertTestDatabase, runPrefix, SERVER_URL, templateDb, withDatabase } from './test-database';
import { HttpClient } from './http-client';

export interface TestApp {
  url: string;
  running: RunningApp;
  db: DataSource;
  /** A fresh client with its own cookie jar (a browser). */
  client(ip?: string): HttpClient;
  close(): Promise<void>;
}

/** Empties every table (PGlite: one shared database, test files run one after another). */
async function truncateAll(url: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  const tables: { tablename: string }[] = await ds.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'",
  );
  if (tables.length) await ds.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
  await ds.destroy();
}

/** The whole API on a random port, on its own database (a clone of the migrated template). */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const pglite = process.env.TEST_DB === 'pglite';
  let databaseUrl = process.env.TEST_DATABASE_URL!;
  let dbName: string | null = null;
  if (overrides.DATABASE_URL) {
    // Another test app's database: several API processes sharing one database (its owner drops it).
    databaseUrl = overrides.DATABASE_URL;
  } else if (pglite) {
    await truncateAll(databaseUrl);
  } else {
    dbName = `${runPrefix()}_${randomBytes(6).toString('hex')}`;
    assertTestDatabase(dbName);
    await adminQuery((c) => c.query(`CREATE DATABASE ${dbName} TEMPLATE ${templateDb()}`));
    databaseUrl = withDatabase(SERVER_URL, dbName);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-test-'));
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    RUN_MIGRATIONS: false,
    SEED_DEMO: false,
    // The test client plays the one reverse proxy in front of the API (X-Forwarded-For: the client's address).
    TRUST_PROXY: 1,
    // Like the embedded mode of `npm start`: one connection to PGlite.
    DB_POOL_SIZE: pglite ? 1 : 5,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-42',
    // The search outbox relay is driven by the tests (SearchIndexer.drain()), so that no background write races a snapshot.
    SEARCH_RELAY_INTERVAL_MS: 0,
    ...overrides,
  };
  const running = await createApp(config, { logger: false });
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await running.app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    running,
    db: running.app.get(DataSource),
    client: (ip) => new HttpClient(url, ip),
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName) await adminQuery((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    },
  };
}
