import type { ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The origin a tile address template loads from (`{s}` subdomains become a wildcard). */
export function tileOrigin(tileUrl: string): string {
  return /^https?:\/\/[^/]+/.exec(tileUrl.replace('{s}', '*'))?.[0] ?? "'none'";
}

const options = (https: boolean, tileUrl: string): HelmetOptions => ({
  contentSecurityPolicy: {
    directives: {
      // Only behind https: on a plain-http intranet install it would break every asset.
      upgradeInsecureRequests: https ? [] : null,
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', tileOrigin(tileUrl)],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: https,
});

/**
 * The headers helmet sets (strict CSP, HSTS, nosniff, frame and referrer policies…), computed once
 * at boot by running helmet against a blank response: the same for every reply, so no per-request work.
 */
export function securityHeaders(publicUrl: string, tileUrl: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const fake = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  helmet(options(publicUrl.startsWith('https:'), tileUrl))({} as never, fake, () => undefined);
  return headers;
}
