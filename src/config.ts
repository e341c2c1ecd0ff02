// Every option in one table: environment name, type, unit, allowed range, default, one line of
// documentation. The README's configuration table is generated from OPTIONS (`npm run docs:config`),
// so this file is the single source of truth, and the only place in src/ that reads process.env.

import { parseCidrList } from './auth/cidr-list.ts';
import { parseTrustProxy } from './auth/trust-proxy.ts';

type Kind = 'string' | 'int' | 'bool';
/** What an int counts. Shown in the README and in every range error, so "30" is never ambiguous. */
type Unit = 'ms' | 'seconds' | 'minutes' | 'hours' | 'days' | 'bytes' | 'count' | 'per minute' | 'port' | 'percent';

interface OptionSpec<K extends Kind> {
  env: string;
  kind: K;
  default: K extends 'int' ? number : K extends 'bool' ? boolean : string;
  doc: string;
  /** Ints only: the unit, and the inclusive range checked at start-up. */
  unit?: K extends 'int' ? Unit : never;
  min?: K extends 'int' ? number : never;
  max?: K extends 'int' ? number : never;
  /** Strings only: the accepted values. */
  oneOf?: K extends 'string' ? readonly string[] : never;
  /** Never printed, logged or echoed in an error: `sosik config` shows "(set)". */
  secret?: boolean;
}

function option<K extends Kind>(spec: OptionSpec<K>): OptionSpec<K> {
  return spec;
}

const MIB = 1024 * 1024;
const HOUR_MS = 3_600_000;

