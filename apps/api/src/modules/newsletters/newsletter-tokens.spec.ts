import { NewsletterTokens } from './newsletter-tokens';

describe('NewsletterTokens', () => {
  it('keeps the links of newsletters already sent working (same token format since it uses SignedIdTokens)', () => {
    const tokens = new NewsletterTokens('test-secret');
    const claim = { newsletterId: '11111111-2222-4333-8444-555555555555', personId: '66666666-7777-4888-9999-aaaaaaaaaaaa' };
    // Minted by the newsletters' own implementation before it was shared.
    const sent = 'ERERESIiQzOERFVVVVVVVWZmZmZ3d0iImZmqqqqqqqo.58_zfqbCCFlkk2NpMMCi0w';
    expect(tokens.verify(sent)).toEqual(claim);
    expect(tokens.sign(claim)).toBe(sent);
    expect(tokens.verify(`${sent}x`)).toBeNull();
  });
});
