// Shared helpers of the benchmarks: child processes, readiness, autocannon runs, printing.
import { fork, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';

export const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name) {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops and recreates a database whose name must contain "bench". */
export async function freshDatabase(name) {
  if (!name.includes('bench')) throw new Error(`refusing to recreate ${name}`);
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return databaseUrl(name);
}

export async function waitFor(url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

/** Starts the built API (`apps/api/dist/main.js`) with the given environment. */
export function startApi(env) {
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

export function startBare(env) {
  return fork(new URL('./bare-server.mjs', import.meta.url), { env: { ...process.env, ...env }, stdio: 'inherit' });
}

export async function load(url, { connections = 50, duration = 10, warmup = 2 } = {}) {
  await autocannon({ url, connections, duration: warmup });
  const r = await autocannon({ url, connections, duration });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx and ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

export function report(title, subject, baseline, goal) {
  const ratio = subject.rps / baseline.rps;
  const line = (name, m) =>
    `  ${name.padEnd(28)} ${m.rps.toFixed(0).padStart(7)} req/s   p50 ${String(m.p50).padStart(4)} ms   p99 ${String(m.p99).padStart(4)} ms`;
  console.log(`\n${title}`);
  console.log(line('baseline (bare node:http)', baseline));
  console.log(line('Maillage API', subject));
  console.log(`  throughput ratio: ${(ratio * 100).toFixed(1)} % (goal ≥ ${goal} %) ${ratio * 100 >= goal ? 'OK' : 'BELOW GOAL'}`);
  return ratio;
}

/** p50, p90, p95 and p99 of latency samples (ms), and their count. */
export function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { p50: at(50), p90: at(90), p95: at(95), p99: at(99), n: s.length };
}

/** Signs in at `base` as a browser does (CSRF token, then the session cookie); returns the Cookie header to send. */
export async function signIn(base, email, password) {
  const cookies = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const csrf = await fetch(`${base}/api/v1/auth/csrf`);
  keep(csrf);
  const { token } = await csrf.json();
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookie() },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  keep(login);
  return cookie();
}
