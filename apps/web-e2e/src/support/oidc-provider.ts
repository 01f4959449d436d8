import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The API tests' OpenID Connect provider (apps/api/test/oidc-provider-server.mjs), in its own process on a random port. */
export function startOidcProvider(
  clients: { client_id: string; client_secret: string; redirect_uris: string[] }[],
): Promise<{ issuer: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(__dirname, '../../../api/test/oidc-provider-server.mjs')], {
    env: { ...process.env, OIDC_CLIENTS: JSON.stringify(clients), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`OIDC provider exited (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready) resolve({ issuer: ready[1], stop: () => child.kill('SIGTERM') });
    });
  });
}
