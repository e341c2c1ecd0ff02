// A comma-separated list of addresses and CIDRs ("127.0.0.1/32,::1/128,10.0.0.0/8") and the
// question "is this client among them", for endpoints open to a network rather than to a login.
import ipaddr from 'ipaddr.js';

export type CidrList = ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

/** Parses the list; throws naming the bad entry. A bare address is its own /32 or /128; "none" is empty. */
export function parseCidrList(raw: string): CidrList {
  if (raw.trim().toLowerCase() === 'none') return [];
  const out: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    try {
      if (entry.includes('/')) out.push(ipaddr.parseCIDR(entry));
      else {
        const address = ipaddr.parse(entry);
        out.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      throw new Error(`"${entry}" is not an address or CIDR`);
    }
  }
  return out;
}

/** Whether an address (IPv4-mapped IPv6 counts as IPv4) falls in one of the ranges. */
export function inCidrList(list: CidrList, address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return list.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}
