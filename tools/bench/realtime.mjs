// npm run bench:realtime — real time at volume, each figure measured against a bare socket.io server
// (bare-realtime.mjs: no authentication, no persistence) in the same run and the same harness:
//  1. idle connections: BENCH_CONNECTIONS (5,000) sockets opened to one process and held BENCH_IDLE_SECONDS (27,
//     longer than socket.io's ping interval); memory per connection = RSS delta / connections (and the heap delta
//     for the bare server, which reports it);
//  2. fan-out latency, from the POST of a message to its `message:new` at every other member's socket, p50 / p99,
//     for rooms of 2 (50 messages/s), 50 (200 messages/s) and 2,000 members (2 messages/s), BENCH_SECONDS (10) each,
//     after BENCH_WARMUP_SECONDS (1) of the same traffic that is not measured;
//  3. sustained persisted messages per second: BENCH_SENDERS (50) senders, each posting back to back into its own
//     conversation of 2 (both members connected and receiving it, on the bare server too), for BENCH_SECONDS.
// Phases 2 and 3 also print the CPU time used per message by the server under test and by every process of the
// local PostgreSQL server (other users of that server count too: a rough figure on a shared machine).
// BENCH_API_NODE_ARGS passes flags to the API's node (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" to profile it).
// People, sessions and group conversations are seeded in SQL. Uses the local PostgreSQL (BENCH_POSTGRES_URL) and
// the build in apps/api/dist (`npm run build`; BENCH_API_DIST points at another build of apps/api).
// One API process with the in-memory adapter, like the bare server.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { fork, spawn } from 'node:child_process';
import pg from 'pg';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { freshDatabase, waitFor } from './lib.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 5_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 27);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 50);
const ROOMS = [
  { size: 2, rate: 50 },
  { size: 50, rate: 200, goal: 100 },
  { size: Number(process.env.BENCH_BIG_ROOM ?? 2_000), rate: 2, goal: 250 },
];
/** Another build of apps/api may be measured (e.g. one kept aside while the tree is rebuilt). */
const DIST = process.env.BENCH_API_DIST ?? 'apps/api/dist';
const API_PORT = 3921;
const BARE_PORT = 3922;
const API = `http://127.0.0.1:${API_PORT}`;
const BARE = `http://127.0.0.1:${BARE_PORT}`;
/** For profiling one side: BENCH_ONLY=api (the comparison table needs both). */
const ONLY = (process.env.BENCH_ONLY ?? 'bare,api').split(',');
/** Sockets being opened at once. */
const OPENING = 100;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** `ws`, as socket.io-client's engine uses it (a dependency of the declared socket.io-client). */
const fromClient = createRequire(createRequire(import.meta.url).resolve('socket.io-client'));
const WebSocket = createRequire(fromClient.resolve('engine.io-client'))('ws');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(samples, p) {
  if (!samples.length) return NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resident memory of a process, in bytes (Linux). */
function rssOf(pid) {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

/**
 * CPU time a process has used so far, in ms (Linux: user + system clock ticks of /proc/<pid>/stat); with
 * `children`, plus that of its children that exited (a PostgreSQL backend's time passes to the postmaster).
 */
function cpuMsOf(pid, children = false) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return ((fields[11] + fields[12] + (children ? fields[13] + fields[14] : 0)) * 1000) / CLOCK_TICKS;
}

/** CPU time used so far by every process of the local PostgreSQL server (all its backends, whoever they serve). */
function postgresCpuMs() {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(pid, true);
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

/** Starts counting the CPU time of the server under test and of PostgreSQL; `per(n)` answers ms per unit of work. */
function cpuMeter(pid) {
  const [server, db] = [cpuMsOf(pid), postgresCpuMs()];
  return { per: (n) => ({ server: (cpuMsOf(pid) - server) / n, db: (postgresCpuMs() - db) / n }) };
}

async function settledRss(pid) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssOf(pid));
    await sleep(400);
  }
  return percentile(samples, 50);
}

// ---------- seeding ----------

