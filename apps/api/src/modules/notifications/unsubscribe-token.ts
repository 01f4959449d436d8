import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_TYPES, type NotificationType } from '@maillage/contracts';

/** What an unsubscribe link stops: one type, or the daily digest e-mail. */
export type UnsubscribeScope = NotificationType | 'digest';

export interface UnsubscribeClaim {
  personId: string;
  scope: UnsubscribeScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signed one-click unsubscribe tokens: `<payload>.<mac>`, both base64url, the payload being
 * `<personId> <scope>` and the mac an HMAC-SHA256 under a key derived from the session secret
 * (so the session secret itself never signs anything users hold). No state: the link keeps working
 * (setting the preference again is harmless), and nothing else can be forged from it.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('maillage:notifications:unsubscribe:v1').digest();
  }

  sign(claim: UnsubscribeClaim): string {
    const payload = Buffer.from(`${claim.personId} ${claim.scope}`).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claim of a genuine token, or null for anything forged, altered or malformed. */
  verify(token: string): UnsubscribeClaim | null {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [personId, scope, ...extra] = Buffer.from(payload, 'base64url').toString().split(' ');
    if (extra.length || !UUID.test(personId ?? '')) return null;
    if (scope !== 'digest' && !NOTIFICATION_TYPES.includes(scope as NotificationType)) return null;
    return { personId, scope: scope as UnsubscribeScope };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
