// Which language a reader gets: ?lang=ko|en (remembered in a cookie), else the `lang` cookie,
// else Accept-Language, else Korean.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n/index.ts';

const LANG_COOKIE = 'lang';
const ONE_YEAR_S = 365 * 24 * 3600;
const resolved = new WeakMap<FastifyRequest, Locale>();

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Best match from an Accept-Language header ("en-US,en;q=0.9,ko;q=0.8"), honouring q-values. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  let best: { locale: Locale; q: number } | undefined;
  for (const entry of header.split(',')) {
    const [tag, ...params] = entry.trim().split(';');
    const primary = tag?.trim().toLowerCase().split('-')[0];
    if (!isLocale(primary)) continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale: primary, q };
  }
  return best?.locale;
}

function queryLang(request: FastifyRequest): string | undefined {
  const q = request.query as Record<string, unknown> | undefined;
  const v = q?.lang;
  return typeof v === 'string' ? v : undefined;
}

/** The reader's locale for this request (computed once per request). */
export function requestLocale(request: FastifyRequest): Locale {
  const cached = resolved.get(request);
  if (cached) return cached;
  const fromQuery = queryLang(request);
  const fromCookie = cookieValue(request.headers.cookie, LANG_COOKIE);
  const locale = isLocale(fromQuery)
    ? fromQuery
    : isLocale(fromCookie)
      ? fromCookie
      : (localeFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE);
  resolved.set(request, locale);
  return locale;
}

/**
 * The locale for a page response; an explicit ?lang= choice is remembered so the reader's next
 * click keeps their language. Pages vary by these headers, which caches must know.
 */
export function pageLocale(request: FastifyRequest, reply: FastifyReply): Locale {
  const locale = requestLocale(request);
  const fromQuery = queryLang(request);
  if (isLocale(fromQuery) && cookieValue(request.headers.cookie, LANG_COOKIE) !== fromQuery) {
    reply.header('set-cookie', `${LANG_COOKIE}=${fromQuery}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`);
  }
  reply.header('vary', 'Accept-Language, Cookie');
  return locale;
}
