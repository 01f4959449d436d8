// npm run bench:forums — the forums at volume, in one run:
//  1. seeds BENCH_COMPANIES (200,000) companies, then BENCH_NETWORKS (2,000) networks whose forums hold
//     BENCH_POSTS (1,000,000) posts (`npm run seed -- --forum-networks … --forum-posts …`, bulk SQL),
//  2. starts the built API and measures, one client at a time (10 warm-up requests, then BENCH_REQUESTS = 500):
//     GET /api/health (the baseline), a topic page (20 posts with authors, reactions, quotes, attachments) and a
//     topic list, both as the demo member reading a private forum and anonymously in a public one, and a topic
//     page read just after its posts changed (nothing kept of it is current: what a first read costs);
//  3. prints p50 / p90 / p99 of each and their ratio to the baseline measured in the same run.
// BENCH_POSTGRES_URL (the local server), BENCH_DB and BENCH_PORT (to run beside another copy of the bench); BENCH_REUSE=1 measures the previous run's data set again.
// BENCH_API_NODE_ARGS passes flags to the API's node (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" to profile it).
// Requires a build (`npm run build` or `nx run api:build`; BENCH_API_DIST points at another build of apps/api).
import { spawn } from 'node:child_process';
import pg from 'pg';
import { databaseUrl, freshDatabase, percentiles, signIn, waitFor } from './lib.mjs';

const DIST = process.env.BENCH_API_DIST ?? 'apps/api/dist';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 200_000);
const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 2_000);
const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
/** Warm-up requests per endpoint (the issue's 10; BENCH_WARMUP=3000 compares the endpoints once everything is warm). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3912);
const DB_NAME = process.env.BENCH_DB ?? 'maillage_bench_forums';
const BASE = `http://127.0.0.1:${PORT}`;

function start(args, env, stdout = 'inherit') {
  return spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', stdout, 'inherit'] });
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    start(args, env).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Measures the endpoints in turns (one request to each, round after round), so that they all see the same
 * machine: measured one after the other, the first (the baseline) would run while the process, the database
 * and the CPU are still warming up, and the later ones once they are warm.
 */
async function measureInTurns(endpoints) {
  const samples = endpoints.map(() => []);
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const order = process.env.BENCH_ORDER === 'reverse' ? [...endpoints.keys()].reverse() : [...endpoints.keys()];
    for (const k of order) {
      const { label, path, headers = {}, before } = endpoints[k];
      if (before) await before();
      const t = performance.now();
      const res = await fetch(BASE + path, { headers });
      if (!res.ok) throw new Error(`${label} ${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      if (i >= WARMUP) samples[k].push(performance.now() - t);
    }
  }
  return endpoints.map(({ label, path }, k) => ({ label, path, ...percentiles(samples[k]) }));
}

async function main() {
  const reuse = process.env.BENCH_REUSE === '1';
  const url = reuse ? databaseUrl(DB_NAME) : await freshDatabase(DB_NAME);
  const env = { DATABASE_URL: url, SEED_DEMO: 'false', DB_POOL_SIZE: '10', DATA_DIR: '/tmp/maillage-bench-forums' };
  console.log(
    `node ${process.version}, PostgreSQL, ${reuse ? 'previous data set' : `${COMPANIES} companies, ${NETWORKS} networks, ${POSTS} posts`}, ${REQUESTS} requests per endpoint after ${WARMUP} warm-up, one client`,
  );
  if (!reuse) {
    const t = Date.now();
    await run(
      [
        `${DIST}/cli/seed-cli.js`,
        '--companies',
        String(COMPANIES),
        '--no-index',
        '--forum-networks',
        String(NETWORKS),
        '--forum-posts',
        String(POSTS),
      ],
      env,
    );
    console.log(`seed: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const [{ posts, topics }] = (
    await db.query('SELECT (SELECT count(*)::int FROM forum_posts) AS posts, (SELECT count(*)::int FROM forum_topics) AS topics')
  ).rows;
  const pick = async (visibility, offset = 0) =>
    (
      await db.query(
        `SELECT t.id, t.network_id FROM forum_topics t JOIN networks n ON n.id = t.network_id
         WHERE n.visibility = $1 AND n.slug LIKE 'bench-forum-%' AND t.last_sequence >= 20 ORDER BY n.slug, t.created_at LIMIT 1 OFFSET $2`,
        [visibility, offset],
      )
    ).rows[0];
  const privateTopic = await pick('private');
  const publicTopic = await pick('public');
  const changedTopic = await pick('public', 1);
  if (!privateTopic || !publicTopic || !changedTopic) throw new Error('No topic with 20 posts: seed first');
  console.log(`data set: ${topics} topics, ${posts} posts`);

  const api = start(
    [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), `${DIST}/main.js`],
    { ...env, PORT: String(PORT), SEARCH_RELAY_INTERVAL_MS: '0' },
    'ignore',
  );
  const results = [];
  try {
    await waitFor(`${BASE}/api/health/ready`);
    const member = await signIn(BASE, 'membre@demo.maillage.fr', 'maillage-demo-2026');
    const asMember = { cookie: member };
    results.push(
      ...(await measureInTurns([
        { label: 'GET /api/health (baseline)', path: '/api/health' },
        { label: 'GET /api/health/ready (SELECT 1)', path: '/api/health/ready' },
        { label: 'topic page, member, private', path: `/api/v1/forum/topics/${privateTopic.id}?page=1&pageSize=20`, headers: asMember },
        {
          label: 'topic list, member, private',
          path: `/api/v1/networks/${privateTopic.network_id}/forum/topics?page=1&pageSize=20`,
          headers: asMember,
        },
        { label: 'topic page, anonymous, public', path: `/api/v1/forum/topics/${publicTopic.id}?page=1&pageSize=20` },
        { label: 'topic list, anonymous, public', path: `/api/v1/networks/${publicTopic.network_id}/forum/topics?page=1&pageSize=20` },
        {
          // What the pages keep is of no use here: its posts changed just before (a new version, as a reply gives).
          label: 'topic page, first read (changed)',
          path: `/api/v1/forum/topics/${changedTopic.id}?page=1&pageSize=20`,
          before: () => db.query('UPDATE forum_topics SET posts_version = posts_version + 1 WHERE id = $1', [changedTopic.id]),
        },
      ])),
    );
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }

  const [baseline] = results;
  console.log(
    `\n${'endpoint'.padEnd(32)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)}   ratio to baseline (p50 / p90 / p99)`,
  );
  for (const r of results) {
    const ratio = (k) => `${(r[k] / baseline[k]).toFixed(2)}×`;
    console.log(
      `${r.label.padEnd(32)} ${r.p50.toFixed(2).padStart(6)} ms ${r.p90.toFixed(2).padStart(6)} ms ${r.p99.toFixed(2).padStart(6)} ms   ${ratio('p50')} / ${ratio('p90')} / ${ratio('p99')}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
