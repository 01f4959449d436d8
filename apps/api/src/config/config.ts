import { z } from 'zod';

/** Every environment variable the API reads, validated once at boot. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** The address people use to reach the platform (links in e-mails); defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  RUN_MIGRATIONS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CORS_ORIGINS: z.string().default(''),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Maillage <no-reply@maillage.local>'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  /** Largest SIRENE StockEtablissement file a platform admin may upload (streamed to DATA_DIR, never held in memory). */
  SIRENE_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
  /** Meilisearch instead of the PostgreSQL search engine. */
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).default('maillage'),
  /** How often the search outbox relay runs; 0 disables it (tests drive it by hand). */
  SEARCH_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).default(500),
  /** Redis (redis:// or rediss://) for real-time events across several API processes; unset: one process. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Largest document a network library accepts (413 FILE_TOO_LARGE above). */
  UPLOAD_DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  /** An S3-compatible store for uploaded files instead of DATA_DIR/files (selected when S3_BUCKET is set). */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addresses (MinIO, Garage, most self-hosted stores). */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
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
