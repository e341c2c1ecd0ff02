// The "source" a per-client limit counts against. An IPv4 address is one source; an IPv6 client
// is given a whole /64 by its provider and can rotate through it at will, so a /64 is one source.
import ipaddr from 'ipaddr.js';

export function clientSource(ip: string): string {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(ip);
  } catch {
    return ip;
  }
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
