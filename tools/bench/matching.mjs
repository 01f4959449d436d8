// npm run bench:matching — the matching engine at volume, in one run:
//  1. seeds BENCH_COMPANIES (200,000) companies with their people, offers and needs (`npm run seed` logic),
//  2. adds BENCH_OPPORTUNITIES (20,000) open opportunities of random companies (their NAF code and offer skills,
//     their commune, public or restricted to one of their networks), a few of them published by the demo member's company,
//  3. measures, through the HTTP API as the demo member and, in the same run, the same service calls made directly
//     (OpportunityMatchingService on its own connection pool, no HTTP), taking turns by blocks of rounds:
//       - matching one opportunity against all companies (GET /opportunities/:id/matches),
//       - "opportunities for my company" (GET /companies/:id/opportunities/suggested),
//     and prints p50/p95/p99 and the ratios (goals: API p95 ≤ 150 ms and ≤ 1.5 × direct p95).
// PostgreSQL only (BENCH_POSTGRES_URL, default the local server). Requires a build. BENCH_REUSE=1 reuses the data set.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { databaseUrl, freshDatabase, percentiles, signIn, startApi, waitFor } from './lib.mjs';

const require = createRequire(import.meta.url);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 200_000);
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const OWN = 10;
const PORT = 3912;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = '/tmp/maillage-bench-matching';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

const fmt = (m) =>
  `p50 ${m.p50.toFixed(1).padStart(6)} ms   p95 ${m.p95.toFixed(1).padStart(6)} ms   p99 ${m.p99.toFixed(1).padStart(6)} ms`;

