import { adminQuery, TEMPLATE_DB } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const pglite = (globalThis as { __pglite?: { stop: () => Promise<void> } }).__pglite;
  if (pglite) return pglite.stop();
  await adminQuery((c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
}
