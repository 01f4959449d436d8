import { UnsubscribeTokens } from './unsubscribe-token';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens('a-session-secret-of-at-least-32-chars!!');
  const personId = '0b3a4c5d-1111-4222-8333-944455556666';

  it('verifies its own tokens', () => {
    expect(tokens.verify(tokens.sign({ personId, scope: 'forum.reply' }))).toEqual({ personId, scope: 'forum.reply' });
    expect(tokens.verify(tokens.sign({ personId, scope: 'digest' }))).toEqual({ personId, scope: 'digest' });
  });

  it('refuses altered, forged and malformed tokens', () => {
    const token = tokens.sign({ personId, scope: 'forum.reply' });
    const [payload, mac] = token.split('.');
    const other = Buffer.from(`${personId} forum.mention`).toString('base64url');
    expect(tokens.verify(`${other}.${mac}`)).toBeNull();
    expect(tokens.verify(`${payload}.${mac.slice(0, -1)}A`)).toBeNull();
    expect(tokens.verify(`${payload}.${mac}.x`)).toBeNull();
    expect(tokens.verify('')).toBeNull();
    expect(new UnsubscribeTokens('another-secret-of-at-least-32-chars!!!').verify(token)).toBeNull();
    const bogus = Buffer.from(`${personId} unknown.type`).toString('base64url');
    expect(tokens.verify(`${bogus}.${createMac(bogus)}`)).toBeNull();
  });

  /** A correctly signed payload that does not name a known type. */
  function createMac(payload: string): string {
    return (tokens as unknown as { mac(p: string): string }).mac(payload);
  }
});
