import { isIP } from 'node:net';
import { z } from 'zod';

/** An IPv4/IPv6 address, optionally with a CIDR prefix length. */
function isAddressOrRange(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may speak for the client in X-Forwarded-For/-Proto: `false` (none), the number of
 * proxies in front of the API (the client is that many hops back), or their addresses/ranges.
 * `true` (every hop) is refused: any client could then choose its own address.
 */
const trustProxy = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === 'false' || /^([1-9]|10)$/.test(value)) return;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust every hop (any client could choose its address): give the number of proxies in front of the API (e.g. 1) or their addresses (e.g. 10.0.0.2,10.1.0.0/16)',
      });
      return;
    }
    const bad = value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => !isAddressOrRange(v));
    if (bad.length)
      ctx.addIssue({
        code: 'custom',
        message: `expected false, a hop count from 1 to 10 or a comma-separated list of proxy addresses/ranges; not an address: ${bad.join(', ')}`,
      });
  })
  .transform((value): false | number | string[] =>
    value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value.split(',').map((v) => v.trim()),
  );

/** Every environment variable the API reads, validated once at boot. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** The address people use to reach the platform (links in e-mails); defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  RUN_MIGRATIONS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CORS_ORIGINS: z.string().default(''),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Maillage <no-reply@maillage.local>'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** Largest SIRENE StockEtablissement file a platform admin may upload (streamed to DATA_DIR, never held in memory). */
  SIRENE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  TRUST_PROXY: trustProxy.default(false),
  /** A request body that stops arriving for this long is answered 408 (its connection closed). */
  BODY_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Longest time for a JSON or form body to arrive. */
  BODY_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Longest time for a multipart upload to arrive. */
  UPLOAD_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15 * 60_000),
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
  /** Most mails sent per second by one API process over SMTP (0: as fast as the server takes them). */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0).default(0),
  /** How long a claimed mail stays reserved to the process sending it; after that (a crashed process) another one takes it. */
  MAIL_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60 * 1000),
  /** First retry delay after a failed delivery (doubled at each attempt). */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often due newsletters are looked for (0: never; tests drive it). */
  NEWSLETTER_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
  /** How long a newsletter being sent stays with the process sending it without news (then another one takes over). */
  NEWSLETTER_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Meilisearch instead of the PostgreSQL search engine. */
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default('maillage'),
  /** How often the search outbox relay runs; 0 disables it (tests drive it by hand). */
  SEARCH_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).default(500),
  /** Redis (redis:// or rediss://) for real-time events across several API processes; unset: one process. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Largest document a network library accepts (413 FILE_TOO_LARGE above). */
  UPLOAD_DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** An S3-compatible store for uploaded files instead of DATA_DIR/files (selected when S3_BUCKET is set). */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addresses (MinIO, Garage, most self-hosted stores). */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The map's tile server (`{z}`, `{x}`, `{y}`, optionally `{s}`); the CSP allows exactly its origin. */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[A-Za-z0-9.{}-]+(:\d+)?\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, 'an http(s) address with {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** Credit shown on the map (plain text), and the page it links to. */
  MAP_TILE_ATTRIBUTION: z.string().min(1).max(200).default('© les contributeurs d’OpenStreetMap'),
  MAP_TILE_ATTRIBUTION_URL: z.url().default('https://www.openstreetmap.org/copyright'),
});

export type AppConfig = z.infer<typeof schema> & { PUBLIC_URL: string };
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, PUBLIC_URL: parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}` };
}
