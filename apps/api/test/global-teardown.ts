import { adminQuery, runPrefix } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const pglite = (globalThis as { __pglite?: { stop: () => Promise<void> } }).__pglite;
  if (pglite) return pglite.stop();
  await adminQuery(async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [runPrefix()]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
