// One error type for everything a client can get wrong: a stable code, an HTTP status,
// a message a person can act on, and (for schema violations) the failing field paths.
//
// The catalogue below is closed: every code is declared once, with its status and its default
// English message, and only this file can make an AppError (the constructor takes a token no other
// module has). Readers see the code's text in their language: `errors.<CODE>` in
// src/web/i18n/{ko,en}/errors.ts, with the same {params}. Adding a code is fine; renaming one
// breaks clients.

export interface FieldIssue {
  /** JSON-pointer-like path of the failing field, e.g. "associations.featureimage.renditions". */
  path: string;
  message: string;
}

export const ERROR_CATALOGUE = {
  // Requests the framework refuses before a route runs.
  BAD_REQUEST: { status: 400, message: 'The request is not valid HTTP.' },
  BAD_URL: { status: 400, message: 'The address contains a broken %-escape.' },
  MALFORMED_JSON: { status: 400, message: 'The body is not valid JSON: {detail}' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  BODY_TOO_LARGE: { status: 413, message: 'The body exceeds {limit} bytes.' },
  URL_TOO_LONG: { status: 414, message: 'The address is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here: {type}.' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested byte range is outside the file.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  // Who may do what.
  UNAUTHORIZED: { status: 401, message: 'A valid API key is required (Authorization: Bearer <key>).' },
  SIGN_IN_REQUIRED: { status: 401, message: 'Please sign in as staff to continue.' },
  FORBIDDEN: { status: 403, message: 'You may not do this.' },
  CSRF_REJECTED: { status: 403, message: 'The form expired or did not come from this site. Reload and try again.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; retry in {seconds} s.' },
  // What is (not) there.
  NOT_FOUND: { status: 404, message: 'No such {what}.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This address does not accept that method.' },
  GONE: { status: 410, message: 'This {what} has been withdrawn.' },
  // Input that does not fit.
  VALIDATION_FAILED: { status: 422, message: 'The request does not match the schema.' },
  UNSUPPORTED_ITEM_TYPE: {
    status: 422,
    message: 'ninjs items of type "{type}" are not articles; send type "text" or "composite".',
  },
  JSON_TOO_DEEP: { status: 400, message: 'The body nests objects or arrays deeper than {max} levels.' },
  NUL_CHARACTER: {
    status: 400,
    message: 'The request contains a NUL character (%00), which nothing on this site accepts.',
  },
  HTML_TOO_DEEP: { status: 422, message: 'The body HTML nests elements deeper than {max} levels.' },
  HTML_TOO_MANY_ELEMENTS: { status: 422, message: 'The body HTML has more than {max} elements.' },
  HTML_TOO_LARGE: { status: 422, message: 'The cleaned body HTML exceeds {max} characters.' },
  // Presses and staff.
  INVALID_SLUG: { status: 422, message: 'A press slug uses a–z, 0–9 and hyphens (e.g. "hanbit-daily").' },
  INVALID_NAME: { status: 422, message: 'A press needs a name.' },
  PRESS_EXISTS: { status: 409, message: 'A press with the slug "{slug}" already exists.' },
  PRESS_NOT_FOUND: { status: 404, message: 'No press with slug "{slug}".' },
  PRESS_REQUIRED: { status: 422, message: 'Press staff must belong to a press (--press <slug>).' },
  PRESS_NOT_ALLOWED: { status: 422, message: 'Only press staff belong to a press; role "{role}" does not.' },
  INVALID_EMAIL: { status: 422, message: '"{email}" is not an e-mail address.' },
  INVALID_ROLE: { status: 422, message: 'Role must be one of {roles}; got "{role}".' },
  WEAK_PASSWORD: { status: 422, message: 'The password needs at least {min} characters.' },
  USER_EXISTS: { status: 409, message: 'A user with e-mail {email} already exists.' },
  // Issues (editors' curation).
  ISSUE_MERGE_SELF: { status: 422, message: 'An issue cannot be merged into itself.' },
  ISSUE_NAME_INVALID: { status: 422, message: 'An issue name needs 1 to {max} characters.' },
  ISSUE_ARTICLE_NOT_MEMBER: { status: 422, message: 'That article is not in this issue.' },
  ISSUE_MOVE_SAME: { status: 422, message: 'The article is already in that issue.' },
  // Feeds and the command line.
  INVALID_FEED_URL: { status: 422, message: 'Not a feed address: {detail}' },
  INVALID_OPML: { status: 422, message: 'Not a readable OPML file: {detail}' },
  MISSING_OPTION: { status: 400, message: 'Usage: sosik {usage}' },
  LINE_TOO_LONG: { status: 413, message: 'The line exceeds {limit} characters.' },
  INVALID_OPTION: { status: 422, message: '{detail}' },
  // Mail.
  MAIL_NOT_RESENDABLE: { status: 409, message: 'Only an uncertain or failed message can be sent again.' },
  // Readers' single sign-on (OpenID Connect).
  OIDC_MISCONFIGURED: { status: 500, message: 'Single sign-on is configured wrongly: {detail}' },
  OIDC_UNAVAILABLE: { status: 503, message: 'The sign-in provider could not be reached.' },
  OIDC_STATE_MISMATCH: {
    status: 400,
    message: 'This sign-in expired or was started in another window. Please start again.',
  },
  OIDC_CODE_REJECTED: {
    status: 400,
    message: 'This sign-in link was already used or has expired. Please start again.',
  },
  OIDC_DENIED: { status: 403, message: 'The sign-in was cancelled at the provider.' },
  OIDC_FAILED: { status: 502, message: 'The sign-in provider gave an answer that could not be accepted.' },
  OIDC_EMAIL_MISSING: {
    status: 403,
    message: 'The provider did not share an e-mail address, so no account can be created.',
  },
  OIDC_EMAIL_UNVERIFIED: {
    status: 403,
    message: 'The provider has not verified this e-mail address, so no account can be created.',
  },
  // Comments.
  COMMENT_LIMIT_REACHED: { status: 429, message: 'The {limit} limit ({max}) is reached; it resets at {resets}.' },
  COMMENT_NOT_ALLOWED: { status: 403, message: 'You may not comment or react now: {reason}.' },
  COMMENTS_CLOSED: { status: 403, message: 'Comments on this article are closed: {reason}.' },
  COMMENT_APPEAL_USED: {
    status: 409,
    message: 'This comment cannot be appealed (already appealed, or nothing to appeal).',
  },
  // Ours.
  INTERNAL: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  UNAVAILABLE: { status: 503, message: 'The server is restarting; retry in a moment.' },
  BUSY: { status: 503, message: 'Too many large bodies are being cleaned right now; retry shortly.' },
  STREAMS_FULL: { status: 503, message: 'Too many live updates are open on this server; the page works without them.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type ErrorParams = Readonly<Record<string, string | number>>;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}

/** `{name}` → params.name; an unknown name stays as written, so a missing param is visible, not blank. */
export function fillTemplate(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// Only this module holds the token, so every AppError comes from the catalogue below.
const FROM_CATALOGUE: unique symbol = Symbol('AppError from the catalogue');

interface MakeOptions {
  details?: FieldIssue[];
  /** A more specific English message than the catalogue's (API clients and the CLI see it). */
  message?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  readonly details: FieldIssue[] | undefined;
  /** For 429 and 503: sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    token: typeof FROM_CATALOGUE,
    readonly code: ErrorCode,
    /** The values of the message's {placeholders}, reused by the translated text. */
    readonly params: ErrorParams,
    options: MakeOptions,
  ) {
    if (token !== FROM_CATALOGUE) throw new TypeError('AppError comes from Errors.* in src/errors.ts');
    const entry = ERROR_CATALOGUE[code];
    super(
      options.message ?? fillTemplate(entry.message, params),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.status = entry.status;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  toJSON(): { error: { code: string; message: string; details?: FieldIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

function make(code: ErrorCode, params: ErrorParams = {}, options: MakeOptions = {}): AppError {
  return new AppError(FROM_CATALOGUE, code, params, options);
}

/** An issue for `details`, when the caller wants one field path on an otherwise plain error. */
const at = (path: string, message: string): FieldIssue[] => [{ path, message }];

// The factories: one per code (two where the same code has two common shapes).
export const Errors = {
  badRequest: () => make('BAD_REQUEST'),
  badUrl: () => make('BAD_URL'),
  badJson: (detail: string) => make('MALFORMED_JSON', { detail }),
  requestTimeout: () => make('REQUEST_TIMEOUT'),
  tooLarge: (limit: number) => make('BODY_TOO_LARGE', { limit }),
  urlTooLong: () => make('URL_TOO_LONG'),
  unsupportedMediaType: (type: string) => make('UNSUPPORTED_MEDIA_TYPE', { type }),
  rangeNotSatisfiable: () => make('RANGE_NOT_SATISFIABLE'),
  headersTooLarge: () => make('HEADERS_TOO_LARGE'),

  unauthorized: (message?: string) => make('UNAUTHORIZED', {}, { message }),
  signInRequired: (message?: string) => make('SIGN_IN_REQUIRED', {}, { message }),
  forbidden: (message?: string) => make('FORBIDDEN', {}, { message }),
  csrf: () => make('CSRF_REJECTED'),
  rateLimited: (retryAfterSeconds: number) =>
    make('RATE_LIMITED', { seconds: retryAfterSeconds }, { retryAfterSeconds }),

  notFound: (what = 'resource', message?: string) => make('NOT_FOUND', { what }, { message }),
  methodNotAllowed: () => make('METHOD_NOT_ALLOWED'),
  gone: (what = 'resource') => make('GONE', { what }),

  validation: (details: FieldIssue[], message?: string) => make('VALIDATION_FAILED', {}, { details, message }),
  unsupportedType: (type: string) =>
    make('UNSUPPORTED_ITEM_TYPE', { type }, { details: at('type', `"${type}" is not accepted`) }),

  invalidSlug: () => make('INVALID_SLUG', {}, { details: at('slug', 'invalid slug') }),
  invalidName: () => make('INVALID_NAME', {}, { details: at('name', 'required') }),
  pressExists: (slug: string) => make('PRESS_EXISTS', { slug }),
  pressNotFound: (slug: string) => make('PRESS_NOT_FOUND', { slug }),
  pressRequired: () => make('PRESS_REQUIRED'),
  pressNotAllowed: (role: string) => make('PRESS_NOT_ALLOWED', { role }),
  invalidEmail: (email: string) => make('INVALID_EMAIL', { email }),
  invalidRole: (role: string, roles: readonly string[]) => make('INVALID_ROLE', { role, roles: roles.join(', ') }),
  weakPassword: (min: number) => make('WEAK_PASSWORD', { min }),
  userExists: (email: string) => make('USER_EXISTS', { email }),

  issueMergeSelf: () => make('ISSUE_MERGE_SELF'),
  issueNameInvalid: (max: number) => make('ISSUE_NAME_INVALID', { max }),
  issueArticleNotMember: (message?: string) => make('ISSUE_ARTICLE_NOT_MEMBER', {}, { message }),
  issueMoveSame: () => make('ISSUE_MOVE_SAME'),

  invalidFeedUrl: (detail: string) => make('INVALID_FEED_URL', { detail }),
  invalidOpml: (detail: string) => make('INVALID_OPML', { detail }),
  /** `usage` is the command line without "sosik ", e.g. "press add --slug <slug> --name <name>". */
  missingOption: (usage: string, message?: string) => make('MISSING_OPTION', { usage }, { message }),
  invalidOption: (detail: string) => make('INVALID_OPTION', { detail }),
  lineTooLong: (limit: number) => make('LINE_TOO_LONG', { limit }),

  mailNotResendable: () => make('MAIL_NOT_RESENDABLE'),

  oidcMisconfigured: (detail: string) => make('OIDC_MISCONFIGURED', { detail }),
  oidcUnavailable: (cause?: unknown, message?: string) =>
    make('OIDC_UNAVAILABLE', {}, { cause, message, retryAfterSeconds: 60 }),
  oidcStateMismatch: () => make('OIDC_STATE_MISMATCH'),
  oidcCodeRejected: (cause?: unknown) => make('OIDC_CODE_REJECTED', {}, { cause }),
  oidcDenied: (cause?: unknown) => make('OIDC_DENIED', {}, { cause }),
  oidcFailed: (cause?: unknown, message?: string) => make('OIDC_FAILED', {}, { cause, message }),
  oidcEmailMissing: () => make('OIDC_EMAIL_MISSING', {}, { details: at('email', 'missing') }),
  oidcEmailUnverified: () =>
    make('OIDC_EMAIL_UNVERIFIED', {}, { details: at('email', 'not verified by the provider') }),

  jsonTooDeep: (max: number) =>
    make('JSON_TOO_DEEP', { max }, { details: at('', `nesting deeper than ${max} levels`) }),
  nulCharacter: (path: string) => make('NUL_CHARACTER', {}, { details: at(path, 'contains a NUL character') }),
  /** Press HTML over one of the bounds of src/html/html-bounds.ts (field path "bodies"). */
  htmlBounds: (code: 'HTML_TOO_DEEP' | 'HTML_TOO_MANY_ELEMENTS' | 'HTML_TOO_LARGE', max: number, message: string) =>
    make(code, { max }, { message, details: at('bodies', message) }),
  busy: (retryAfterSeconds = 5) => make('BUSY', {}, { retryAfterSeconds }),

  /** `limit` names the limit (day, article, replies, gap, likes-day, like-gap, reactions-day); `resets` is ISO time or "never". */
  commentLimit: (limit: string, max: number, resets: string, retryAfterSeconds?: number) =>
    make('COMMENT_LIMIT_REACHED', { limit, max, resets }, { retryAfterSeconds }),
  commentNotAllowed: (reason: string) => make('COMMENT_NOT_ALLOWED', { reason }),
  commentsClosed: (reason: string) => make('COMMENTS_CLOSED', { reason }),
  commentAppealUsed: () => make('COMMENT_APPEAL_USED'),

  internal: (cause: unknown) => make('INTERNAL', {}, { cause }),
  unavailable: (retryAfterSeconds = 5) => make('UNAVAILABLE', {}, { retryAfterSeconds }),
  streamsFull: (retryAfterSeconds: number) => make('STREAMS_FULL', {}, { retryAfterSeconds }),
};