export const OPTIONS = {
  port: option({
    env: 'PORT',
    kind: 'int',
    unit: 'port',
    min: 0,
    max: 65_535,
    default: 3000,
    doc: 'HTTP port to listen on (0: any free port).',
  }),
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
    secret: true,
    doc: 'postgres://… to run on PostgreSQL. Empty: SQLite at SOSIK_DB.',
  }),
  sqlitePath: option({ env: 'SOSIK_DB', kind: 'string', default: './data/sosik.db', doc: 'SQLite database file.' }),
  demo: option({
    env: 'SOSIK_DEMO',
    kind: 'bool',
    default: true,
    doc: 'Fill an empty database with demo content on start.',
  }),
  siteName: option({
    env: 'SOSIK_SITE_NAME',
    kind: 'string',
    default: '소식',
    doc: 'Portal name shown in the header.',
  }),
  logLevel: option({
    env: 'LOG_LEVEL',
    kind: 'string',
    default: 'info',
    oneOf: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    doc: 'pino log level.',
  }),
  trustProxy: option({
    env: 'SOSIK_TRUST_PROXY',
    kind: 'string',
    default: '',
    doc: 'Proxies whose X-Forwarded-* (client IP, https) to trust: empty none; a hop count (1 or true: the load balancer in front); or addresses/CIDRs, comma-separated. The client is the right-most untrusted address.',
  }),
  secureCookies: option({
    env: 'SOSIK_SECURE_COOKIES',
    kind: 'string',
    default: 'auto',
    oneOf: ['auto', 'always', 'never'],
    doc: 'Secure flag on cookies: auto (when the request is https), always or never.',
  }),
  sessionDays: option({
    env: 'SOSIK_SESSION_DAYS',
    kind: 'int',
    unit: 'days',
    min: 1,
    max: 365,
    default: 14,
    doc: 'Session lifetime (staff, and readers who tick "remember me").',
  }),
  bodyLimitBytes: option({
    env: 'SOSIK_BODY_LIMIT',
    kind: 'int',
    unit: 'bytes',
    min: 1024,
    max: 256 * MIB,
    default: 2 * MIB,
    doc: 'Largest accepted request body (API answers 413 above it).',
  }),
  batchBodyLimitBytes: option({
    env: 'SOSIK_BATCH_BODY_LIMIT',
    kind: 'int',
    unit: 'bytes',
    min: 1024,
    max: 1024 * MIB,
    default: 64 * MIB,
    doc: 'Largest accepted body of POST /api/v1/articles/batch (up to 500 articles; 413 above it).',
  }),
  loginMaxPerAccount: option({
    env: 'SOSIK_LOGIN_MAX_PER_ACCOUNT',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 10_000,
    default: 5,
    doc: 'Failed sign-ins per account from one source (IPv4 address, IPv6 /64) per 15 minutes before that source is throttled for it (others can still sign in).',
  }),
  loginMaxPerIp: option({
    env: 'SOSIK_LOGIN_MAX_PER_IP',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 100_000,
    default: 20,
    doc: 'Failed sign-ins per source (IPv4 address, IPv6 /64) per 15 minutes, whatever the account, before it is throttled.',
  }),
  apiRatePerMinute: option({
    env: 'SOSIK_API_RATE',
    kind: 'int',
    unit: 'per minute',
    min: 1,
    max: 1_000_000,
    default: 600,
    doc: 'Press API requests per key.',
  }),
  searchApiRatePerMinute: option({
    env: 'SOSIK_SEARCH_API_RATE',
    kind: 'int',
    unit: 'per minute',
    min: 1,
    max: 1_000_000,
    default: 120,
    doc: 'Searches (the /search page and GET /api/v1/search together) per client source (IPv4 address, IPv6 /64) per minute.',
  }),
  workers: option({
    env: 'SOSIK_WORKERS',
    kind: 'bool',
    default: true,
    doc: 'Run the durable job worker inside the web process (turn off for web-only processes).',
  }),
  jobThread: option({
    env: 'SOSIK_JOB_THREAD',
    kind: 'bool',
    default: true,
    doc: 'Run the job worker and background loops of `sosik serve` in a worker thread with its own database connection, so job work never delays a request.',
  }),
  jobPollMs: option({
    env: 'SOSIK_JOB_POLL_MS',
    kind: 'int',
    unit: 'ms',
    min: 10,
    max: HOUR_MS,
    default: 500,
    doc: 'Idle job-queue poll interval.',
  }),
  jobLeaseMs: option({
    env: 'SOSIK_JOB_LEASE_MS',
    kind: 'int',
    unit: 'ms',
    min: 1000,
    max: 24 * HOUR_MS,
    default: 30_000,
    doc: 'How long a worker holds a claimed job; a job whose worker died runs again after this.',
  }),
  jobRetentionHours: option({
    env: 'SOSIK_JOB_RETENTION_HOURS',
    kind: 'int',
    unit: 'hours',
    min: 1,
    max: 24 * 366,
    default: 7 * 24,
    doc: 'How long finished jobs stay in the jobs table before the worker prunes them (failed jobs stay until handled).',
  }),
  pageCacheSeconds: option({
    env: 'SOSIK_PAGE_CACHE_SECONDS',
    kind: 'int',
    unit: 'seconds',
    min: 0,
    max: 3600,
    default: 120,
    doc: 'Upper bound on how long an anonymous reader page is reused; pages are dropped at once when what they show changes (0 turns the cache off).',
  }),
  redisUrl: option({
    env: 'SOSIK_REDIS_URL',
    kind: 'string',
    default: '',
    secret: true,
    doc: 'redis://… to send change announcements (page-cache invalidation) between processes over Redis pub/sub. Empty: PostgreSQL LISTEN/NOTIFY, or in-process on SQLite.',
  }),
  liveStreams: option({
    env: 'SOSIK_LIVE_STREAMS',
    kind: 'int',
    unit: 'count',
    min: 0,
    max: 100_000,
    default: 2000,
    doc: 'Live streams (server-sent events: "새 기사 3건" on My news, new comments on an article page) one process keeps open for each of the two; 0 turns them off.',
  }),
  liveStreamsPerAddress: option({
    env: 'SOSIK_LIVE_STREAMS_PER_ADDRESS',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 10_000,
    default: 8,
    doc: 'Live streams of each kind one client address may hold open in one process (tabs of one household or office behind one address).',
  }),
  liveHeartbeatSeconds: option({
    env: 'SOSIK_LIVE_HEARTBEAT_SECONDS',
    kind: 'int',
    unit: 'seconds',
    min: 1,
    max: 300,
    default: 25,
    doc: 'Interval of the comment line an idle live stream sends, so proxies and browsers keep it open.',
  }),
  metricsAllow: option({
    env: 'SOSIK_METRICS_ALLOW',
    kind: 'string',
    default: '127.0.0.1/32,::1/128',
    doc: 'Addresses/CIDRs (comma-separated) that may read /metrics without a token; `none`: token only.',
  }),
  metricsToken: option({
    env: 'SOSIK_METRICS_TOKEN',
    kind: 'string',
    default: '',
    secret: true,
    doc: 'Bearer token that lets any address read /metrics (at least 16 characters). Empty: allow-list only.',
  }),
  pageSize: option({
    env: 'SOSIK_PAGE_SIZE',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 200,
    default: 20,
    doc: 'Articles per list page.',
  }),
  issueMinPresses: option({
    env: 'SOSIK_ISSUE_MIN_PRESSES',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 100,
    default: 2,
    doc: 'Presses an issue needs before it is shown (singletons stay quiet).',
  }),
  issueDormantHours: option({
    env: 'SOSIK_ISSUE_DORMANT_HOURS',
    kind: 'int',
    unit: 'hours',
    min: 1,
    max: 24 * 366,
    default: 72,
    doc: 'Time without a new article after which an issue goes dormant (it wakes when the story returns).',
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
    unit: 'bytes',
    min: 1024,
    max: 1024 * MIB,
    default: 10 * MIB,
    doc: 'Largest feed body accepted, counted after decompression.',
  }),
  feedsTimeoutMs: option({
    env: 'SOSIK_FEEDS_TIMEOUT_MS',
    kind: 'int',
    unit: 'ms',
    min: 100,
    max: 600_000,
    default: 30_000,
    doc: 'Total time allowed for one feed fetch.',
  }),
  feedsIntervalSeconds: option({
    env: 'SOSIK_FEEDS_INTERVAL',
    kind: 'int',
    unit: 'seconds',
    min: 60,
    max: 7 * 86_400,
    default: 900,
    doc: 'Default time between two polls of a feed (each feed may have its own).',
  }),
  feedsHostConcurrency: option({
    env: 'SOSIK_FEEDS_HOST_CONCURRENCY',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 64,
    default: 2,
    doc: 'Feed fetches at once to one host.',
  }),
  feedsConcurrency: option({
    env: 'SOSIK_FEEDS_CONCURRENCY',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 256,
    default: 8,
    doc: 'Feed fetches at once in total.',
  }),
  newAccountWaitHours: option({
    env: 'SOSIK_NEW_ACCOUNT_WAIT_HOURS',
    kind: 'int',
    unit: 'hours',
    min: 0,
    max: 8784,
    default: 0,
    doc: 'Hours a new reader account waits before it may comment or react (Naver uses 168).',
  }),
  userPassword: option({
    env: 'SOSIK_USER_PASSWORD',
    kind: 'string',
    default: '',
    secret: true,
    doc: 'Password for `sosik user add` when --password is not given (keeps it out of shell history).',
  }),
  oidcIssuer: option({
    env: 'SOSIK_OIDC_ISSUER',
    kind: 'string',
    default: '',
    doc: 'OpenID Connect issuer URL (https) readers may sign in with. Empty: no such sign-in.',
  }),
  oidcClientId: option({
    env: 'SOSIK_OIDC_CLIENT_ID',
    kind: 'string',
    default: '',
    doc: 'Client id registered at the OIDC issuer.',
  }),
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
    doc: "Provider name on the sign-in button (e.g. 카카오). Empty: the issuer's host name.",
  }),
  smtpUrl: option({
    env: 'SOSIK_SMTP_URL',
    kind: 'string',
    default: '',
    secret: true,
    doc: 'smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 to send mail. Empty: mail goes to SOSIK_OUTBOX_DIR.',
  }),
  mailFrom: option({
    env: 'SOSIK_MAIL_FROM',
    kind: 'string',
    default: '',
    doc: 'Sender of every message, e.g. "소식 <no-reply@news.example.org>". Empty: SOSIK_SITE_NAME <no-reply@host of SOSIK_PUBLIC_URL>.',
  }),
  outboxDir: option({
    env: 'SOSIK_OUTBOX_DIR',
    kind: 'string',
    default: './data/outbox',
    doc: 'Without SOSIK_SMTP_URL, messages are written here as .eml files (admins read them at /studio/outbox).',
  }),
  // Comments (src/comments): limits as Naver sets them; /about/moderation shows the values in force.
  commentsPerDay: option({
    env: 'SOSIK_COMMENTS_PER_DAY',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 10_000,
    default: 20,
    doc: 'Comments and replies one reader may post per day (Korean time).',
  }),
  commentsPerArticle: option({
    env: 'SOSIK_COMMENTS_PER_ARTICLE',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 1000,
    default: 3,
    doc: 'Comments (not replies) one reader may post on one article; deleted ones count.',
  }),
  commentRepliesPerArticle: option({
    env: 'SOSIK_COMMENT_REPLIES_PER_ARTICLE',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 1000,
    default: 10,
    doc: 'Replies one reader may post on one article.',
  }),
  commentGapSeconds: option({
    env: 'SOSIK_COMMENT_GAP_SECONDS',
    kind: 'int',
    unit: 'seconds',
    min: 0,
    max: 86_400,
    default: 60,
    doc: 'Seconds a reader waits between two comments or replies.',
  }),
  commentLikesPerDay: option({
    env: 'SOSIK_COMMENT_LIKES_PER_DAY',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 100_000,
    default: 50,
    doc: 'Likes and dislikes (공감/비공감) one reader may give per day.',
  }),
  commentLikeGapSeconds: option({
    env: 'SOSIK_COMMENT_LIKE_GAP_SECONDS',
    kind: 'int',
    unit: 'seconds',
    min: 0,
    max: 3600,
    default: 10,
    doc: 'Seconds between two likes or dislikes by one reader.',
  }),
  commentFoldAt: option({
    env: 'SOSIK_COMMENT_FOLD_AT',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 10_000,
    default: 5,
    doc: 'Fold requests (접기 요청) after which a comment is shown folded.',
  }),
  commentLinkMinAgeDays: option({
    env: 'SOSIK_COMMENT_LINK_MIN_AGE_DAYS',
    kind: 'int',
    unit: 'days',
    min: 0,
    max: 3650,
    default: 7,
    doc: 'Comments with links from accounts younger than this are held for review.',
  }),
  commentHoldToxicity: option({
    env: 'SOSIK_COMMENT_HOLD_TOXICITY',
    kind: 'int',
    unit: 'count',
    min: 0,
    max: 1000,
    default: 800,
    doc: 'Toxicity score (per mille) from which a comment is held for review.',
  }),
  commentRejectToxicity: option({
    env: 'SOSIK_COMMENT_REJECT_TOXICITY',
    kind: 'int',
    unit: 'count',
    min: 0,
    max: 1000,
    default: 970,
    doc: 'Toxicity score (per mille) from which a comment is not published.',
  }),
  commentPremoderation: option({
    env: 'SOSIK_COMMENT_PREMODERATION',
    kind: 'string',
    default: 'none',
    oneOf: ['none', 'all', 'first'],
    doc: 'Review before publishing, site-wide: none, all, or the first SOSIK_COMMENT_PREMODERATE_FIRST of each account (a category may be stricter).',
  }),
  commentPremoderateFirst: option({
    env: 'SOSIK_COMMENT_PREMODERATE_FIRST',
    kind: 'int',
    unit: 'count',
    min: 0,
    max: 1000,
    default: 3,
    doc: 'With premoderation "first": how many of an account\'s first comments are reviewed.',
  }),
  commentFloodArticles: option({
    env: 'SOSIK_COMMENT_FLOOD_ARTICLES',
    kind: 'int',
    unit: 'count',
    min: 2,
    max: 1000,
    default: 3,
    doc: 'The same text on this many articles within a day is flooding and is not published.',
  }),
  commentReplyMail: option({
    env: 'SOSIK_COMMENT_REPLY_MAIL',
    kind: 'bool',
    default: true,
    doc: 'Offer readers an e-mail about replies to their comments (each chooses it at /account/notifications; replies are always listed there).',
  }),
  commentReplyMailMinutes: option({
    env: 'SOSIK_COMMENT_REPLY_MAIL_MINUTES',
    kind: 'int',
    unit: 'minutes',
    min: 0,
    max: 1440,
    default: 10,
    doc: 'Replies arriving within this many minutes of the first are sent as one e-mail (0: one per reply, at once).',
  }),
  articleReactions: option({
    env: 'SOSIK_ARTICLE_REACTIONS',
    kind: 'string',
    default: 'useful,interesting,agree,analysis,follow-up',
    doc: 'Article reactions offered, comma-separated, from: useful, interesting, agree, analysis, follow-up.',
  }),
  reactionsPerDay: option({
    env: 'SOSIK_REACTIONS_PER_DAY',
    kind: 'int',
    unit: 'count',
    min: 1,
    max: 100_000,
    default: 50,
    doc: 'Article reactions one reader may give per day.',
  }),
  // Rankings and "for you" (src/ranking); /about/ranking shows the values in force.
  viewFlushSeconds: option({
    env: 'SOSIK_VIEW_FLUSH_SECONDS',
    kind: 'int',
    unit: 'seconds',
    min: 1,
    max: 600,
    default: 10,
    doc: 'Counted views are kept in memory and written in one batch this often (a crash loses at most this much).',
  }),
  forYouPressSharePercent: option({
    env: 'SOSIK_FOR_YOU_PRESS_SHARE_PERCENT',
    kind: 'int',
    unit: 'percent',
    min: 10,
    max: 100,
    default: 30,
    doc: 'Press diversity of the "for you" home order: no press fills more than this share of a page.',
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

type AnySpec = OptionSpec<Kind>;

/** A raw value as it may appear in an error message: never a secret's. */
function shown(spec: AnySpec, raw: unknown): string {
  return spec.secret ? '(hidden)' : `"${String(raw)}"`;
}

function parseValue(spec: AnySpec, raw: string): string | number | boolean {
  if (spec.kind === 'int') {
    if (!/^\d+$/.test(raw.trim()))
      throw new ConfigError(
        `${spec.env} must be a whole number${spec.unit ? ` (${spec.unit})` : ''}, got ${shown(spec, raw)}`,
      );
    return Number(raw);
  }
  if (spec.kind === 'bool') {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new ConfigError(`${spec.env} must be 0/1/true/false, got ${shown(spec, raw)}`);
  }
  return raw;
}

/** Range and choice checks, applied to environment values and explicit overrides alike. */
function checkValue(spec: AnySpec, value: unknown): void {
  if (spec.kind === 'int') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new ConfigError(`${spec.env} must be a whole number, got ${shown(spec, value)}`);
    const { min = 0, max = Number.MAX_SAFE_INTEGER, unit } = spec;
    if (value < min || value > max) {
      throw new ConfigError(
        `${spec.env} must be between ${min} and ${max}${unit ? ` ${unit}` : ''}, got ${shown(spec, value)}`,
      );
    }
  }
  if (spec.oneOf && !spec.oneOf.includes(String(value))) {
    throw new ConfigError(`${spec.env} must be one of ${spec.oneOf.join(', ')}, got ${shown(spec, value)}`);
  }
}

/** Reads options from the environment (plus explicit overrides), validates them, and freezes the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS) as [string, AnySpec][]) {
    const raw = env[spec.env];
    out[key] = raw === undefined || raw === '' ? spec.default : parseValue(spec, raw);
  }
  Object.assign(out, overrides);
  for (const [key, spec] of Object.entries(OPTIONS) as [string, AnySpec][]) checkValue(spec, out[key]);
  if (out.publicUrl && !/^https?:\/\/[^/\s]+/.test(String(out.publicUrl))) {
    throw new ConfigError(
      `SOSIK_PUBLIC_URL must be an http(s) URL such as https://news.example.org, got "${out.publicUrl}"`,
    );
  }
  if (out.databaseUrl && !/^postgres(ql)?:\/\//.test(String(out.databaseUrl))) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql:// (leave it empty for SQLite)');
  }
  checkOidcOptions(out);
  try {
    parseTrustProxy(out.trustProxy as string);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  checkMetricsAccess(out);
  // The URL itself is a secret: the message names the variable, never the value.
  if (out.smtpUrl && !/^smtps?:\/\/[^/?#]+/i.test(String(out.smtpUrl))) {
    throw new ConfigError('SOSIK_SMTP_URL must look like smtp://user:pass@host:port or smtps://user:pass@host:port');
  }
  if (out.mailFrom && !/^(?:[^<>@]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(String(out.mailFrom).trim())) {
    throw new ConfigError('SOSIK_MAIL_FROM must be an address or "Name <address>"');
  }
  if (!out.publicUrl) out.publicUrl = `http://localhost:${out.port}`;
  out.publicUrl = String(out.publicUrl).replace(/\/+$/, '');
  return Object.freeze(out) as Config;
}

// /metrics is never public by accident: a mistyped CIDR or a guessable token stops the start.
function checkMetricsAccess(out: Record<string, unknown>): void {
  try {
    parseCidrList(String(out.metricsAllow));
  } catch (err) {
    throw new ConfigError(`SOSIK_METRICS_ALLOW: ${(err as Error).message}`);
  }
  if (out.metricsToken && String(out.metricsToken).length < 16)
    throw new ConfigError('SOSIK_METRICS_TOKEN must be at least 16 characters');
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

/** The configuration as it may be shown or logged: secret options read "(set)" or "". */
export function maskedConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const [key, spec] of Object.entries(OPTIONS) as [string, AnySpec][]) {
    if (spec.secret) out[key] = out[key] ? '(set)' : '';
  }
  return out;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/**
 * Why the public URL is wrong for this server, or undefined. With SOSIK_PUBLIC_URL empty the
 * canonical links, og:url, feeds and copied links say http://localhost:PORT — fine on a laptop,
 * broken as soon as the server listens beyond loopback and others read those links.
 */
