import { allowedOrigins, originAllowed } from './realtime-io.adapter';

describe('socket origins', () => {
  it('allows the public origin and the CORS allowlist', () => {
    const allowed = allowedOrigins({ PUBLIC_URL: 'https://maillage.example/app', CORS_ORIGINS: ' https://partner.example , ' });
    expect(allowed).toEqual(['https://maillage.example', 'https://partner.example']);
    expect(originAllowed('https://maillage.example', 'maillage.example', allowed)).toBe(true);
    expect(originAllowed('https://partner.example', 'maillage.example', allowed)).toBe(true);
  });

  it('refuses any other origin, including look-alikes', () => {
    const allowed = allowedOrigins({ PUBLIC_URL: 'https://maillage.example', CORS_ORIGINS: '' });
    for (const origin of ['https://evil.example', 'http://maillage.example:8080', 'https://maillage.example.evil.example', 'null']) {
      expect(originAllowed(origin, 'maillage.example', allowed)).toBe(false);
    }
  });

  it('lets requests without Origin through (same-origin GET, or not a browser)', () => {
    expect(originAllowed(undefined, 'maillage.example', ['https://maillage.example'])).toBe(true);
  });

  it('accepts the origin of the host the request was sent to (the same site under another name)', () => {
    expect(originAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', ['http://localhost:3000'])).toBe(true);
    expect(originAllowed('http://127.0.0.1:3001', '127.0.0.1:3000', ['http://localhost:3000'])).toBe(false);
    expect(originAllowed('not a url', '127.0.0.1:3000', [])).toBe(false);
  });
});
