import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3700);

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not become ready at ${url}`);
}

/** Builds if needed, then starts the app(s) as `npm start` does, each on a fresh data folder. */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium))
    throw new Error(`Browser tests need Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  if (!existsSync(join(ROOT, 'apps/api/dist/main.js')) || !existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  // One app (its own embedded database, its own demo data) per Jest worker: E2E_WORKERS (default 1) workers run the
  // spec files side by side, each against its app (browser.ts picks it by JEST_WORKER_ID).
  const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));
  const ports = [E2E_PORT];
  while (ports.length < workers) ports.push(await freePort());
  const booting = Date.now();
  const apps = await Promise.allSettled(ports.map((port) => startApp(port)));
  const started = apps.flatMap((app) => (app.status === 'fulfilled' ? [app.value] : []));
  (globalThis as { __servers?: RunningApp[] }).__servers = started;
  const failed = apps.find((app): app is PromiseRejectedResult => app.status === 'rejected');
  if (failed) {
    for (const app of started) stopNow(app);
    throw failed.reason;
  }
  process.env.E2E_BASE_URLS = ports.map((port) => `http://127.0.0.1:${port}`).join(',');
  process.env.E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
  // Their data folders, in the same order: a journey that follows a signed mail link reads its app's secret there.
  process.env.E2E_DATA_DIRS = started.map((app) => app.dataDir).join(',');
  // Signed-in states reused across spec files (support/session.ts) live as long as this run's apps.
  process.env.E2E_SESSIONS_DIR = mkdtempSync(join(tmpdir(), 'maillage-e2e-sessions-'));
  process.stderr.write(`\n${workers} app(s) (migrations, demo seed) ready in ${((Date.now() - booting) / 1000).toFixed(1)} s\n`);
}

export interface RunningApp {
  server: ChildProcess;
  dataDir: string;
}

function stopNow(app: RunningApp): void {
  app.server.kill('SIGKILL');
  rmSync(app.dataDir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the app as `npm start` does, on a fresh data folder, and waits until it is ready. */
async function startApp(port: number): Promise<RunningApp> {
  // An app left on the port (a run killed before its teardown) would answer instead of the one built now.
  if (
    await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`Port ${port} is already taken (an app from an earlier run?): stop it (fuser -k ${port}/tcp) or set E2E_PORT`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Migrating and seeding an embedded database takes minutes on a loaded 2-core machine: wait for readiness as long as the
  // server lives (E2E_READY_TIMEOUT_MS), and never leave it running on the port when the set-up fails.
  const exited = new Promise<never>((_, reject) =>
    server.once('exit', (code) => reject(new Error(`The app exited (${code}) before it was ready`))),
  );
  exited.catch(() => undefined); // its exit at teardown is expected, not an unhandled rejection
  try {
    await Promise.race([
      waitReady(`http://127.0.0.1:${port}/api/health/ready`, Number(process.env.E2E_READY_TIMEOUT_MS ?? 600_000)),
      exited,
    ]);
  } catch (error) {
    stopNow({ server, dataDir });
    throw error;
  }
  return { server, dataDir };
}