/** 20,000 open opportunities drawn from the companies: their activity, their offers' skills, their place; a third restricted to one of their networks. */
async function seedOpportunities(ds, flagshipId) {
  const t = Date.now();
  await ds.query(
    `WITH picked AS (
       SELECT c.id, c.naf_code, c.commune_code, c.lat, c.lng, row_number() OVER () AS n FROM companies c
       WHERE c.naf_code IS NOT NULL AND c.id <> $2 ORDER BY md5(c.id::text) LIMIT $1)
     INSERT INTO opportunities (company_id, type, title, description, naf_codes, skills, commune_code, radius_km, lat, lng, deadline,
                                audience, status, published_at, created_at)
     SELECT p.id, (ARRAY['joint_bid','subcontracting','partnership','pooling','shared_employment','other'])[1 + p.n % 6],
            'Recherche partenaire ' || p.n, 'Appel à partenaires numéro ' || p.n || ' pour un projet industriel.',
            ARRAY[p.naf_code], COALESCE((SELECT (array_agg(DISTINCT x))[1:3] FROM company_offers f, unnest(f.skills) x WHERE f.company_id = p.id), '{}'),
            p.commune_code, 30 + (p.n % 5) * 20, p.lat, p.lng, current_date + (10 + p.n % 60)::int,
            CASE WHEN p.n % 3 = 0 AND EXISTS (SELECT 1 FROM network_memberships m WHERE m.company_id = p.id AND m.status = 'active') THEN 'networks' ELSE 'public' END,
            'open', now(), now() - interval '2 days'
     FROM picked p`,
    [OPPORTUNITIES - OWN, flagshipId],
  );
  await ds.query(
    `INSERT INTO opportunity_networks (opportunity_id, network_id)
     SELECT o.id, (SELECT m.network_id FROM network_memberships m WHERE m.company_id = o.company_id AND m.status = 'active' ORDER BY m.network_id LIMIT 1)
     FROM opportunities o
     WHERE o.audience = 'networks' AND NOT EXISTS (SELECT 1 FROM opportunity_networks x WHERE x.opportunity_id = o.id)`,
  );
  // The demo member's company publishes a few: matched against every company.
  await ds.query(
    `INSERT INTO opportunities (company_id, type, title, description, naf_codes, skills, commune_code, radius_km, lat, lng, deadline, audience, status, published_at, created_at)
     SELECT c.id, 'joint_bid', 'Réponse groupée ' || g, 'Appel d''offres à plusieurs.', ARRAY[(ARRAY['25.62B','25.11Z','33.12Z','28.41Z','62.01Z'])[1 + g % 5]],
            ARRAY['usinage', 'soudure', 'maintenance'], c.commune_code, 50, c.lat, c.lng, current_date + 30, 'public', 'open', now(), now() - interval '2 days'
     FROM companies c, generate_series(1, $2) g WHERE c.id = $1`,
    [flagshipId, OWN],
  );
  await ds.query('ANALYZE opportunities');
  await ds.query('ANALYZE opportunity_networks');
  console.log(`opportunities: ${OPPORTUNITIES} open ones in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  const reuse = process.env.BENCH_REUSE === '1';
  const url = reuse ? databaseUrl('maillage_bench_matching') : await freshDatabase('maillage_bench_matching');
  const env = { SEED_DEMO: 'false', DB_POOL_SIZE: '10', DATABASE_URL: url, DATA_DIR, SEARCH_RELAY_INTERVAL_MS: '0' };
  rmSync(DATA_DIR, { recursive: true, force: true });
  console.log(
    `node ${process.version}, postgres, ${reuse ? 'previous data set' : `${COMPANIES} companies, ${OPPORTUNITIES} opportunities`}, ${ROUNDS} rounds, one client`,
  );
  if (!reuse) await run(['apps/api/dist/cli/seed-cli.js', '--companies', String(COMPANIES), '--no-index'], env);

  const { DataSource } = require('typeorm');
  const { AccessPolicy } = require('../../apps/api/dist/core/access/access-policy.service.js');
  const { OpportunityMatchingService } = require('../../apps/api/dist/modules/opportunities/opportunity-matching.service.js');
  const { OpportunityViews } = require('../../apps/api/dist/modules/opportunities/opportunity-views.js');
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 10 } });
  await ds.initialize();
  const [member] = await ds.query(
    `SELECT p.id AS person_id, p.platform_role, cm.company_id FROM people p JOIN company_members cm ON cm.person_id = p.id
     WHERE p.email = 'membre@demo.maillage.fr' AND cm.role = 'owner' ORDER BY cm.created_at LIMIT 1`,
  );
  if (!member) throw new Error('the demo member is missing: seed first');
  if (!reuse) await seedOpportunities(ds, member.company_id);
  // The steady state of a production database: autovacuum (off on the test server) has set the visibility maps that
  // index-only scans rely on, and the planner's statistics are fresh.
  await ds.query('VACUUM (ANALYZE) companies, company_offers, opportunities, opportunity_networks, network_memberships');
  const own = (await ds.query('SELECT id FROM opportunities WHERE company_id = $1 ORDER BY id LIMIT $2', [member.company_id, OWN])).map(
    (r) => r.id,
  );
  const [{ n: companies }] = await ds.query('SELECT count(*)::int AS n FROM companies');
  const [{ n: open }] = await ds.query("SELECT count(*)::int AS n FROM opportunities WHERE status = 'open'");
  console.log(`data set: ${companies} companies, ${open} open opportunities`);

  const access = new AccessPolicy(ds);
  const matching = new OpportunityMatchingService(ds, access, new OpportunityViews(ds));
  const actor = { personId: member.person_id, platformRole: member.platform_role };

  const api = startApi({ ...env, PORT: String(PORT) });
  try {
    await waitFor(`${BASE}/api/health/ready`);
    const cookie = await signIn(BASE, 'membre@demo.maillage.fr', 'maillage-demo-2026');
    const get = async (path) => {
      const res = await fetch(`${BASE}/api/v1${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const cases = [
      {
        label: 'one opportunity × all companies',
        http: (i) => get(`/opportunities/${own[i % own.length]}/matches`),
        direct: (i) => matching.companiesFor(actor, own[i % own.length]),
      },
      {
        label: 'opportunities for my company',
        http: () => get(`/companies/${member.company_id}/opportunities/suggested`),
        direct: () => matching.suggestionsFor(actor, member.company_id),
      },
    ];
    // The same work both ways: as many results, the same best score (the API serialises what the service returns).
    for (const c of cases) {
      const [a, b] = [await c.http(0), await c.direct(0)];
      if (a.length !== b.length || a[0]?.score !== b[0]?.score) throw new Error(`${c.label}: the API and the direct call disagree`);
      console.log(`${c.label}: ${a.length} results, best ${a[0] ? `${a[0].score} (${a[0].reasons.map((r) => r.label).join(', ')})` : '-'}`);
    }
    const BLOCK = 5;
    const samples = cases.map(() => ({ http: [], direct: [] }));
    for (let warm = 0; warm < 3; warm++) {
      for (const c of cases) {
        await c.http(warm);
        await c.direct(warm);
      }
    }
    for (let done = 0; done < ROUNDS; done += BLOCK) {
      for (const way of ['direct', 'http']) {
        for (let r = done; r < Math.min(ROUNDS, done + BLOCK); r++) {
          for (let k = 0; k < cases.length; k++) {
            const t = performance.now();
            await cases[k][way](r);
            samples[k][way].push(performance.now() - t);
          }
        }
      }
    }
    console.log('');
    let ok = true;
    cases.forEach((c, k) => {
      const h = percentiles(samples[k].http);
      const d = percentiles(samples[k].direct);
      const ratio = h.p95 / d.p95;
      ok &&= h.p95 <= 150 && ratio <= 1.5;
      console.log(`${c.label} (${h.n} samples each)`);
      console.log(`  ${'HTTP API'.padEnd(22)} ${fmt(h)}`);
      console.log(`  ${'service, direct'.padEnd(22)} ${fmt(d)}`);
      console.log(
        `  API p95 ${h.p95.toFixed(1)} ms (goal ≤ 150 ms) ${h.p95 <= 150 ? 'OK' : 'ABOVE GOAL'}; ratio API / direct p95 ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'ABOVE GOAL'}`,
      );
    });
    console.log(ok ? '\nall goals met' : '\nsome goals missed');
  } finally {
    api.kill('SIGTERM');
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
