import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:0a00:0001::1',
    '0:0:0:0:0:ffff:192.168.0.1',
    'not-an-ip',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  // Security issue item 8: all of these were classed public by the hand-written list.
  it.each([
    '::ffff:0:127.0.0.1', // SIIT (RFC 6145) carrying loopback
    '::ffff:0:7f00:1',
    '::ffff:0:a00:1', // SIIT carrying 10.0.0.1
    '64:ff9b:1::a00:1', // NAT64 local-use prefix (RFC 8215)
    '64:ff9b:1::808:808', // local-use NAT64 is an operator's internal translator, whatever it carries
    '2001::1', // Teredo
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo (client 192.0.2.45)
    '2001:db8::1', // documentation
    '2001:2::1', // benchmarking
    '3fff::1', // documentation (RFC 9637)
    '5f00::1', // segment routing
    '4000::1', // outside the global unicast 2000::/3
    '127.1', // legacy IPv4 forms are not addresses DNS gives us
    '192.0.2.1',
    '198.18.0.1',
    '192.88.99.1',
  ])('refuses the special-purpose address %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2002:0808:0808::1',
    '64:ff9b::808:808',
    '::ffff:0:808:808',
  ])('allows %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});
