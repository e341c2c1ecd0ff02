// Which IP addresses an outbound feed request may connect to: only public unicast ones.
// Checked on the address actually resolved (not the host name), for every hop of a redirect chain,
// so DNS tricks and redirects to internal services are refused alike.
//
// The special ranges come from ipaddr.js (`range()`, kept up to date with the IANA special-purpose
// registries) rather than a list of our own; a hand-written list missed ::ffff:0:0/96, NAT64
// local-use and Teredo. Only what ipaddr.js calls "unicast" passes, and transition addresses that
// carry an IPv4 address (mapped, SIIT, NAT64 well-known prefix, 6to4) are judged by that address.
import net from 'node:net';
import ipaddr from 'ipaddr.js';

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

function isPublicV4(ip: ipaddr.IPv4): boolean {
  return ip.range() === 'unicast';
}

/** The IPv4 address held in the low 32 bits of an IPv6 address. */
function low32(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const p = ip.parts;
  return new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
}

function isPublicV6(ip: ipaddr.IPv6): boolean {
  const p = ip.parts;
  switch (ip.range()) {
    case 'unicast':
      // Outside 2000::/3 nothing is allocated, including the deprecated IPv4-compatible ::a.b.c.d.
      return ip.match(GLOBAL_UNICAST_V6);
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d (SIIT)
      return isPublicV4(low32(ip));
    case 'rfc6052':
      // 64:ff9b::/96 translates to the public IPv4 it carries; 64:ff9b:1::/48 is local-use NAT64
      // (RFC 8215), an operator's internal translator, so it is never a feed's address.
      return p[2] === 0 && p.slice(3, 6).every((g) => g === 0) && isPublicV4(low32(ip));
    case '6to4': // 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
      return isPublicV4(new ipaddr.IPv4([p[1]! >> 8, p[1]! & 0xff, p[2]! >> 8, p[2]! & 0xff]));
    default:
      // Teredo (its relay decides where packets go), documentation, benchmarking, ORCHID, AMT,
      // AS112, segment routing, loopback, link-local, unique-local, multicast, unspecified.
      return false;
  }
}

/** True when the address is a public unicast address a feed may live on. */
export function isPublicAddress(address: string): boolean {
  const text = address.split('%')[0]!; // a zone id only ever names a link-local interface
  // net's strict syntax first: ipaddr.js also accepts legacy IPv4 forms such as "127.1" or "0x7f.1".
  if (net.isIPv4(text)) return isPublicV4(ipaddr.IPv4.parse(text));
  if (!net.isIPv6(text)) return false;
  return isPublicV6(ipaddr.IPv6.parse(text));
}