/** `count` people with one session each; answers their ids and session tokens. */
async function seedPeople(db, count, tag) {
  const { rows } = await db.query(
    `INSERT INTO people (email, first_name, last_name, email_verified_at)
     SELECT 'bench-' || $2 || '-' || i || '@bench.invalid', 'Bench', $2 || ' ' || i, now() FROM generate_series(1, $1) AS i
     RETURNING id`,
    [count, tag],
  );
  const tokens = rows.map(() => randomBytes(32).toString('base64url'));
  await db.query(
    `INSERT INTO sessions (token_hash, person_id, generation, expires_at)
     SELECT h, p, 0, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS s(h, p)`,
    [tokens.map((t) => createHash('sha256').update(t).digest('hex')), rows.map((r) => r.id)],
  );
  return rows.map((r, i) => ({ id: r.id, token: tokens[i] }));
}

/** A group conversation of these people; answers its id. */
async function seedConversation(db, people, title) {
  const { rows } = await db.query(`INSERT INTO conversations (kind, title, created_by_id) VALUES ('group', $1, $2) RETURNING id`, [
    title,
    people[0].id,
  ]);
  await db.query(
    `INSERT INTO conversation_participants (conversation_id, person_id, role)
     SELECT $1, p, CASE WHEN p = $3 THEN 'owner' ELSE 'member' END FROM unnest($2::uuid[]) AS p`,
    [rows[0].id, people.map((p) => p.id), people[0].id],
  );
  return rows[0].id;
}

// ---------- a light socket.io client ----------

/**
 * A member's socket: the socket.io protocol (v4, WebSocket transport, `/realtime` namespace) spoken over `ws`,
 * answering pings and reading only what the harness needs of each `message:new` (its clientId and sender), so
 * that thousands of members cost the driver little. The same client for both servers.
 */
class MemberSocket extends EventEmitter {
  connected = false;

  constructor(base, { headers = {}, query = {} }) {
    super();
    const params = new URLSearchParams({ EIO: '4', transport: 'websocket', ...query });
    this.ws = new WebSocket(`${base.replace('http', 'ws')}/socket.io/?${params}`, { headers, perMessageDeflate: false });
    this.ws.on('message', (data) => this.frame(data.toString()));
    this.ws.on('error', (error) => this.emit('connect_error', error));
    this.ws.on('close', () => (this.connected = false));
  }

  /** When any member last received anything (to wait for quiet). */
  static lastFrameAt = 0;

  frame(f) {
    MemberSocket.lastFrameAt = performance.now();
    if (f === '2') return this.ws.send('3');
    if (f.startsWith('42/realtime,["message:new"')) {
      return this.emit('message:new', {
        clientId: /"clientId":"([^"]+)"/.exec(f)?.[1],
        sender: { id: /"sender":\{"id":"([^"]*)"/.exec(f)?.[1] },
      });
    }
    if (f[0] === '0') return this.ws.send('40/realtime,');
    if (f.startsWith('40/realtime')) {
      this.connected = true;
      return this.emit('connect');
    }
    if (f.startsWith('44/realtime')) this.emit('connect_error', new Error(f));
  }

  disconnect() {
    this.connected = false;
    this.ws.close();
  }
}

// ---------- the two servers under test ----------

