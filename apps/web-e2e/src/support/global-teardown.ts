import { rmSync } from 'node:fs';
import type { RunningApp } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const apps = (globalThis as { __servers?: RunningApp[] }).__servers ?? [];
  await Promise.all(
    apps.map(async ({ server, dataDir }) => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      // An app still shutting down after 10 s would keep the port for the next run: stopped for good.
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!stopped) server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }),
  );
  if (process.env.E2E_SESSIONS_DIR) rmSync(process.env.E2E_SESSIONS_DIR, { recursive: true, force: true });
}
