// The hub's settings, from environment variables validated at start: a bad one stops the hub with its name.
import { z } from 'zod';

const number = (fallback: number) => z.coerce.number().finite().nonnegative().default(fallback);

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HUB_DATA_DIR: z.string().min(1).default('hub-data'),
  HUB_HOST: z.string().min(1).default('127.0.0.1'),
  HUB_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HUB_TOMBSTONE_RETENTION_DAYS: number(30),
  HUB_MAX_BODY_MB: number(64).pipe(z.number().positive()),
  HUB_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(50_000).default(5_000),
  HUB_ENCRYPTION_KEY: z.string().optional(),
  HUB_ENCRYPTION_KEY_FILE: z.string().optional(),
  HUB_STORE_ONLINE_MONTHS: z.coerce.number().int().min(0).max(120).default(12),
  HUB_SOURCES_POLL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  HUB_POLICY_KEY_FILE: z.string().optional(),
  HUB_PUBLIC_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]).optional(),
  HUB_TRUST_PROXY: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z
      .enum(['', '0', '1', 'false', 'true', 'no', 'yes'], { message: 'must be true or false (1 or 0, yes or no)' })
      .optional(),
  ),
  HUB_AUDIT_RETENTION_DAYS: number(400),
  HUB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  HUB_METRICS_TOKEN: z.union([z.literal(''), z.string().min(16, 'must be at least 16 characters')]).optional(),
  HUB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface HubConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  tombstoneRetentionSeconds: number;
  maxBodyBytes: number;
  maxPageSize: number;
  logLevel: string;
  /** The key that seals the secrets kept in the database (see secrets/key.ts). */
  encryptionKey: string | undefined;
  encryptionKeyFile: string | undefined;
  /** Store staff also get the customers active online within this many months (server/scopes/). */
  storeOnlineMonths: number;
  /** How often this process looks for platform sources due for a pull; 0: it never pulls on schedule. */
  sourcesPollSeconds: number;
  /** The policy signing key's file (PEM or JWK); without it the hub makes one and keeps it sealed in the database. */
  policyKeyFile?: string;
  /** The URL extensions reach the hub at: the policy is issued for its origin alone, whatever Host a request names. */
  publicUrl?: string;
  /** Behind a reverse proxy: the client's scheme and host are read from X-Forwarded-Proto and -Host. */
  trustProxy?: boolean;
  /** How long audit entries are kept, counted from their receipt. */
  auditRetentionSeconds: number;
  /** Requests a minute per access token, in each process; 0: no limit. */
  rateLimitPerMinute: number;
  /** The bearer token /metrics asks for; unset: /metrics is off. */
  metricsToken: string | undefined;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv): HubConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid environment variable ${problems.join('; ')}`);
  }
  const values = result.data;
  return {
    // An empty DATABASE_URL means "not set", as shells and service files often leave it.
    databaseUrl: values.DATABASE_URL || undefined,
    dataDir: values.HUB_DATA_DIR,
    host: values.HUB_HOST,
    port: values.HUB_PORT,
    tombstoneRetentionSeconds: values.HUB_TOMBSTONE_RETENTION_DAYS * 86_400,
    maxBodyBytes: Math.round(values.HUB_MAX_BODY_MB * 1024 * 1024),
    maxPageSize: values.HUB_MAX_PAGE_SIZE,
    logLevel: values.HUB_LOG_LEVEL,
    encryptionKey: values.HUB_ENCRYPTION_KEY || undefined,
    encryptionKeyFile: values.HUB_ENCRYPTION_KEY_FILE || undefined,
    storeOnlineMonths: values.HUB_STORE_ONLINE_MONTHS,
    sourcesPollSeconds: values.HUB_SOURCES_POLL_SECONDS,
    policyKeyFile: values.HUB_POLICY_KEY_FILE || undefined,
    publicUrl: values.HUB_PUBLIC_URL || undefined,
    trustProxy: ['1', 'true', 'yes'].includes(values.HUB_TRUST_PROXY ?? ''),
    auditRetentionSeconds: values.HUB_AUDIT_RETENTION_DAYS * 86_400,
    rateLimitPerMinute: values.HUB_RATE_LIMIT_PER_MINUTE,
    metricsToken: values.HUB_METRICS_TOKEN || undefined,
  };
}
