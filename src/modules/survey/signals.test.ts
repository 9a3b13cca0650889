import { describe, expect, it } from 'vitest';
import { createSignalHasher, networkOf } from './signals.js';

describe('integrity signals', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['not-an-ip', 'not-an-ip'],
  ])('puts %s in the network %s', (ip, net) => expect(networkOf(ip)).toBe(net));

  it('hashes with the secret, so the same address gives the same hash only under the same key', () => {
    const a = createSignalHasher('a'.repeat(40));
    const b = createSignalHasher('b'.repeat(40));
    const one = a.forResponse('203.0.113.5', 'UA');
    expect(a.forResponse('203.0.113.5', 'UA')).toEqual(one);
    expect(a.forResponse('203.0.113.6', 'UA').netHash).toBe(one.netHash);
    expect(a.forResponse('203.0.113.6', 'UA').ipHash).not.toBe(one.ipHash);
    expect(b.forResponse('203.0.113.5', 'UA').ipHash).not.toBe(one.ipHash);
    expect(JSON.stringify(one)).not.toContain('203.0.113');
  });

  it('keys devices per link, so device keys cannot be matched across links', () => {
    const h = createSignalHasher('a'.repeat(40));
    const [l1, l2] = [Buffer.from('link-1'), Buffer.from('link-2')];
    expect(h.deviceKey(l1, '203.0.113.5', 'UA').equals(h.deviceKey(l1, '203.0.113.9', 'UA'))).toBe(true);
    expect(h.deviceKey(l1, '203.0.113.5', 'UA').equals(h.deviceKey(l2, '203.0.113.5', 'UA'))).toBe(false);
  });
});
