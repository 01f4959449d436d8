import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3700);

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not become ready at ${url}`);
}

/** Builds if needed, then starts the app as `npm start` does, on a fresh data folder. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('Browser tests need Chromium at /usr/bin/chromium: apt-get install -y chromium');
  if (!existsSync(join(ROOT, 'apps/api/dist/main.js')) || !existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(E2E_PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  (globalThis as { __server?: unknown }).__server = { server, dataDir };
  process.env.E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
  await waitReady(`${process.env.E2E_BASE_URL}/api/health/ready`, 180_000);
}
