// npm run bench:newsletter — a newsletter with every kind of block to BENCH_RECIPIENTS (20,000) people, in one run:
//  1. a fresh database with the demo data (its animator Claire and her club), plus BENCH_RECIPIENTS member companies
//     with one person each (bulk SQL), and a local SMTP server (the `smtp-server` package) that counts what it gets;
//  2. the built API (SMTP_URL set) with perf_hooks.monitorEventLoopDelay preloaded; Claire writes the newsletter
//     (text + events, topics, documents and new members blocks filled from the platform) and sends it now;
//  3. prints the time to render and queue every mail, the delivery rate into the SMTP server, the event loop's
//     delay during both phases, the latency of another user's requests meanwhile, and the render cost per mail
//     compared in the same run with the same template rendered without the platform (the render module alone).
// Requires a build (`npm run build` or `nx run api:build`). BENCH_POSTGRES_URL: the local PostgreSQL server;
// BENCH_API_NODE_ARGS: extra node options for the API (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, read with cpu-profile-stalls.mjs).
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freshDatabase, waitFor } from './lib.mjs';

const require = createRequire(import.meta.url);
const DIST = process.env.BENCH_API_DIST ?? 'apps/api/dist';
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3913);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_NAME = process.env.BENCH_DB ?? 'maillage_bench_newsletter';

