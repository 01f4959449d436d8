// npm run bench:search — the search engine at volume, in one run:
//  1. seeds BENCH_COMPANIES (200,000) companies with offers and needs (`npm run seed` logic, apps/api/dist/seed),
//  2. rebuilds the whole index (`npm run reindex`) and reports documents/s (goal ≥ 5,000),
//  3. runs a fixed mixed query set (prefix, typo, multi-word, filtered, faceted, radius, suggest) through
//     the HTTP API and, in the same run, the same engine queries executed directly (PostgresSearchEngine
//     on its own connection pool; on PostgreSQL both in turn, by blocks of 5 rounds), and prints p50/p95/p99 of each and their ratios
//     (goals: API p95 ≤ 1.5 × direct p95; p95 ≤ 30 ms on the PostgreSQL engine).
// BENCH_DB=postgres (default: the local server, BENCH_POSTGRES_URL) or pglite (embedded, under /tmp).
// Requires a build (`npm run build` or `nx run api:build`). Latencies are measured with one client at a time.
// BENCH_COMPANIES, BENCH_ROUNDS; BENCH_REUSE=1 queries the previous run's data set again.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { databaseUrl, freshDatabase, startApi, waitFor } from './lib.mjs';

const require = createRequire(import.meta.url);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const DB = process.env.BENCH_DB ?? 'postgres';
const PORT = 3911;
const DATA_DIR = `/tmp/maillage-bench-search-${DB}`;

/** The fixed query set: [label, query string] (facets are always computed by the endpoint). */
const QUERIES = [
  ['prefix', 'q=usin'],
  ['prefix', 'q=chaud'],
  ['prefix', 'q=logic'],
  ['typo', 'q=usinnage'],
  ['typo', 'q=chaudronerie'],
  ['typo', 'q=menuiseire%20bois'],
  ['multi-word', 'q=usinage%20inox%20loire'],
  ['multi-word', 'q=d%C3%A9veloppement%20web%20lyon'],
  ['multi-word', 'q=transport%20logistique%20messagerie'],
  ['filtered', 'q=usinage&departement=42'],
  ['filtered', 'q=soudure&naf=25&headcount=11,12'],
  ['faceted', 'naf=C&region=84&sort=name'],
  ['radius', 'q=usinage&near=42218&radiusKm=30&sort=distance'],
  ['radius', 'near=69123&radiusKm=15'],
  ['suggest', 'suggest?q=meca'],
];

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

const fmt = (m) =>
  `p50 ${m.p50.toFixed(1).padStart(6)} ms   p95 ${m.p95.toFixed(1).padStart(6)} ms   p99 ${m.p99.toFixed(1).padStart(6)} ms`;

/** The engine call the endpoint makes for a query string (same translation as DirectoryService). */
function engineCall(engine, qs, centres) {
  const p = new URLSearchParams(qs.replace(/^suggest\?/, ''));
  const list = (k) => (p.get(k) ? p.get(k).split(',') : undefined);
  const facets = [
    'kind',
    'nafSection',
    'nafDivision',
    'departement',
    'region',
    'epci',
    'commune',
    'headcount',
    'network',
    'networkType',
    'maturity',
  ];
  if (qs.startsWith('suggest?')) {
    return engine.suggest({ q: p.get('q'), kinds: ['company', 'expert', 'network', 'topic'], sort: 'relevance', audience: [] }, 5);
  }
  const near = p.get('near')
    ? { ...centres[p.get('near')], radiusKm: p.get('radiusKm') ? Number(p.get('radiusKm')) : undefined }
    : undefined;
  return engine.search({
    q: p.get('q') ?? undefined,
    filters: { naf: list('naf'), departement: list('departement'), region: list('region'), headcount: list('headcount') },
    near,
    sort: p.get('sort') ?? undefined,
    page: 1,
    pageSize: 20,
    facets,
    audience: [],
  });
}

/**
 * Runs the query set ROUNDS times (after two rounds of warm-up) through each of `fns`, one query at a time; with
 * several, they take turns by blocks of BLOCK rounds (so that they see the machine in the same state, each with
 * its own data warm in the caches).
 */
async function measure(fns) {
  const BLOCK = 5;
  const perQuery = fns.map(() => QUERIES.map(() => []));
  const rounds = async (f, count, record) => {
    for (let round = 0; round < count; round++) {
      for (let i = 0; i < QUERIES.length; i++) {
        const t = performance.now();
        await fns[f](QUERIES[i][1]);
        if (record) perQuery[f][i].push(performance.now() - t);
      }
    }
  };
  for (let f = 0; f < fns.length; f++) await rounds(f, 2, false);
  for (let done = 0; done < ROUNDS; done += BLOCK) {
    for (let f = 0; f < fns.length; f++) await rounds(f, Math.min(BLOCK, ROUNDS - done), true);
  }
  return perQuery.map((lists) => ({ all: percentiles(lists.flat()), perQuery: lists.map(percentiles) }));
}

