import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Stateless tokens naming a fixed number of ids for one purpose (a mail's recipient, what a link stops):
 * `<ids>.<mac>`, base64url, signed under a key derived from the session secret and the purpose, so that a token of
 * one purpose is worthless for another. URL-safe as is, unforgeable; the links of mails (one-click unsubscribe).
 */
export class SignedIdTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    purpose: string,
    private readonly count: number,
  ) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(ids: readonly string[]): string {
    if (ids.length !== this.count || !ids.every((id) => UUID.test(id))) throw new Error(`SignedIdTokens: ${this.count} ids expected`);
    const payload = Buffer.concat(ids.map(uuidBytes)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The ids, or null for anything not signed here for this purpose. */
  verify(token: string): string[] | null {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length !== 16 * this.count) return null;
    const ids = Array.from({ length: this.count }, (_, i) => uuidOf(bytes.subarray(16 * i, 16 * (i + 1))));
    return ids.every((id) => UUID.test(id)) ? ids : null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, 16).toString('base64url');
  }
}