/** What differs between the API and the bare server: how a member connects and how a message is posted. */
const targets = {
  bare: {
    label: 'bare socket.io',
    socket: (person, room) => new MemberSocket(BARE, { query: room ? { room } : {} }),
    async sender(person) {
      return { person, headers: { 'content-type': 'application/json', 'x-bench-sender': person.id } };
    },
    url: (conversationId) => `${BARE}/rooms/${conversationId}/messages`,
    health: `${BARE}/health`,
  },
  api: {
    label: 'Maillage API',
    socket: (person) => new MemberSocket(API, { headers: { cookie: `maillage_session=${person.token}` } }),
    /** The session cookie, plus the CSRF cookie and token a browser would hold. */
    async sender(person) {
      const res = await fetch(`${API}/api/v1/auth/csrf`, { headers: { cookie: `maillage_session=${person.token}` } });
      const { token } = await res.json();
      const cookies = [`maillage_session=${person.token}`, ...res.headers.getSetCookie().map((c) => c.split(';')[0])];
      return { person, headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': token } };
    },
    url: (conversationId) => `${API}/api/v1/conversations/${conversationId}/messages`,
    health: `${API}/api/health`,
  },
};

/** Opens a socket per person (OPENING at a time); rejects on the first refusal. */
async function openSockets(target, people, room) {
  const sockets = new Array(people.length);
  let next = 0;
  const worker = async () => {
    while (next < people.length) {
      const k = next++;
      const socket = target.socket(people[k], room);
      socket.personId = people[k].id;
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${target.label}: no connection after 60 s`)), 60_000);
        socket.once('connect', () => resolve(clearTimeout(timer)));
        socket.once('connect_error', (error) => reject(new Error(`${target.label}: socket refused: ${error.message}`)));
      });
      sockets[k] = socket;
    }
  };
  await Promise.all(Array.from({ length: OPENING }, worker));
  return sockets;
}

const closeAll = (sockets) => sockets.forEach((s) => s?.disconnect());

/** Keep-alive connections for the posts (node:http costs the driver far less per request than fetch). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(target, sender, conversationId, clientId, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(target.url(conversationId), { method: 'POST', headers: sender.headers, agent, timeout: 60_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`${target.label}: POST ${res.statusCode} ${text}`))));
    });
    req.on('timeout', () => req.destroy(new Error(`${target.label}: POST timed out`)));
    req.on('error', reject);
    req.end(JSON.stringify({ clientId, body }));
  });
}

// ---------- the measures ----------

/** Waits until the server answers its health check quickly again (what a phase left behind is digested). */
async function settle(target) {
  const deadline = performance.now() + 60_000;
  for (let fast = 0; fast < 3 && performance.now() < deadline;) {
    const t = performance.now();
    await (await fetch(target.health)).arrayBuffer();
    fast = performance.now() - t < 20 ? fast + 1 : 0;
    await sleep(200);
  }
}

async function idle(target, pid, people) {
  const before = await settledRss(pid);
  const heapBefore = target === targets.bare ? (await (await fetch(`${BARE}/memory`)).json()).heapUsed : null;
  const t = performance.now();
  const sockets = await openSockets(target, people);
  const openSeconds = (performance.now() - t) / 1000;
  await sleep(IDLE_SECONDS * 1000);
  const held = sockets.filter((s) => s.connected).length;
  const after = await settledRss(pid);
  const heapAfter = heapBefore === null ? null : (await (await fetch(`${BARE}/memory`)).json()).heapUsed;
  closeAll(sockets);
  await settle(target);
  return {
    held,
    openSeconds,
    perConnection: (after - before) / people.length,
    heapPerConnection: heapBefore === null ? null : (heapAfter - heapBefore) / people.length,
  };
}

/**
 * Every member connected; messages posted at `rate` per second (open loop, senders taking turns) for SECONDS;
 * latency = POST start → `message:new` at each other member's socket.
 */
async function fanOut(target, pid, conversationId, members, rate) {
  const t = performance.now();
  const sockets = await openSockets(target, members, conversationId);
  const connectSeconds = (performance.now() - t) / 1000;
  // Let what the connections caused (presence to contacts) pass before measuring: 1 s without a frame.
  while (performance.now() - MemberSocket.lastFrameAt < 1000 && performance.now() - t < 180_000) await sleep(200);
  const quietSeconds = (performance.now() - t) / 1000 - connectSeconds;
  const senders = await Promise.all(members.slice(0, Math.min(members.length, 10)).map((m) => target.sender(m)));
  const sentAt = new Map();
  const samples = [];
  let expected = 0;
  for (const socket of sockets) {
    socket.on('message:new', (m) => {
      const at = sentAt.get(m.clientId);
      if (at !== undefined && m.sender?.id !== socket.personId) samples.push(performance.now() - at);
    });
  }
  // Open loop: message k leaves at start + k / rate, whatever the answers before it.
  let failed = 0;
  const inflight = new Set();
  const postAtRate = async (count, label, onSend) => {
    const start = performance.now();
    for (let k = 0; k < count; k++) {
      const wait = start + (k * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      const clientId = randomUUID();
      onSend(clientId);
      const sending = post(
        target,
        senders[k % senders.length],
        conversationId,
        clientId,
        `${label} ${k} du banc de mesure, d'une longueur réaliste pour une conversation.`,
      )
        .catch((error) => {
          if (!failed) console.log(`  first failed post: ${error.message}`);
          failed += 1;
        })
        .finally(() => inflight.delete(sending));
      inflight.add(sending);
    }
    return start;
  };
  // Warm-up, not measured (its messages are not timed): WARMUP_SECONDS at the same rate, so that the server's
  // database connections and code paths are warm, as they are in a server that has been running.
  await postAtRate(Math.round(rate * WARMUP_SECONDS), 'Échauffement', () => {});
  await Promise.all(inflight);
  while (performance.now() - MemberSocket.lastFrameAt < 300) await sleep(50);
  failed = 0;
  const total = Math.max(1, Math.round(rate * SECONDS));
  const cpu = cpuMeter(pid);
  const start = await postAtRate(total, 'Message', (clientId) => {
    sentAt.set(clientId, performance.now());
    expected += members.length - 1;
  });
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(inflight);
  const deadline = Date.now() + 15_000;
  while (samples.length < expected - failed * (members.length - 1) && Date.now() < deadline) await sleep(100);
  const cpuPerMessage = cpu.per(total);
  closeAll(sockets);
  await settle(target);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    delivered: samples.length,
    expected,
    failed,
    connectSeconds,
    quietSeconds,
    achievedRate: total / sendSeconds,
    cpuPerMessage,
  };
}