const received = new Set();
let receivedTotal = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const to of session.envelope.rcptTo) {
        received.add(to.address);
        receivedTotal++;
      }
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`;

const url = await freshDatabase(DB_NAME);
const env = {
  ...process.env,
  DATABASE_URL: url,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DATA_DIR: '/tmp/maillage-bench-newsletter',
  SMTP_URL: smtpUrl,
  MAIL_WORKER_INTERVAL_MS: '100',
  NEWSLETTER_WORKER_INTERVAL_MS: '200',
  SEARCH_RELAY_INTERVAL_MS: '0',
};
const api = fork(`${DIST}/main.js`, [], {
  env,
  execArgv: [
    '--require',
    new URL('./event-loop-probe.cjs', import.meta.url).pathname,
    ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ],
  // BENCH_API_STDOUT=1 shows the API's standard output (where `--trace-gc` writes).
  stdio: ['ignore', process.env.BENCH_API_STDOUT === '1' ? 'inherit' : 'ignore', 'inherit', 'ipc'],
});
const eventLoop = () =>
  new Promise((resolve) => {
    api.once('message', (m) => resolve(m.eld));
    api.send('eld');
  });
try {
  console.log(`Seeding the demo and ${RECIPIENTS} member companies…`);
  await waitFor(`${BASE}/api/health`, 600_000);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const [{ id: clubId }] = (await db.query(`SELECT id FROM networks WHERE slug = 'club-des-industriels-du-forez'`)).rows;
  await db.query(
    `WITH p AS (INSERT INTO people (email, first_name, last_name, email_verified_at)
       SELECT 'bench.' || i || '@bulk.example', 'Membre', 'N' || i, now() FROM generate_series(1, $2::int) i RETURNING id, email),
     c AS (INSERT INTO companies (siren, siret, legal_name)
       SELECT (800000000 + i)::text, (800000000 + i)::text || '00011', 'Entreprise banc ' || i FROM generate_series(1, $2::int) i RETURNING id, legal_name),
     pairs AS (SELECT p.id AS person_id, c.id AS company_id
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM p) p JOIN (SELECT id, row_number() OVER (ORDER BY legal_name) AS n FROM c) c ON c.n = p.n),
     cm AS (INSERT INTO company_members (company_id, person_id, role) SELECT company_id, person_id, 'owner' FROM pairs)
     INSERT INTO network_memberships (network_id, company_id, role, status) SELECT $1, company_id, 'member', 'active' FROM pairs`,
    [clubId, RECIPIENTS],
  );
  // The seed's own mails are not counted.
  await db.query(`UPDATE mail_outbox SET status = 'sent' WHERE status = 'pending'`);

  const claire = await signIn('animatrice@demo.maillage.fr', 'maillage-demo-2026');
  const blocks = [
    {
      kind: 'text',
      markdown: '## Le mot de l’animatrice\n\nBonjour à **tous** ! Voici les nouvelles du club : [notre site](https://www.example.org).',
    },
  ];
  for (const kind of ['events', 'topics', 'documents', 'members']) {
    const suggestion = await claire('POST', '/api/v1/newsletters/suggestions', { kind, networkIds: [clubId] });
    blocks.push(suggestion);
  }
  const draft = await claire('POST', '/api/v1/newsletters', {
    subject: 'Les nouvelles du club — banc d’essai',
    networkIds: [clubId],
    blocks,
  });
  const expected =
    RECIPIENTS +
    Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM (SELECT DISTINCT cm.person_id FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id WHERE m.network_id = $1 AND m.status = 'active' AND cm.person_id NOT IN (SELECT id FROM people WHERE email LIKE 'bench.%')) x`,
          [clubId],
        )
      ).rows[0].n,
    );
  console.log(`Blocks: ${blocks.map((b) => `${b.kind}${b.items ? ` (${b.items.length})` : ''}`).join(', ')}; recipients: ${expected}`);

  // Another user's requests while the newsletter goes out: their latency.
  const probe = { samples: [], stop: false };
  const probing = (async () => {
    while (!probe.stop) {
      const t = performance.now();
      await fetch(`${BASE}/api/v1/networks`).then((r) => r.arrayBuffer());
      probe.samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  // What a newsletter costs in the database: every table its sending writes (the outbox's, whichever tables the build has).
  const storage = async () =>
    Number(
      (
        await db.query(
          `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS n FROM pg_class c
           WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname IN ('mail_outbox', 'mail_bodies', 'newsletter_recipients')`,
        )
      ).rows[0].n,
    );
  const storedBefore = await storage();
  // The machine's own share: the same API and probe for 10 s before sending (a shared machine delays any process).
  await eventLoop();
  await new Promise((r) => setTimeout(r, 10_000));
  const idleLoop = await eventLoop();
  const idleProbe = stats(probe.samples.splice(0));
  const t0 = performance.now();
  await claire('POST', `/api/v1/newsletters/${draft.id}/send`, {});
  let queuedAt = null;
  for (;;) {
    const { rows } = await db.query(`SELECT status FROM newsletters WHERE id = $1`, [draft.id]);
    if (rows[0].status === 'sent') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  queuedAt = performance.now();
  const queueLoop = await eventLoop();
  const storedQueued = await storage();
  const queueProbe = stats(probe.samples.splice(0));
  const receivedAtQueued = received.size;
  // BENCH_DELIVER_SECONDS: measure delivery for that long only (a big audience takes long to reach a local server).
  const deliverWindow = Number(process.env.BENCH_DELIVER_SECONDS ?? Infinity) * 1000;
  while (received.size < expected && performance.now() - queuedAt < deliverWindow) await new Promise((r) => setTimeout(r, 50));
  const deliveredAt = performance.now();
  const deliveredCount = received.size;
  const deliverLoop = await eventLoop();
  await db.query('VACUUM mail_outbox');
  const storedDelivered = await storage();
  const deliveredNote = deliveredCount < expected ? `${deliveredCount} delivered` : 'delivered';
  probe.stop = true;
  await probing;
  const deliverProbe = stats(probe.samples);
  const [{ html: archive }] = (await db.query('SELECT archive_html AS html FROM newsletters WHERE id = $1', [draft.id])).rows;
  await db.end();

  // The same template without the platform: the render module alone, then the per-recipient token and replacement.
  const { renderNewsletter, personalise } = require(`${process.cwd()}/${DIST}/modules/newsletters/newsletter-render.js`);
  const content = {
    subject: draft.subject,
    blocks,
    networks: [{ name: 'Club des industriels du Forez', slug: 'club' }],
    locale: 'fr',
    publicUrl: 'http://localhost:3000',
  };
  const r0 = performance.now();
  const rendered = await renderNewsletter(content);
  const r1 = performance.now();
  const key = createHmac('sha256', 'bench').update('k').digest();
  let bytes = 0;
  for (let i = 0; i < RECIPIENTS; i++) {
    const token = createHmac('sha256', key).update(String(i)).digest('base64url');
    bytes += personalise(rendered.mailHtml, token).length + personalise(rendered.mailText, token).length;
  }
  const r2 = performance.now();
  // Rendering MJML for every mail instead (what render-once avoids), on a sample.
  const SAMPLE = 50;
  for (let i = 0; i < SAMPLE; i++) await renderNewsletter(content);
  const r3 = performance.now();

  const queueMs = queuedAt - t0;
  const deliverMs = deliveredAt - t0;
  const platformPerMail = queueMs / expected;
  const barePerMail = (r1 - r0 + (r2 - r1)) / RECIPIENTS;
  console.log(
    `\nNewsletter with every block to ${expected} recipients (mail ≈ ${(rendered.mailHtml.length / 1024).toFixed(1)} kB HTML, archive ${(archive.length / 1024).toFixed(1)} kB)`,
  );
  console.log(
    `  render + queue every mail (send → all in the outbox): ${(queueMs / 1000).toFixed(2)} s  (${(expected / (queueMs / 1000)).toFixed(0)} mails/s; ${receivedAtQueued} already delivered by then)`,
  );
  console.log(
    `  delivered into the local SMTP server:               ${deliveredCount} of ${expected} in ${(deliverMs / 1000).toFixed(2)} s after sending (${(deliveredCount / (deliverMs / 1000)).toFixed(0)} mails/s), ${receivedTotal - received.size} duplicates`,
  );
  console.log(`  cost per mail, platform (render + recipients + outbox, all in the database): ${(platformPerMail * 1000).toFixed(0)} µs`);
  console.log(
    `  cost per mail, same template without the platform (render once ${(r1 - r0).toFixed(0)} ms + token and replacement per mail, ${(bytes / 1e6).toFixed(0)} MB of mail in all): ${(barePerMail * 1000).toFixed(0)} µs`,
  );
  console.log(
    `  ratio platform / bare: ${(platformPerMail / barePerMail).toFixed(1)} ×   (rendering MJML for each mail instead would cost ${((r3 - r2) / SAMPLE).toFixed(1)} ms a mail)`,
  );
  console.log(
    `  API event-loop delay before sending (idle, 10 s): max ${idleLoop.max.toFixed(1)} ms, p99 ${idleLoop.p99.toFixed(1)} ms, mean ${idleLoop.mean.toFixed(1)} ms; peak RSS ${idleLoop.rssMb.toFixed(0)} MB; GET p50 ${idleProbe.p50} ms, max ${idleProbe.max} ms`,
  );
  console.log(
    `  API event-loop delay while queueing:   max ${queueLoop.max.toFixed(1)} ms, p99 ${queueLoop.p99.toFixed(1)} ms, mean ${queueLoop.mean.toFixed(1)} ms; peak RSS ${queueLoop.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `  API event-loop delay while delivering: max ${deliverLoop.max.toFixed(1)} ms, p99 ${deliverLoop.p99.toFixed(1)} ms, mean ${deliverLoop.mean.toFixed(1)} ms; peak RSS ${deliverLoop.rssMb.toFixed(0)} MB`,
  );
  const perRecipient = (bytes) => `${((bytes - storedBefore) / expected).toFixed(0)} B`;
  console.log(
    `  database written per recipient (pg_total_relation_size of mail_outbox, mail_bodies, newsletter_recipients): ${perRecipient(storedQueued)} once queued, ${perRecipient(storedDelivered)} once ${deliveredNote} (after VACUUM)`,
  );
  console.log(
    `  another user's GET /api/v1/networks meanwhile: queueing p50 ${queueProbe.p50} ms, max ${queueProbe.max} ms (n=${queueProbe.n}); delivering p50 ${deliverProbe.p50} ms, max ${deliverProbe.max} ms (n=${deliverProbe.n})`,
  );
  const worst = Math.max(queueLoop.max, deliverLoop.max);
  console.log(`  event loop never blocked more than 100 ms: ${worst <= 100 ? 'OK' : `NO (${worst.toFixed(0)} ms)`}`);
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await new Promise((resolve) => smtp.close(resolve));
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : '-');
  return { p50: at(50), max: s.length ? s[s.length - 1].toFixed(1) : '-', n: s.length };
}

/** A signed-in session (cookies and CSRF as a browser sends them); returns a JSON request function. */
async function signIn(email, password) {
  const cookies = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${BASE}/api/v1/auth/csrf`);
  keep(csrf);
  let { token } = await csrf.json();
  const request = async (method, path, body) => {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookie() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(res);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  await request('POST', '/api/v1/auth/login', { email, password });
  // A new session: a new CSRF token.
  const again = await fetch(`${BASE}/api/v1/auth/csrf`, { headers: { cookie: cookie() } });
  keep(again);
  token = (await again.json()).token;
  return request;
}
