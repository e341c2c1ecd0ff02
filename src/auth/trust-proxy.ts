// Which proxies' X-Forwarded-For / -Proto / -Host we believe (SOSIK_TRUST_PROXY). Trusting every
// hop (Fastify's `true`) lets any client name its own address and walk past per-IP limits, so
// the option names the proxies instead and the client is the right-most address not among them:
//   ""/0/false/no/off    nothing is trusted: the socket address is the client
//   1/true/yes/on        one hop: the load balancer in front of us (the common set-up)
//   2, 3, …              that many hops (e.g. a CDN in front of a load balancer)
//   10.0.0.0/8,127.0.0.1 these addresses/CIDRs (ipaddr.js syntax; loopback, linklocal and
//                        uniquelocal are accepted names too)
import ipaddr from 'ipaddr.js';

export type TrustProxySetting = false | number | string;

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 16;

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  if (entry.includes('/')) {
    try {
      ipaddr.parseCIDR(entry);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(entry);
}

/** Parses the option; throws with a message naming the bad entry. */
export function parseTrustProxy(raw: string | boolean | number): TrustProxySetting {
  if (raw === false || raw === 0) return false;
  if (raw === true) return 1;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0 || raw > MAX_HOPS)
      throw new Error(`SOSIK_TRUST_PROXY hop count must be 0…${MAX_HOPS}`);
    return raw;
  }
  const value = raw.trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return 1;
  if (/^\d+$/.test(value)) return parseTrustProxy(Number(value));
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !validEntry(e));
  if (bad !== undefined || entries.length === 0) {
    throw new Error(
      `SOSIK_TRUST_PROXY must be a hop count or addresses/CIDRs, comma-separated; "${bad ?? raw}" is neither`,
    );
  }
  return entries.join(',');
}

/**
 * The value for Fastify's `trustProxy`. A hop count becomes a trust function of our own: this
 * Fastify refuses to trust anything for a bare number (it cannot check the immediate peer), so
 * "1" means: the socket peer is our load balancer, and the address it appended is the client.
 * Listing the proxies' addresses is stricter and preferred where they are known.
 */
export function fastifyTrustProxy(
  raw: string | boolean | number,
): false | string | ((address: string, hop: number) => boolean) {
  const setting = parseTrustProxy(raw);
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