async function main() {
  let url = null;
  const env = { SEED_DEMO: 'false', DB_POOL_SIZE: '10' };
  // BENCH_REUSE=1: query the data set of the previous run again (no seed, no index build).
  const reuse = process.env.BENCH_REUSE === '1';
  if (DB === 'postgres') {
    url = reuse ? databaseUrl('maillage_bench_search') : await freshDatabase('maillage_bench_search');
    env.DATABASE_URL = url;
  } else if (!reuse) {
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
  env.DATA_DIR = DATA_DIR;
  console.log(
    `node ${process.version}, ${DB}, ${reuse ? 'previous data set' : `${COMPANIES} companies`}, ${ROUNDS} rounds of ${QUERIES.length} queries, one client`,
  );

  let t = Date.now();
  if (!reuse) await run(['apps/api/dist/cli/seed-cli.js', '--companies', String(COMPANIES), '--no-index'], env);
  const seedSeconds = (Date.now() - t) / 1000;

  t = Date.now();
  const out = reuse ? '' : await run(['apps/api/dist/cli/reindex-cli.js'], env);
  const reindexSeconds = (Date.now() - t) / 1000;
  const m = /Reindexed .*: (\d+) documents in ([\d.]+) s \((\d+) documents\/s\)/.exec(out);
  const indexRate = m ? Number(m[3]) : NaN;
  const documents = m ? Number(m[1]) : NaN;

  // The direct engine on its own pool (PostgreSQL), or on the embedded database before the API opens it (PGlite).
  const { DataSource } = require('typeorm');
  const { PostgresSearchEngine } = require('../../apps/api/dist/core/search/postgres-search.engine.js');
  let stopEmbedded = null;
  if (DB !== 'postgres') {
    const { startEmbeddedPostgres } = await import('../../apps/api/dist/core/database/embedded-postgres.mjs');
    const embedded = await startEmbeddedPostgres(`${DATA_DIR}/pglite`);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 10 } });
  await ds.initialize();
  const centres = Object.fromEntries(
    (await ds.query("SELECT code, lat, lng FROM commune_geo WHERE code IN ('42218', '69123')")).map((r) => [
      r.code,
      { lat: r.lat, lng: r.lng },
    ]),
  );
  const engine = new PostgresSearchEngine(ds, { parallel: DB === 'postgres' });
  const directCall = (qs) => engineCall(engine, qs, centres);
  const apiCall = async (qs) => {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/search${qs.startsWith('suggest') ? '/' : '?'}${qs}`);
    if (!res.ok) throw new Error(`${qs}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  let direct;
  let http;
  if (DB !== 'postgres') {
    // The embedded database serves one process: the engine first, then (once it is closed) the API.
    [direct] = await measure([directCall]);
    await ds.destroy();
    await stopEmbedded();
  }
  const api = startApi({ ...env, PORT: String(PORT), SEARCH_RELAY_INTERVAL_MS: '1000' });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/health/ready`);
    // PostgreSQL: the engine and the API take turns (same machine state for both).
    if (DB === 'postgres') [direct, http] = await measure([directCall, apiCall]);
    else [http] = await measure([apiCall]);
  } finally {
    api.kill('SIGTERM');
    if (DB === 'postgres') await ds.destroy();
  }

  if (!reuse) {
    console.log(`\nseed: ${COMPANIES} companies (+ people, offers, needs) in ${seedSeconds.toFixed(1)} s`);
    console.log(
      `index build: ${documents} documents in ${reindexSeconds.toFixed(1)} s including boot; ${indexRate} documents/s (goal ≥ 5000) ${indexRate >= 5000 ? 'OK' : 'BELOW GOAL'}`,
    );
  }
  console.log(`\nper query (HTTP p50 / p95, direct p50 / p95, ms):`);
  QUERIES.forEach(([kind, qs], i) => {
    const a = http.perQuery[i];
    const d = direct.perQuery[i];
    console.log(
      `  ${kind.padEnd(10)} ${qs.padEnd(48)} ${a.p50.toFixed(1).padStart(6)} / ${a.p95.toFixed(1).padStart(6)}   ${d.p50.toFixed(1).padStart(6)} / ${d.p95.toFixed(1).padStart(6)}`,
    );
  });
  console.log(`\nall queries (${http.all.n} samples each):`);
  console.log(`  ${'HTTP API'.padEnd(24)} ${fmt(http.all)}`);
  console.log(`  ${'engine query, direct'.padEnd(24)} ${fmt(direct.all)}`);
  const ratio = http.all.p95 / direct.all.p95;
  console.log(
    `  ratio API / direct: p50 ${(http.all.p50 / direct.all.p50).toFixed(2)}×, p95 ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'ABOVE GOAL'}, p99 ${(http.all.p99 / direct.all.p99).toFixed(2)}×`,
  );
  console.log(
    `  API p95 ${http.all.p95.toFixed(1)} ms (goal ≤ 30 ms on the PostgreSQL engine) ${http.all.p95 <= 30 ? 'OK' : 'ABOVE GOAL'}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
