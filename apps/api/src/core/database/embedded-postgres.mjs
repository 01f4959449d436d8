// PostgreSQL embedded in the process (PGlite, WASM) and exposed on a loopback port through
// pglite-socket, so that TypeORM and `pg` use their ordinary wire driver. Plain ESM on purpose:
// the API imports it at boot and the test global setup imports it too (Jest cannot load PGlite).
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import net from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts PGlite with its data under `dataDir` (or in memory when null).
 * @returns {{ url: string, stop: () => Promise<void> }}
 */
export async function startEmbeddedPostgres(dataDir, { maxConnections = 20 } = {}) {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { pg_trgm, unaccent } });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
