import { adminQuery, assertTestDatabase, dropStaleDatabases, runMigrations, SERVER_URL, templateDb, withDatabase } from './test-database';

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
  const template = templateDb();
  assertTestDatabase(template);
  await adminQuery(async (c) => {
    await dropStaleDatabases(c);
    await c.query(`CREATE DATABASE ${template}`);
  });
  await runMigrations(withDatabase(SERVER_URL, template));
  process.env.TEST_DATABASE_URL = withDatabase(SERVER_URL, template);
}
