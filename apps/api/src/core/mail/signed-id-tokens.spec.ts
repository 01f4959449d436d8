import { SignedIdTokens } from './signed-id-tokens';

const A = '11111111-2222-4333-8444-555555555555';
const B = '66666666-7777-4888-9999-aaaaaaaaaaaa';

describe('SignedIdTokens', () => {
  const digest = new SignedIdTokens('test-secret', 'maillage:opportunities:digest:v1', 1);

  it('signs ids and reads them back; URL-safe', () => {
    const token = digest.sign([A]);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(digest.verify(token)).toEqual([A]);
  });

  it('refuses forged, altered, truncated tokens, and tokens of another purpose, secret or length', () => {
    const token = digest.sign([A]);
    const [payload, mac] = token.split('.');
    const other = new SignedIdTokens('test-secret', 'maillage:newsletters:recipient:v1', 1);
    for (const bad of [
      '',
      'x',
      `${payload}.`,
      `${payload}.${mac}.x`,
      `${payload}.${mac.slice(1)}`,
      `${payload.slice(1)}.${mac}`,
      `${new SignedIdTokens('test-secret', 'x', 1).sign([B]).split('.')[0]}.${mac}`,
      other.sign([A]),
      new SignedIdTokens('another-secret', 'maillage:opportunities:digest:v1', 1).sign([A]),
      new SignedIdTokens('test-secret', 'maillage:opportunities:digest:v1', 2).sign([A, B]),
    ]) {
      expect([bad, digest.verify(bad)]).toEqual([bad, null]);
    }
    expect(() => digest.sign([A, B])).toThrow();
    expect(() => digest.sign(['not-a-uuid'])).toThrow();
  });
});
