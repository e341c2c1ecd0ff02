// Every option in one table: environment name, type, default, one line of documentation.
// The README's configuration table is generated from OPTIONS (`npx sosik config --markdown`),
// so this file is the single source of truth.

type Kind = 'string' | 'int' | 'bool';

interface OptionSpec<K extends Kind> {
  env: string;
  kind: K;
  default: K extends 'int' ? number : K extends 'bool' ? boolean : string;
  doc: string;
  /** Never printed or logged: `redactedConfig` masks it. */
  secret?: boolean;
}

function option<K extends Kind>(spec: OptionSpec<K>): OptionSpec<K> {
  return spec;
}

export const OPTIONS = {
  port: option({ env: 'PORT', kind: 'int', default: 3000, doc: 'HTTP port to listen on.' }),
  host: option({ env: 'HOST', kind: 'string', default: '0.0.0.0', doc: 'Interface to bind.' }),
  publicUrl: option({
    env: 'SOSIK_PUBLIC_URL',
    kind: 'string',
    default: '',
    doc: 'Canonical base URL (e.g. https://news.example.org). Empty: http://localhost:PORT.',
  }),
  databaseUrl: option({
    env: 'DATABASE_URL',
    kind: 'string',
    default: '',
    doc: 'postgres://… to run on PostgreSQL. Empty: SQLite at SOSIK_DB.',
    secret: true, // may carry a password
  }),
  sqlitePath: option({ env: 'SOSIK_DB', kind: 'string', default: './data/sosik.db', doc: 'SQLite database file.' }),
  demo: option({ env: 'SOSIK_DEMO', kind: 'bool', default: true, doc: 'Fill an empty database with demo content on start.' }),
  siteName: option({ env: 'SOSIK_SITE_NAME', kind: 'string', default: '소식', doc: 'Portal name shown in the header.' }),
  logLevel: option({ env: 'LOG_LEVEL', kind: 'string', default: 'info', doc: 'pino log level (fatal…trace, silent).' }),
  trustProxy: option({
    env: 'SOSIK_TRUST_PROXY',
    kind: 'bool',
    default: false,
    doc: 'Trust X-Forwarded-* from a load balancer (client IP, https detection).',
  }),
  secureCookies: option({
    env: 'SOSIK_SECURE_COOKIES',
    kind: 'string',
    default: 'auto',
    doc: 'Secure flag on cookies: auto (when the request is https), always or never.',
  }),
  sessionDays: option({ env: 'SOSIK_SESSION_DAYS', kind: 'int', default: 14, doc: 'Session lifetime in days (staff, and readers who tick "remember me").' }),
  bodyLimitBytes: option({
    env: 'SOSIK_BODY_LIMIT',
    kind: 'int',
    default: 2 * 1024 * 1024,
    doc: 'Largest accepted request body in bytes (API answers 413 above it).',
  }),
  loginMaxPerAccount: option({
    env: 'SOSIK_LOGIN_MAX_PER_ACCOUNT',
    kind: 'int',
    default: 5,
    doc: 'Failed sign-ins per account per 15 minutes before it is throttled.',
  }),
  loginMaxPerIp: option({
    env: 'SOSIK_LOGIN_MAX_PER_IP',
    kind: 'int',
    default: 20,
    doc: 'Failed sign-ins per client IP per 15 minutes before it is throttled.',
  }),
  loginMaxPerDomain: option({
    env: 'SOSIK_LOGIN_MAX_PER_DOMAIN',
    kind: 'int',
    default: 0,
    doc: 'Failed sign-ins per e-mail domain per 15 minutes before the domain is throttled (0: off; a big webmail domain would lock its users out).',
  }),
  apiRatePerMinute: option({
    env: 'SOSIK_API_RATE',
    kind: 'int',
    default: 600,
    doc: 'Press API requests per key per minute.',
  }),
  searchApiRatePerMinute: option({
    env: 'SOSIK_SEARCH_API_RATE',
    kind: 'int',
    default: 120,
    doc: 'GET /api/v1/search requests per client IP per minute.',
  }),
  workers: option({
    env: 'SOSIK_WORKERS',
    kind: 'bool',
    default: true,
    doc: 'Run the durable job worker inside the web process (turn off for web-only processes).',
  }),
  jobPollMs: option({ env: 'SOSIK_JOB_POLL_MS', kind: 'int', default: 500, doc: 'Idle job-queue poll interval.' }),
  jobLeaseMs: option({
    env: 'SOSIK_JOB_LEASE_MS',
    kind: 'int',
    default: 30_000,
    doc: 'How long a worker holds a claimed job; a job whose worker died runs again after this.',
  }),
  pageCacheSeconds: option({
    env: 'SOSIK_PAGE_CACHE_SECONDS',
    kind: 'int',
    default: 5,
    doc: 'Seconds an anonymous reader page is reused per process (0 turns the cache off).',
  }),
  pageSize: option({ env: 'SOSIK_PAGE_SIZE', kind: 'int', default: 20, doc: 'Articles per list page.' }),
  issueMinPresses: option({
    env: 'SOSIK_ISSUE_MIN_PRESSES',
    kind: 'int',
    default: 2,
    doc: 'Presses an issue needs before it is shown (singletons stay quiet).',
  }),
  issueDormantHours: option({
    env: 'SOSIK_ISSUE_DORMANT_HOURS',
    kind: 'int',
    default: 72,
    doc: 'Hours without a new article after which an issue goes dormant (it wakes when the story returns).',
  }),
  feedsPoll: option({
    env: 'SOSIK_FEEDS_POLL',
    kind: 'bool',
    default: true,
    doc: 'Poll press feeds in the background while the server runs (off: use `sosik feeds poll` from cron).',
  }),
  feedsAllowPrivate: option({
    env: 'SOSIK_FEEDS_ALLOW_PRIVATE',
    kind: 'bool',
    default: false,
    doc: 'Let feed fetches reach private, loopback and link-local addresses (only for a closed network).',
  }),
  feedsMaxBytes: option({
    env: 'SOSIK_FEEDS_MAX_BYTES',
    kind: 'int',
    default: 10 * 1024 * 1024,
    doc: 'Largest feed body accepted, counted after decompression.',
  }),
  feedsTimeoutMs: option({ env: 'SOSIK_FEEDS_TIMEOUT_MS', kind: 'int', default: 30_000, doc: 'Total time allowed for one feed fetch.' }),
  feedsIntervalSeconds: option({
    env: 'SOSIK_FEEDS_INTERVAL',
    kind: 'int',
    default: 900,
    doc: 'Default seconds between two polls of a feed (each feed may have its own).',
  }),
  feedsHostConcurrency: option({
    env: 'SOSIK_FEEDS_HOST_CONCURRENCY',
    kind: 'int',
    default: 2,
    doc: 'Feed fetches at once to one host.',
  }),
  feedsConcurrency: option({ env: 'SOSIK_FEEDS_CONCURRENCY', kind: 'int', default: 8, doc: 'Feed fetches at once in total.' }),
  newAccountWaitHours: option({
    env: 'SOSIK_NEW_ACCOUNT_WAIT_HOURS',
    kind: 'int',
    default: 0,
    doc: 'Hours a new reader account waits before it may comment or react (Naver uses 168).',
  }),
  oidcIssuer: option({
    env: 'SOSIK_OIDC_ISSUER',
    kind: 'string',
    default: '',
    doc: 'OpenID Connect issuer URL (https) readers may sign in with. Empty: no such sign-in.',
  }),
  oidcClientId: option({ env: 'SOSIK_OIDC_CLIENT_ID', kind: 'string', default: '', doc: 'Client id registered at the OIDC issuer.' }),
  oidcClientSecret: option({
    env: 'SOSIK_OIDC_CLIENT_SECRET',
    kind: 'string',
    default: '',
    doc: 'Client secret for the OIDC issuer (never printed or logged).',
    secret: true,
  }),
  oidcName: option({
    env: 'SOSIK_OIDC_NAME',
    kind: 'string',
    default: '',
    doc: 'Provider name on the sign-in button (e.g. 카카오). Empty: the issuer\'s host name.',
  }),
} as const;

