import { loginPath, safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each([
    ['/entreprises', '/entreprises'],
    ['/invitations/entreprise?token=abc', '/invitations/entreprise?token=abc'],
    ['/profil#photo', '/profil#photo'],
  ])('keeps the local path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'entreprises', '/\u0000x'])(
    'refuses %p',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );

  it('builds the login path with the encoded destination', () => {
    expect(loginPath('/invitations/entreprise?token=a&b=c')).toBe('/connexion?next=%2Finvitations%2Fentreprise%3Ftoken%3Da%26b%3Dc');
  });
});
