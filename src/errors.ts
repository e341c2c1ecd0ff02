// One error type for everything a client can get wrong: a stable code, an HTTP status,
// a message a person can act on, and (for schema violations) the failing field paths.

export interface FieldIssue {
  /** JSON-pointer-like path of the failing field, e.g. "associations.featureimage.renditions". */
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: FieldIssue[],
    options?: ErrorOptions & { retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** For 429 and 503: sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  toJSON(): { error: { code: string; message: string; details?: FieldIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

// The catalogue of stable codes. Adding one is fine; renaming one breaks clients.
export const Errors = {
  unauthorized: (msg = 'A valid API key is required (Authorization: Bearer <key>).') =>
    new AppError('UNAUTHORIZED', 401, msg),
  forbidden: (msg = 'You may not do this.') => new AppError('FORBIDDEN', 403, msg),
  notFound: (what = 'resource') => new AppError('NOT_FOUND', 404, `No such ${what}.`),
  gone: (what = 'resource') => new AppError('GONE', 410, `This ${what} has been withdrawn.`),
  badJson: (msg: string) => new AppError('MALFORMED_JSON', 400, `The body is not valid JSON: ${msg}`),
  validation: (details: FieldIssue[], msg = 'The request does not match the schema.') =>
    new AppError('VALIDATION_FAILED', 422, msg, details),
  unsupportedType: (type: string) =>
    new AppError(
      'UNSUPPORTED_ITEM_TYPE',
      422,
      `ninjs items of type "${type}" are not articles; send type "text" or "composite".`,
      [{ path: 'type', message: `"${type}" is not accepted` }],
    ),
  tooLarge: (limit: number) => new AppError('BODY_TOO_LARGE', 413, `The body exceeds ${limit} bytes.`),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('RATE_LIMITED', 429, `Too many requests; retry in ${retryAfterSeconds} s.`, undefined, { retryAfterSeconds }),
  csrf: () => new AppError('CSRF_REJECTED', 403, 'The form expired or did not come from this site. Reload and try again.'),
};