type Options = typeof OPTIONS;
export type Config = {
  readonly [K in keyof Options]: Options[K]['default'] extends number
    ? number
    : Options[K]['default'] extends boolean
      ? boolean
      : string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseValue(name: string, kind: Kind, raw: string): string | number | boolean {
  if (kind === 'int') {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
    return Number(raw);
  }
  if (kind === 'bool') {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new ConfigError(`${name} must be 0/1/true/false, got "${raw}"`);
  }
  return raw;
}

/** Reads options from the environment (plus explicit overrides), validates them, and freezes the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS)) {
    const raw = env[spec.env];
    out[key] = raw === undefined || raw === '' ? spec.default : parseValue(spec.env, spec.kind, raw);
  }
  Object.assign(out, overrides);
  if (!['auto', 'always', 'never'].includes(out.secureCookies as string)) {
    throw new ConfigError('SOSIK_SECURE_COOKIES must be auto, always or never');
  }
  checkOidcOptions(out);
  if (!out.publicUrl) out.publicUrl = `http://localhost:${out.port}`;
  out.publicUrl = String(out.publicUrl).replace(/\/+$/, '');
  return Object.freeze(out) as Config;
}

// OIDC sign-in needs all three of issuer, client id and secret; half a configuration is a typo.
function checkOidcOptions(out: Record<string, unknown>): void {
  const parts = [out.oidcIssuer, out.oidcClientId, out.oidcClientSecret];
  if (parts.every((p) => !p)) return;
  if (parts.some((p) => !p)) {
    throw new ConfigError('SOSIK_OIDC_ISSUER, SOSIK_OIDC_CLIENT_ID and SOSIK_OIDC_CLIENT_SECRET must be set together');
  }
  if (!URL.canParse(String(out.oidcIssuer)) || new URL(String(out.oidcIssuer)).protocol !== 'https:') {
    throw new ConfigError(`SOSIK_OIDC_ISSUER must be an https URL, got "${out.oidcIssuer}"`);
  }
}

/** The configuration with every secret option replaced by "(set)" or "", for printing. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const [key, spec] of Object.entries(OPTIONS) as [string, OptionSpec<Kind>][]) {
    if (spec.secret) out[key] = out[key] ? '(set)' : '';
  }
  return out;
}

/** The README's configuration table. */
export function optionsMarkdown(): string {
  const rows = Object.values(OPTIONS).map(
    (o) => `| \`${o.env}\` | ${o.kind} | \`${String(o.default) === '' ? '(empty)' : String(o.default)}\` | ${o.doc} |`,
  );
  return ['| variable | type | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
