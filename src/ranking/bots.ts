// Which view beacons are not a person reading. The beacon (static/ranking-view.js) runs only in
// a page a browser displays, so crawlers that fetch HTML never send one; these rules drop the rest:
// - a user agent that names itself a bot, crawler, preview fetcher, headless browser or HTTP
//   library, or sends none at all;
// - anything but POST (HEAD and GET never count: the page itself is never counted, only its beacon);
// - prefetch and prerender (`Sec-Purpose`/`Purpose`/`X-Purpose`/`X-Moz` headers): a page fetched
//   ahead was not read; the script waits for a prerendered page to be shown;
// - no cookie: the script sets `sosik_vc=1` before it sends, so a client that keeps no cookies
//   (a replayed request, most scripts) is not counted;
// - another site's request (`Sec-Fetch-Site: cross-site`), so no page elsewhere can inflate counts.
import type { FastifyRequest } from 'fastify';

/** Set by the beacon script; carries nothing about the visitor. */
export const VIEW_COOKIE = 'sosik_vc';

const BOT_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|scrape|headless|phantomjs|lighthouse|pingdom|monitor|curl\/|wget|python-|httpx|aiohttp|go-http-client|okhttp|java\/|libwww|node-fetch|axios|undici/i;

/** Every rule, in the order they are checked (/about/ranking lists them from here). */
export const NOT_COUNTED = ['method', 'bot', 'prefetch', 'cross-site', 'no-cookie'] as const;
export type NotCounted = (typeof NOT_COUNTED)[number];

/** Why this beacon is not a reader's view, or undefined when it counts. */
export function notCountedBecause(request: FastifyRequest): NotCounted | undefined {
  if (request.method !== 'POST') return 'method';
  const agent = request.headers['user-agent'];
  if (!agent || BOT_AGENT.test(agent)) return 'bot';
  const purpose = `${request.headers['sec-purpose'] ?? ''} ${request.headers.purpose ?? ''} ${request.headers['x-purpose'] ?? ''} ${request.headers['x-moz'] ?? ''}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return 'prefetch';
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'cross-site';
  if (request.cookies?.[VIEW_COOKIE] !== '1') return 'no-cookie';
  return undefined;
}
