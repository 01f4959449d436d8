import { TEMPLATE_DB, adminQuery, assertTestDatabase, runMigrations, SERVER_URL, withDatabase } from './test-database';

/** Migrates once: into a template database (PostgreSQL) or into an in-memory PGlite. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB === 'pglite') {
    const { startEmbeddedPostgres } = await import('../src/core/database/embedded-postgres.mjs');
    const embedded = await startEmbeddedPostgres(null, { maxConnections: 50 });
    (globalThis as { __pglite?: { stop: () => Promise<void> } }).__pglite = embedded;
    await runMigrations(embedded.url);
    process.env.TEST_DATABASE_URL = embedded.url;
    return;
  }
  assertTestDatabase(TEMPLATE_DB);
  await adminQuery(async (c) => {
    // Leftover clones of an interrupted run.
    const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'maillage_test_%'");
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  await runMigrations(withDatabase(SERVER_URL, TEMPLATE_DB));
  process.env.TEST_DATABASE_URL = withDatabase(SERVER_URL, TEMPLATE_DB);
}
