import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface OidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface RunningProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts the test OpenID Connect provider (test/oidc-provider-server.mjs) in its own process on a random port. */
export function startOidcProvider(clients: OidcClient[], options: { issuerHost?: string } = {}): Promise<RunningProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    env: {
      ...process.env,
      OIDC_CLIENTS: JSON.stringify(clients),
      ...(options.issuerHost ? { OIDC_ISSUER_HOST: options.issuerHost } : {}),
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`OIDC provider exited (${code}): ${errors}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (!ready) return;
      resolve({
        issuer: ready[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
