import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { createSignalHasher, networkOf } from './signals.js';

describe('integrity signals', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['not-an-ip', 'not-an-ip'],
  ])('puts %s in the network %s', (ip, net) => expect(networkOf(ip)).toBe(net));

  it('puts every IPv4 address in the same network as the address parser does, leading zeros included', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.stringMatching(/^0[0-7]{1,2}$/), fc.constantFrom('256', '999', '00'));
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (parts) => {
        const ip = parts.join('.');
        let expected = ip;
        try {
          expected = `${(ipaddr.parse(ip) as ipaddr.IPv4).toByteArray().slice(0, 3).join('.')}.0/24`;
        } catch {}
        expect(networkOf(ip)).toBe(expected);
      }),
    );
  });

  it('hashes with a key per campaign, so the same address gives the same hash only in the same campaign', () => {
    const a = createSignalHasher('a'.repeat(40));
    const b = createSignalHasher('b'.repeat(40));
    const one = a.forResponse('c1', '203.0.113.5', 'UA', 'cookie-1');
    expect(a.forResponse('c1', '203.0.113.5', 'UA', 'cookie-1')).toEqual(one);
    expect(a.forResponse('c1', '203.0.113.6', 'UA', 'cookie-1').netHash).toBe(one.netHash);
    expect(a.forResponse('c1', '203.0.113.6', 'UA', 'cookie-1').ipHash).not.toBe(one.ipHash);
    expect(a.forResponse('c1', '203.0.113.5', 'UA', 'cookie-2').deviceKey).not.toBe(one.deviceKey);
    expect(a.forResponse('c2', '203.0.113.5', 'UA', 'cookie-1').ipHash).not.toBe(one.ipHash);
    expect(a.forResponse('c2', '203.0.113.5', 'UA', 'cookie-1').deviceKey).not.toBe(one.deviceKey);
    expect(b.forResponse('c1', '203.0.113.5', 'UA', 'cookie-1').ipHash).not.toBe(one.ipHash);
    expect(a.forResponse('c1', '203.0.113.5', 'UA', undefined).deviceKey).toBeNull();
    expect(JSON.stringify(one)).not.toContain('203.0.113');
  });

  it('keys devices per link, so device keys cannot be matched across links', () => {
    const h = createSignalHasher('a'.repeat(40));
    const [l1, l2] = [Buffer.from('link-1'), Buffer.from('link-2')];
    expect(h.deviceKey(l1, '203.0.113.5', 'UA').equals(h.deviceKey(l1, '203.0.113.9', 'UA'))).toBe(true);
    expect(h.deviceKey(l1, '203.0.113.5', 'UA').equals(h.deviceKey(l2, '203.0.113.5', 'UA'))).toBe(false);
  });
});
