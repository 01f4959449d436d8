import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const service = new PasswordService();

  it('hashes with argon2id and verifies', async () => {
    const hash = await service.hash('une phrase de passe assez longue');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await service.verify(hash, 'une phrase de passe assez longue')).toBe(true);
    expect(await service.verify(hash, 'autre chose')).toBe(false);
    expect(await service.verify(null, 'anything')).toBe(false);
  });

  it('asks for length and unpredictability, not composition', () => {
    expect(service.weakness('Sh0rt!', [])).toMatch(/at least 12/);
    expect(service.weakness('password1234', [])).toMatch(/common|guess/);
    expect(service.weakness('camille.martin@x.fr!', ['camille.martin@x.fr'])).toMatch(/guess/);
    expect(service.weakness('le petit chat boit du lait', [])).toBeNull();
    expect(service.weakness('x'.repeat(300), [])).toMatch(/at most/);
  });
});