/** SENDERS pairs, each sender posting back to back into its pair's conversation (both members receiving) for SECONDS. */
async function sustained(target, pid, pairs) {
  const sockets = (await Promise.all(pairs.map((p) => openSockets(target, p.members, p.conversationId)))).flat();
  await sleep(2000);
  const senders = await Promise.all(pairs.map((p) => target.sender(p.members[0])));
  let done = 0;
  let failed = 0;
  const cpu = cpuMeter(pid);
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    pairs.map(async (pair, i) => {
      while (performance.now() < end) {
        try {
          await post(target, senders[i], pair.conversationId, randomUUID(), `Débit soutenu ${done}`);
          done += 1;
        } catch (error) {
          if (!failed) console.log(`  first failed post: ${error.message}`);
          failed += 1;
        }
      }
    }),
  );
  const cpuPerMessage = cpu.per(done);
  closeAll(sockets);
  await settle(target);
  return { perSecond: done / SECONDS, failed, cpuPerMessage };
}

// ---------- the run ----------

const fmtKb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const fmtCpu = (cpu) => `CPU per message: ${cpu.server.toFixed(2)} ms in the server, ${cpu.db.toFixed(2)} ms in PostgreSQL`;

async function main() {
  const url = await freshDatabase('maillage_bench_realtime');
  const env = {
    DATABASE_URL: url,
    PORT: String(API_PORT),
    DB_POOL_SIZE: '10',
    DATA_DIR: '/tmp/maillage-bench-realtime',
    SEED_DEMO: 'false',
    SEARCH_RELAY_INTERVAL_MS: '0',
  };
  const api = spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), `${DIST}/main.js`], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const bare = fork(new URL('./bare-realtime.mjs', import.meta.url), {
    env: { ...process.env, PORT: String(BARE_PORT) },
    stdio: 'inherit',
  });
  const db = new pg.Client({ connectionString: url });
  try {
    await waitFor(`${API}/api/health/ready`);
    await waitFor(`${BARE}/health`);
    await db.connect();
    const t = performance.now();
    const idlePeople = await seedPeople(db, CONNECTIONS, 'idle');
    const rooms = [];
    for (const room of ROOMS) {
      const members = await seedPeople(db, room.size, `room${room.size}`);
      rooms.push({ ...room, members, conversationId: await seedConversation(db, members, `Salon de ${room.size}`) });
    }
    const pairPeople = await seedPeople(db, SENDERS * 2, 'pair');
    const pairs = [];
    for (let i = 0; i < SENDERS; i++) {
      const members = pairPeople.slice(2 * i, 2 * i + 2);
      pairs.push({ members, conversationId: await seedConversation(db, members, `Paire ${i}`) });
    }
    console.log(
      `node ${process.version}; seeded ${CONNECTIONS + ROOMS.reduce((a, r) => a + r.size, 0) + SENDERS * 2} people with sessions in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const results = { bare: {}, api: {} };
    for (const [name, pid] of [
      ['bare', bare.pid],
      ['api', api.pid],
    ].filter(([name]) => ONLY.includes(name))) {
      const target = targets[name];
      const r = results[name];
      r.idle = await idle(target, pid, idlePeople);
      console.log(
        `${target.label}: ${r.idle.held}/${CONNECTIONS} connections held after ${IDLE_SECONDS} s (opened in ${r.idle.openSeconds.toFixed(1)} s), ${fmtKb(r.idle.perConnection)} RSS each`,
      );
      for (const room of rooms) {
        r[room.size] = await fanOut(target, pid, room.conversationId, room.members, room.rate);
        const f = r[room.size];
        console.log(
          `${target.label}: room of ${room.size} at ${room.rate}/s (achieved ${f.achievedRate.toFixed(0)}/s): p50 ${fmtMs(f.p50)}, p99 ${fmtMs(f.p99)}, ` +
            `${f.delivered}/${f.expected} deliveries, ${f.failed} failed posts; members connected in ${f.connectSeconds.toFixed(1)} s, quiet ${f.quietSeconds.toFixed(1)} s later; ${fmtCpu(f.cpuPerMessage)}`,
        );
      }
      r.sustained = await sustained(target, pid, pairs);
      console.log(
        `${target.label}: ${r.sustained.perSecond.toFixed(0)} messages/s sustained by ${SENDERS} senders (${r.sustained.failed} failed); ${fmtCpu(r.sustained.cpuPerMessage)}`,
      );
    }

    if (ONLY.length < 2) return;
    const { bare: b, api: a } = results;
    const rows = [
      ['connections held', `${b.idle.held}`, `${a.idle.held}`, '', `${CONNECTIONS} per process`, a.idle.held >= CONNECTIONS],
      [
        'memory per connection (RSS)',
        fmtKb(b.idle.perConnection),
        fmtKb(a.idle.perConnection),
        a.idle.perConnection / b.idle.perConnection,
        '≤ 50 KB',
        a.idle.perConnection <= 50 * 1024,
      ],
      ...rooms.flatMap((room) => {
        const [x, y] = [b[room.size], a[room.size]];
        const label = `room of ${room.size} @ ${room.rate}/s`;
        return [
          [`${label} p50`, fmtMs(x.p50), fmtMs(y.p50), y.p50 / x.p50, '', null],
          [
            `${label} p99`,
            fmtMs(x.p99),
            fmtMs(y.p99),
            y.p99 / x.p99,
            room.goal ? `≤ ${room.goal} ms` : '',
            room.goal ? y.p99 <= room.goal && y.delivered === y.expected : null,
          ],
        ];
      }),
      [
        'persisted messages/s',
        `${b.sustained.perSecond.toFixed(0)}`,
        `${a.sustained.perSecond.toFixed(0)}`,
        b.sustained.perSecond / a.sustained.perSecond,
        '',
        null,
      ],
      [
        'server CPU per message (sustained)',
        fmtMs(b.sustained.cpuPerMessage.server),
        fmtMs(a.sustained.cpuPerMessage.server),
        a.sustained.cpuPerMessage.server / b.sustained.cpuPerMessage.server,
        '',
        null,
      ],
    ];
    console.log(
      `\n${'measure'.padEnd(32)} ${'bare'.padStart(10)} ${'Maillage'.padStart(10)} ${'ratio'.padStart(7)}  ${'goal'.padEnd(18)} verdict`,
    );
    for (const [label, x, y, ratio, goal, ok] of rows) {
      const r = typeof ratio === 'number' ? `${ratio.toFixed(2)}×` : '';
      const within = typeof ratio === 'number' ? (ratio <= 1.5 ? 'within 1.5×' : 'beyond 1.5×') : '';
      const verdict = [ok === null ? '' : ok ? 'OK' : 'MISSED', within].filter(Boolean).join(', ');
      console.log(`${label.padEnd(32)} ${x.padStart(10)} ${y.padStart(10)} ${r.padStart(7)}  ${goal.padEnd(18)} ${verdict}`);
    }
    console.log('ratio: Maillage / bare for memory and latency, bare / Maillage for throughput (1.00× = as good as the bare server).');
  } finally {
    await db.end().catch(() => undefined);
    api.kill('SIGTERM');
    bare.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
