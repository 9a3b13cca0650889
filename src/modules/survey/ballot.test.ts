import { describe, expect, it } from 'vitest';
import { requestForLog } from '../../app.js';
import { createBallotSealer, type Ballot } from './ballot.js';
import { shuffled } from './mixer.js';

const ballot: Ballot = {
  invitationId: '00000000-0000-4000-8000-000000000001',
  formCode: 'phieu-hdnd',
  answers: { '22': { q1: 'A' } },
  secondsSpent: 300,
  ipHash: 'ip',
  netHash: 'net',
  uaHash: 'ua',
  deviceKey: null,
  jsEnabled: true,
  formLoaded: true,
};

describe('the sealed ballot', () => {
  it('opens only under the same secret, shows nothing in clear and refuses a tampered box row', () => {
    const sealer = createBallotSealer('s'.repeat(40));
    const sealed = sealer.seal(ballot);
    expect(sealer.open(sealed)).toEqual(ballot);
    expect(sealed.toString('latin1')).not.toContain('phieu-hdnd');
    expect(sealer.seal(ballot).equals(sealed)).toBe(false);
    expect(() => createBallotSealer('x'.repeat(40)).open(sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => sealer.open(tampered)).toThrow();
  });

  it('shuffles without losing or repeating anything', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffled(items);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('request lines', () => {
  it('keep a survey path without its token and without the client address', () => {
    expect(requestForLog({ method: 'POST', url: '/s/abcDEF_123-x?luu=1', ip: '203.0.113.5' })).toEqual({ method: 'POST', url: '/s/:token?luu=1' });
    expect(requestForLog({ method: 'GET', url: '/s/abc/report', ip: '203.0.113.5' })).toEqual({ method: 'GET', url: '/s/:token/report' });
    expect(requestForLog({ method: 'GET', url: '/api/v1/campaigns', ip: '203.0.113.5' })).toEqual({ method: 'GET', url: '/api/v1/campaigns', remoteAddress: '203.0.113.5' });
  });
});