export function publicUrlWarning(config: Pick<Config, 'publicUrl' | 'host'>): string | undefined {
  let publicHost: string;
  try {
    publicHost = new URL(config.publicUrl).hostname;
  } catch {
    return undefined;
  }
  if (!LOOPBACK_HOSTS.has(publicHost) && !publicHost.startsWith('127.')) return undefined;
  if (LOOPBACK_HOSTS.has(config.host) || config.host.startsWith('127.')) return undefined;
  return `SOSIK_PUBLIC_URL is ${config.publicUrl} but the server listens on ${config.host}: canonical links, og:url, feeds and copied links will point readers at localhost. Set SOSIK_PUBLIC_URL to the address readers use.`;
}

function typeCell(spec: AnySpec): string {
  if (spec.oneOf) return spec.oneOf.join(' \\| ');
  const base = spec.kind === 'int' && spec.unit && spec.unit !== 'count' ? `int (${spec.unit})` : spec.kind;
  return spec.secret ? `${base}, secret` : base;
}

function rangeCell(spec: AnySpec): string {
  return spec.kind === 'int' && (spec.min !== undefined || spec.max !== undefined)
    ? `${spec.min ?? 0}–${spec.max ?? '∞'}`
    : '';
}

/** The README's configuration table. */
export function optionsMarkdown(): string {
  const rows = (Object.values(OPTIONS) as AnySpec[]).map(
    (o) =>
      `| \`${o.env}\` | ${typeCell(o)} | ${rangeCell(o)} | \`${String(o.default) === '' ? '(empty)' : String(o.default)}\` | ${o.doc} |`,
  );
  return ['| variable | type | range | default | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}
