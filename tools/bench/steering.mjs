// npm run bench:steering — the steering cockpit and a network's indicators at volume, in one run:
//  1. seeds BENCH_COMPANIES (200,000) companies and BENCH_NETWORKS (2,000) networks whose forums hold BENCH_POSTS
//     (1,000,000) posts (the forums benchmark's seed), then gives them two years of history by bulk SQL: the posts
//     spread over 730 days, the memberships' history (one company in ten left), BENCH_EVENTS (50,000) events with
//     registrations and check-ins (one in twenty cancelled), this year's action plans for a quarter of the networks;
//     every network is hosted by the demo CCI, so that Claire's cockpit holds them all;
//  2. starts the built API, waits for its first aggregates refresh (printed: the job's cost on this data set), then
//     measures in turns, one client (10 warm-up requests, then BENCH_REQUESTS = 300 each): GET /api/health, the
//     cockpit (GET /api/v1/steering/cockpit as Claire, 2,000+ lines read, 50 shown) and one network's indicators page,
//     and the same statements run directly on the database with `pg` (imported from the build);
//  3. prints p50 / p95 / p99 of each, the API's ratio to the direct reads, and the goals (p95 ≤ 300 ms, ≤ 1.5×).
// BENCH_POSTGRES_URL (the local server); BENCH_REUSE=1 measures the previous run's data set again.
// Requires a build (`npm run build` or `nx run api:build`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import pg from 'pg';
import { databaseUrl, freshDatabase, percentiles, signIn, waitFor } from './lib.mjs';

const DIST = process.env.BENCH_API_DIST ?? 'apps/api/dist';
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 200_000);
const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 2_000);
const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3730);
const DB_NAME = 'maillage_bench_steering';
const BASE = `http://127.0.0.1:${PORT}`;
const ANIMATOR = 'animatrice@demo.maillage.fr';

