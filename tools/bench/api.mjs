// npm run bench:api — framework overhead of the API, measured against bare node:http in the same run.
//  1. GET /api/health vs a node:http server returning the same bytes, headers included (goal ≥ 70 %).
//  2. A database-backed company page vs the bare `pg` query served by node:http, same pool size (goal ≥ 60 %).
// Uses the local PostgreSQL (BENCH_POSTGRES_URL) with the 2,000-company demo data set.
import pg from 'pg';
import { freshDatabase, load, report, startApi, startBare, waitFor } from './lib.mjs';

const API_PORT = 3901;
const BARE_PORT = 3902;
const POOL = 10;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const url = await freshDatabase('maillage_bench_api');
const api = startApi({ DATABASE_URL: url, PORT: String(API_PORT), DB_POOL_SIZE: String(POOL), DATA_DIR: '/tmp/maillage-bench-api' });
let bare;
try {
  await waitFor(`http://127.0.0.1:${API_PORT}/api/health/ready`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // At its first start the API seeds the demo data set and its search relay indexes it in the background:
  // measure once that work is done (it would otherwise share the cores with the requests measured).
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const {
      rows: [{ pending }],
    } = await client.query('SELECT count(*)::int AS pending FROM search_outbox');
    if (pending === 0) break;
  }
  const { rows } = await client.query('SELECT id FROM companies ORDER BY siret LIMIT 1');
  await client.end();
  bare = startBare({
    DATABASE_URL: url,
    PORT: String(BARE_PORT),
    DB_POOL_SIZE: String(POOL),
    API_URL: `http://127.0.0.1:${API_PORT}`,
    COMPANY_ID: rows[0].id,
  });
  await waitFor(`http://127.0.0.1:${BARE_PORT}/api/health`);
  const company = `/api/v1/companies/${rows[0].id}`;
  console.log(`node ${process.version}, ${seconds} s per run, 50 connections, pool ${POOL}`);

  const health = report(
    'GET /api/health',
    await load(`http://127.0.0.1:${API_PORT}/api/health`, { duration: seconds }),
    await load(`http://127.0.0.1:${BARE_PORT}/api/health`, { duration: seconds }),
    70,
  );
  const page = report(
    `GET ${company.replace(rows[0].id, ':id')} (public company page)`,
    await load(`http://127.0.0.1:${API_PORT}${company}`, { duration: seconds }),
    await load(`http://127.0.0.1:${BARE_PORT}${company}`, { duration: seconds }),
    60,
  );
  console.log(`\nsummary: health ${(health * 100).toFixed(1)} %, company page ${(page * 100).toFixed(1)} %`);
} finally {
  api.kill('SIGTERM');
  bare?.kill('SIGTERM');
}
