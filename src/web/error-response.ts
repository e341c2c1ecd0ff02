// Every error leaves the server in one of two shapes: our JSON `{ error: { code, message, details } }`
// under /api/, the reader's-language error page everywhere else. That includes the errors Fastify
// answers by itself (a broken %-escape, an over-long path parameter: `frameworkErrors`), the ones
// Node's HTTP parser answers before Fastify sees a request (headers or URL over the size limit,
// `clientErrorHandler`), and the 503 while shutting down.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, Errors } from '../errors.ts';
import { renderErrorPage } from './error-pages.tsx';
import { t, type Locale } from './i18n/index.ts';
import { requestLocale } from './locale.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** The catalogue text for the reader's language (`errors.<CODE>`), or undefined when there is none. */
export function localizedErrorMessage(err: AppError, locale: Locale): string | undefined {
  const key = `errors.${err.code}`;
  const text = t(locale, key, err.params);
  return text === key ? undefined : text;
}

const BY_STATUS: Record<number, () => AppError> = {
  400: Errors.badRequest,
  401: () => Errors.unauthorized(),
  403: () => Errors.forbidden(),
  404: () => Errors.notFound(),
  405: Errors.methodNotAllowed,
  408: Errors.requestTimeout,
  414: Errors.urlTooLong,
  416: Errors.rangeNotSatisfiable,
  431: Errors.headersTooLarge,
  503: () => Errors.unavailable(),
};

/**
 * Maps anything thrown in a request onto a catalogue code. Framework messages are English and
 * sometimes internal, so only the JSON parser's (which points at the broken spot) is passed on.
 */
export function toAppError(err: unknown, request: FastifyRequest, bodyLimit: number): AppError {
  if (err instanceof AppError) return err;
  const e = err as Partial<FastifyError>;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return Errors.tooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return Errors.badJson(e.message ?? 'empty body');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return Errors.unsupportedMediaType(String(request.headers['content-type'] ?? '(none)').slice(0, 100));
    case 'FST_ERR_VALIDATION':
      return Errors.validation(
        (e.validation ?? []).map((v) => ({
          path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
          message: v.message ?? 'invalid',
        })),
      );
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return Errors.badUrl();
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return Errors.urlTooLong();
    case 'FST_ERR_NOT_FOUND':
      return Errors.notFound(isApiUrl(request.url) ? 'endpoint' : 'page');
  }
  const status = e.statusCode ?? 500;
  if (status < 500 || status === 503) {
    if (status === 400 && err instanceof SyntaxError) return Errors.badJson(err.message);
    if (status === 413) return Errors.tooLarge(bodyLimit);
    return (BY_STATUS[status] ?? Errors.badRequest)();
  }
  return Errors.internal(err);
}

/** Sends an AppError in the shape the URL calls for. */
export function sendAppError(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  if (err.status >= 500) request.log.error({ err: err.cause ?? err }, 'request failed');
  reply.status(err.status);
  if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
  if (isApiUrl(request.url)) return reply.type('application/json; charset=utf-8').send(err.toJSON());
  return reply.type('text/html; charset=utf-8').send(renderAppErrorPage(request, err));
}

export function renderAppErrorPage(request: FastifyRequest, err: AppError): string {
  const localized = localizedErrorMessage(err, requestLocale(request));
  return renderErrorPage(request, err.status, localized ?? err.message, { messageLocalized: localized !== undefined });
}

/**
 * Wires the three places errors come from into one mapping. Fastify options that must be passed at
 * construction (frameworkErrors, clientErrorHandler, return503OnClosing) come from
 * `errorServerOptions`; this registers the rest on the built instance.
 */
export function registerErrorResponses(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err, request, reply) => sendAppError(request, reply, toAppError(err, request, bodyLimit)));
  // Fastify's own 503-on-close writes its raw JSON; ours answers in our shapes with Retry-After.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw Errors.unavailable();
  });
}

export function errorServerOptions(bodyLimit: number) {
  return {
    return503OnClosing: false,
    frameworkErrors: (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      sendAppError(request, reply, toAppError(err, request, bodyLimit));
    },
    clientErrorHandler,
  };
}

/** What a raw packet says about the request Node refused: its URL and the headers that fit. */
function describeRawRequest(raw: Buffer | undefined): {
  url: string;
  requestLineComplete: boolean;
  headers: Record<string, string>;
} {
  const text = raw ? raw.subarray(0, 64 * 1024).toString('latin1') : '';
  const lineEnd = text.indexOf('\r\n');
  const requestLine = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const url = requestLine.split(' ')[1] ?? '/';
  const headers: Record<string, string> = {};
  if (lineEnd !== -1) {
    for (const line of text.slice(lineEnd + 2).split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      // Only what picks the page's language; the rest of a refused request is not trusted further.
      if (colon > 0 && (name === 'accept-language' || name === 'cookie')) headers[name] = line.slice(colon + 1).trim();
    }
  }
  return { url: url.startsWith('/') ? url : '/', requestLineComplete: lineEnd !== -1, headers };
}

/**
 * Node's HTTP parser refuses a request before Fastify has one: headers over `maxHeaderSize`
 * (a very long search URL counts), a malformed request line, a client too slow to send headers.
 * Answered like any other error: JSON under /api/, else the error page (in Korean unless the
 * surviving headers ask for English).
 */
export function clientErrorHandler(
  this: FastifyInstance,
  err: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  // Node passes the bytes it was parsing as a Buffer (Fastify's types say otherwise).
  const raw = describeRawRequest(Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined);
  let appErr: AppError;
  if (err.code === 'HPE_HEADER_OVERFLOW')
    appErr = raw.requestLineComplete ? Errors.headersTooLarge() : Errors.urlTooLong();
  else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') appErr = Errors.requestTimeout();
  else appErr = Errors.badRequest();
  this.log.debug({ err, code: appErr.code }, 'client error');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // The path says where the reader was; the (over-long) query is not echoed back.
  const url = (raw.url.split('?')[0] ?? '/').slice(0, 512);
  const api = isApiUrl(url);
  const fakeRequest = { url, headers: raw.headers, query: {} } as unknown as FastifyRequest;
  const body = api ? JSON.stringify(appErr.toJSON()) : renderAppErrorPage(fakeRequest, appErr);
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
  };
  const head = [
    `HTTP/1.1 ${appErr.status} ${http.STATUS_CODES[appErr.status]}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