function start(args, env, stdout = 'inherit') {
  return spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', stdout, 'inherit'] });
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    start(args, env).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** Two years of history on the benchmark networks (bulk SQL, like the forums' volume seed). */
async function addHistory(db) {
  const bench = "SELECT id FROM networks WHERE slug LIKE 'bench-forum-%'";
  const step = async (label, sql, params = []) => {
    const t = Date.now();
    const res = await db.query(sql, params);
    console.log(`history: ${label} (${res.rowCount ?? 0} rows, ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  await step(
    'networks hosted by the demo CCI',
    `UPDATE networks SET host_organization_id = (SELECT s.organization_id FROM organization_staff s JOIN people p ON p.id = s.person_id WHERE p.email = $1)
     WHERE slug LIKE 'bench-forum-%'`,
    [ANIMATOR],
  );
  await step(
    'topics over two years',
    `UPDATE forum_topics SET created_at = now() - make_interval(days => abs(hashtext(id::text)) % 730, hours => abs(hashtext(id::text)) % 24)
     WHERE network_id IN (${bench})`,
  );
  await step(
    'posts after their topic',
    `UPDATE forum_posts p SET created_at = least(now(), t.created_at + make_interval(hours => p.sequence * 3))
     FROM forum_topics t WHERE t.id = p.topic_id AND t.network_id IN (${bench})`,
  );
  await step(
    'topics’ last post',
    `UPDATE forum_topics t SET last_post_at = (SELECT max(created_at) FROM forum_posts WHERE topic_id = t.id) WHERE t.network_id IN (${bench})`,
  );
  await step(
    'memberships joined along two years',
    `INSERT INTO network_membership_events (membership_id, action, from_status, to_status, created_at)
     SELECT m.id, 'join', NULL, 'active', now() - make_interval(days => 30 + abs(hashtext(m.id::text)) % 700)
     FROM network_memberships m WHERE m.network_id IN (${bench})`,
  );
  await step(
    'one company in ten left',
    `WITH gone AS (UPDATE network_memberships m SET status = 'left' WHERE m.network_id IN (${bench}) AND m.role = 'member' AND abs(hashtext(m.id::text)) % 10 = 0 RETURNING m.id)
     INSERT INTO network_membership_events (membership_id, action, from_status, to_status, created_at)
     SELECT g.id, 'leave', 'active', 'left', e.created_at + interval '20 days' FROM gone g JOIN network_membership_events e ON e.membership_id = g.id`,
  );
  const perNetwork = Math.max(1, Math.round(EVENTS / NETWORKS));
  await step(
    `${perNetwork} events per network over two years`,
    `INSERT INTO agenda_events (network_id, title, status, format, online_url, starts_at, ends_at)
     SELECT n.id, 'Rencontre ' || g, CASE WHEN g % 20 = 0 THEN 'cancelled' ELSE 'published' END, 'online', 'https://visio.example.org/rencontre',
            now() - make_interval(days => (g * 729 / $1::int) + abs(hashtext(n.id::text)) % 20),
            now() - make_interval(days => (g * 729 / $1::int) + abs(hashtext(n.id::text)) % 20) + interval '2 hours'
     FROM networks n CROSS JOIN generate_series(1, $1::int) AS g WHERE n.slug LIKE 'bench-forum-%'`,
    [perNetwork],
  );
  await step(
    'registrations and check-ins',
    `INSERT INTO agenda_registrations (event_id, person_id, status, checked_in_at)
     SELECT e.id, cm.person_id, 'registered', CASE WHEN abs(hashtext(e.id::text || cm.person_id::text)) % 4 <> 0 THEN e.starts_at END
     FROM agenda_events e JOIN network_memberships m ON m.network_id = e.network_id AND m.status = 'active'
     JOIN company_members cm ON cm.company_id = m.company_id
     WHERE e.network_id IN (${bench}) AND abs(hashtext(e.id::text || cm.person_id::text)) % 2 = 0`,
  );
  const year = new Date().getUTCFullYear();
  await step(
    'this year’s plans for a quarter of the networks',
    `INSERT INTO steering_plans (network_id, year, title, status) SELECT id, $1::int, 'Plan d’actions ' || $1::int, 'active'
     FROM networks WHERE slug LIKE 'bench-forum-%' AND abs(hashtext(id::text)) % 4 = 0`,
    [year],
  );
  await step(
    'their indicators',
    `INSERT INTO steering_indicators (plan_id, label, unit, target, source)
     SELECT p.id, x.label, x.unit, x.target, x.source FROM steering_plans p
     CROSS JOIN (VALUES ('Membres', 'entreprises', 12, 'members'), ('Messages', 'messages', 300, 'posts'), ('Rencontres', 'événements', 10, 'events_held'), ('Satisfaction', '%', 80, 'manual')) AS x(label, unit, target, source)`,
  );
  await step(
    'their actions',
    `INSERT INTO steering_actions (plan_id, title, start_date, due_date, status, budget_planned)
     SELECT p.id, 'Action ' || g, make_date($1::int, g * 3, 1), make_date($1::int, g * 3, 28), CASE WHEN g = 1 THEN 'done' ELSE 'planned' END, 1000
     FROM steering_plans p CROSS JOIN generate_series(1, 4) AS g`,
    [year],
  );
  await db.query('ANALYZE');
}

/**
 * The direct reads are the API's own statements (from the build), run with `pg`: the cockpit's single statement over the
 * precomputed lines (first page of 50, the totals and the filter choices) and a network page's statement.
 */
const require = createRequire(import.meta.url);
const { cockpitStatement, indicatorsStatement } = require(resolve(DIST, 'modules/steering/steering-cockpit.sql.js'));
const { steeringScopeSql } = require(resolve(DIST, 'core/access/steering-scope.sql.js'));
const DORMANT_DEFAULT = 60;

async function main() {
  const reuse = process.env.BENCH_REUSE === '1';
  const url = reuse ? databaseUrl(DB_NAME) : await freshDatabase(DB_NAME);
  const env = { DATABASE_URL: url, SEED_DEMO: 'false', DB_POOL_SIZE: '10', DATA_DIR: '/tmp/maillage-bench-steering' };
  console.log(
    `node ${process.version}, PostgreSQL, ${reuse ? 'previous data set' : `${COMPANIES} companies, ${NETWORKS} networks, ${POSTS} posts, ${EVENTS} events`}, ${REQUESTS} requests per endpoint after ${WARMUP} warm-up, one client`,
  );
  const db = new pg.Client({ connectionString: url });
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
    await db.connect();
    await addHistory(db);
  } else await db.connect();
  // A fresh data set is aggregated from scratch (its history was written after the seed's own refresh).
  await db.query(`UPDATE steering_refresh_state SET last_run_at = NULL${reuse ? '' : ', refreshed_day = NULL'}`);
  const [counts] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM networks) AS networks, (SELECT count(*)::int FROM forum_posts) AS posts,
              (SELECT count(*)::int FROM agenda_events) AS events, (SELECT count(*)::int FROM agenda_registrations) AS registrations,
              (SELECT count(*)::int FROM network_membership_events) AS moves`,
    )
  ).rows;
  console.log(`data set: ${JSON.stringify(counts)}`);

  const api = start([`${DIST}/main.js`], { ...env, PORT: String(PORT), SEARCH_RELAY_INTERVAL_MS: '0' }, 'ignore');
  const results = [];
  try {
    await waitFor(`${BASE}/api/health/ready`);
    // The API refreshes its aggregates after boot: wait for it (it is the job's cost on this data set).
    const t = Date.now();
    for (;;) {
      const [state] = (await db.query('SELECT last_run_at FROM steering_refresh_state WHERE id = 1')).rows;
      if (state?.last_run_at) break;
      if (Date.now() - t > 3_600_000) throw new Error('No refresh within an hour');
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(
      `aggregates refresh (${reuse ? 'incremental' : 'first, two years'}): about ${((Date.now() - t) / 1000).toFixed(1)} s after boot`,
    );
    const cookie = await signIn(BASE, ANIMATOR, 'maillage-demo-2026');
    const [claire] = (await db.query('SELECT id FROM people WHERE email = $1', [ANIMATOR])).rows;
    const [network] = (await db.query("SELECT id, type FROM networks WHERE slug LIKE 'bench-forum-%' ORDER BY slug LIMIT 1 OFFSET 7")).rows;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    const viewer = { personId: claire.id, admin: false, today, dormantDefault: DORMANT_DEFAULT };
    const cockpitSql = cockpitStatement(steeringScopeSql, { ...viewer, filters: {}, page: { size: 50, number: 1 } });
    const pageSql = indicatorsStatement(steeringScopeSql, { ...viewer, networkId: network.id });
    const cockpit = await (await fetch(`${BASE}/api/v1/steering/cockpit`, { headers: { cookie } })).json();
    console.log(`cockpit: ${cockpit.total} networks, ${cockpit.totals.members} members, ${cockpit.totals.dormant} dormant`);
    const headers = { cookie };
    const endpoints = [
      { label: 'GET /api/health (baseline)', call: () => fetch(`${BASE}/api/health`) },
      { label: 'API cockpit (2,000+ networks)', call: () => fetch(`${BASE}/api/v1/steering/cockpit`, { headers }) },
      { label: 'SQL cockpit statement', call: () => db.query(cockpitSql.sql, cockpitSql.params) },
      { label: 'API network indicators', call: () => fetch(`${BASE}/api/v1/steering/networks/${network.id}/indicators`, { headers }) },
      { label: 'SQL network indicators', call: () => db.query(pageSql.sql, pageSql.params) },
    ];
    const samples = endpoints.map(() => []);
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      for (const [k, e] of endpoints.entries()) {
        const t0 = performance.now();
        const res = await e.call();
        if (res instanceof Response) {
          if (!res.ok) throw new Error(`${e.label}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }
        if (i >= WARMUP) samples[k].push(performance.now() - t0);
      }
    }
    results.push(...endpoints.map((e, k) => ({ label: e.label, ...percentiles(samples[k]) })));
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }

  const row = (r) =>
    `${r.label.padEnd(32)} ${r.p50.toFixed(2).padStart(7)} ms ${r.p95.toFixed(2).padStart(7)} ms ${r.p99.toFixed(2).padStart(7)} ms`;
  console.log(`\n${'measure'.padEnd(32)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)}`);
  for (const r of results) console.log(row(r));
  const [, apiCockpit, sqlCockpit, apiPage, sqlPage] = results;
  for (const [name, a, s] of [
    ['cockpit', apiCockpit, sqlCockpit],
    ['network indicators', apiPage, sqlPage],
  ]) {
    const ratio = (k) => (a[k] / s[k]).toFixed(2);
    const ok = a.p95 <= 300 && a.p95 / s.p95 <= 1.5;
    console.log(
      `${name}: API / direct SQL = ${ratio('p50')}× (p50), ${ratio('p95')}× (p95), ${ratio('p99')}× (p99); p95 ${a.p95.toFixed(1)} ms (goal ≤ 300 ms and ≤ 1.5×) ${ok ? 'OK' : 'BELOW GOAL'}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
