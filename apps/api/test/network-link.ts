// A client's network link to the API for tests: a TCP relay on its own port in front of one API process (as a
// load balancer would be), that the test can cut abruptly (a dropped network, no clean close on either side).
import { createServer, connect, type Server, type Socket } from 'node:net';

export class NetworkLink {
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private port = 0;

  /** `target()` is the port of the process to relay a new connection to (read on each connection). */
  constructor(private readonly target: () => number) {}

  /** The address clients use (HTTP and WebSocket). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async open(): Promise<this> {
    this.server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
    return this;
  }

  private relay(client: Socket): void {
    const upstream = connect(this.target(), '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const side of pair) {
      side.setNoDelay(true);
      side.on('error', end);
      side.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Resets every connection on the link at once (TCP RST both ways): how many there were. */
  drop(): number {
    const count = this.pairs.size;
    for (const pair of [...this.pairs]) {
      this.pairs.delete(pair);
      for (const side of pair) side.resetAndDestroy();
    }
    return count;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
