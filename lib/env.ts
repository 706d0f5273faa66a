import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

// The only module that reads process.env (conventions: environment read once, validated).
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  // Growing delays after LOGIN_MAX_FAILURES: LOGIN_DELAY_SECONDS, doubling, at most
  // LOGIN_LOCK_MINUTES (lib/auth/rate-limit.ts).
  LOGIN_DELAY_SECONDS: z.coerce.number().int().positive().default(30),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  // At most ACCESS_DENIED_AUDIT_MAX 'access.denied' audit rows per actor per window, then one
  // row saying further refusals are counted, not recorded (lib/audit/denial-limit.ts).
  ACCESS_DENIED_AUDIT_MAX: z.coerce.number().int().positive().default(20),
  ACCESS_DENIED_AUDIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  // Reverse proxies of ours in front of the server, each appending to X-Forwarded-For (0: none;
  // the socket peer is the client). lib/security/client.ts; docs/security.md#client-address.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ROLE_CLAIM: z.string().default('distill_watch_role'),
  OIDC_DEFAULT_ROLE: z.enum(ROLES).optional(),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  // Waiting for a connection (pool full, or a server that does not answer) ends after this.
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // A statement of the app's pool is cancelled after this (0 = never); unset = 60 s inside the
  // Next server, never in the CLIs (detection and exports run long statements by design).
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().nonnegative().optional(),
  NEXT_RUNTIME: z.string().optional(),
  INGEST_LANES: z.coerce.number().int().min(1).max(8).default(2),
  // HTTP ingest runs on its own pool, so uploads can never take the connections sign-in and the
  // pages need (docs/ingest.md#http): at most INGEST_MAX_CONCURRENT at once (429 beyond), a pool
  // of INGEST_POOL_SIZE (default: one connection per lane of each), a statement timeout per batch,
  // and a body that sends nothing for INGEST_BODY_IDLE_TIMEOUT_MS ends the request (408).
  INGEST_MAX_CONCURRENT: z.coerce.number().int().positive().default(2),
  INGEST_POOL_SIZE: z.coerce.number().int().positive().optional(),
  INGEST_STATEMENT_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(300_000),
  INGEST_BODY_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  // HTTP ingest limits (docs/ingest.md#http): body bytes as sent, bytes after gunzip, the
  // compression ratio a gzip body may have, the longest line; and rows of a batch are also
  // flushed when their text passes INGEST_BATCH_MAX_BYTES (CLI and HTTP).
  INGEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 ** 3),
  INGEST_MAX_DECOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 ** 3),
  INGEST_MAX_GZIP_RATIO: z.coerce.number().positive().default(100),
  INGEST_HTTP_MAX_LINE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  INGEST_BATCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 ** 2),
  PORT: z.coerce.number().int().positive().default(3000),
  PGLITE_PORT: z.coerce.number().int().positive().default(54329),
  DATA_DIR: z.string().default('.data'),
  PROMPT_STORAGE: z.enum(['text', 'hash']).default('text'),
  // Largest file an analyst may upload to a case (bytes; stored in the database, see docs/cases.md).
  CASE_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  DEMO_EVENTS: z.coerce.number().int().nonnegative().default(500_000),
  DEMO_ACCOUNTS: z.coerce.number().int().nonnegative().default(3000),
  // Evidence packages (lib/evidence): who the bags say produced them, the signing key (base64 of
  // a 32-byte Ed25519 seed; unset = generated on first use and kept encrypted in the database with
  // a key derived from EVIDENCE_KEY_PASSPHRASE, else NEXTAUTH_SECRET), an optional RFC 3161
  // timestamp authority, and the largest bag Verify accepts.
  EVIDENCE_SOURCE_ORGANIZATION: z.string().default('Distill Watch'),
  EVIDENCE_CONTACT_EMAIL: z.string().default('trust-and-safety@example.invalid'),
  EVIDENCE_SIGNING_KEY: z.string().optional(),
  EVIDENCE_KEY_PASSPHRASE: z.string().min(16).optional(),
  TSA_URL: z.string().url().optional(),
  // Where finished packages are kept (default DATA_DIR/exports), and whether the Next server runs
  // the export worker (off: only `npm run evidence:build` works the queue).
  EVIDENCE_EXPORT_DIR: z.string().optional(),
  EVIDENCE_WORKER: z.enum(['on', 'off']).default('on'),
  // Tests only (the e2e server sets it): every build pauses this long after its natives pass, as
  // a large scope would take, so the browser test can cancel a build while it runs. Abortable.
  EVIDENCE_TEST_BUILD_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  // The commit the running build came from (reports cite it); unset = read from .git if present.
  GIT_COMMIT: z.string().optional(),
  EVIDENCE_VERIFY_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  // Retention (lib/cases/retention, docs/retention.md): the server runs the purge every this many
  // hours (0, the default: never; `npm run purge` still works). The period itself is an admin
  // setting in the database, not an environment variable.
  RETENTION_SCHEDULE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(0),
  // Tools and tests only: the server where benchmarks and tests create their own databases,
  // and an override for the shared prompts file used by the scenario generator.
  BENCH_ADMIN_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/postgres'),
  SCENARIO_PROMPTS_CSV: z.string().optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * Points this process at another database before any client connects (tools that create their
 * own database first: benchmarks, tests). Clears the cached environment so env() re-reads it.
 */
export function pointAtDatabase(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

/** The database URL, or a clear error naming the variable. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
  return url;
}

/** The app pool's statement timeout in ms (0 = none); see DB_STATEMENT_TIMEOUT_MS. */
export function appStatementTimeoutMs(): number {
  const e = env();
  return e.DB_STATEMENT_TIMEOUT_MS ?? (e.NEXT_RUNTIME ? 60_000 : 0);
}

/** Production refuses to run without an explicit auth secret. */
export function authSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === 'production') throw new Error('NEXTAUTH_SECRET is required in production');
  return 'development-only-secret-not-for-production';
}

export function oidcConfig() {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    roleClaim: e.OIDC_ROLE_CLAIM,
    defaultRole: e.OIDC_DEFAULT_ROLE,
  };
}
