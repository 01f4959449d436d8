import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ApiProcess {
  child: ChildProcess;
  /** Resolves once the process has exited. */
  exited: Promise<number | null>;
}

const ROOT = join(__dirname, '../../..');

/**
 * The API as its own operating-system process (apps/api/src/main.ts compiled on the fly), for tests that kill it:
 * `env` is its configuration. Resolves once it listens.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(ROOT, 'apps/api/test/tsconfig.process.json'),
      PORT: '0',
      HOST: '127.0.0.1',
      RUN_MIGRATIONS: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process did not start in time:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Maillage is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    void exited.then((code) => reject(new Error(`API process exited (${code}) before listening:\n${output}`)));
  });
  return { child, exited };
}

/** Bulk people for volume tests: `count` companies, one person each, active members of the network. */
export async function bulkMembers(
  db: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  networkId: string,
  count: number,
  prefix: string,
): Promise<void> {
  await db.query(
    `WITH p AS (
       INSERT INTO people (email, first_name, last_name, email_verified_at)
       SELECT $3 || '.' || i || '@bulk.example', 'Membre', 'N' || i, now() FROM generate_series(1, $2::int) i RETURNING id, email),
     c AS (
       INSERT INTO companies (siren, siret, legal_name)
       SELECT s, s || '00011', 'Entreprise ' || $3 || ' ' || i
       FROM generate_series(1, $2::int) i, LATERAL (SELECT (700000000 + (SELECT count(*) FROM companies) + i)::text AS s) x RETURNING id, legal_name),
     pairs AS (
       SELECT p.id AS person_id, c.id AS company_id FROM
         (SELECT id, row_number() OVER (ORDER BY email) AS n FROM p) p JOIN (SELECT id, row_number() OVER (ORDER BY legal_name) AS n FROM c) c ON c.n = p.n),
     cm AS (INSERT INTO company_members (company_id, person_id, role) SELECT company_id, person_id, 'owner' FROM pairs)
     INSERT INTO network_memberships (network_id, company_id, role, status) SELECT $1, company_id, 'member', 'active' FROM pairs`,
    [networkId, count, prefix],
  );
}
