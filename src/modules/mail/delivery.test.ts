import { describe, expect, it } from 'vitest';
import { backoffSeconds, classifyFailure, createPacer, isConnectionFailure } from './delivery.js';
import { escapeHtml, fill, oneLine, split } from './mail-template.js';

const opts = { baseSeconds: 60, maxAttempts: 5, random: () => 0.5 };

describe('classifyFailure', () => {
  it.each([
    [{ responseCode: 451, message: '451 greylisted' }, 1, 'retry'],
    [{ responseCode: 421, message: '421 busy' }, 4, 'retry'],
    [{ responseCode: 550, message: '550 no such user' }, 1, 'bounced'],
    [{ responseCode: 553, message: '553 bad address' }, 9, 'bounced'],
    [{ code: 'ECONNECTION', message: 'refused' }, 1, 'retry'],
    [{ responseCode: 451, message: '451 later' }, 5, 'failed'],
  ])('treats %o at attempt %i as %s', (failure, attempt, kind) => {
    expect(classifyFailure(failure, attempt, opts).kind).toBe(kind);
  });

  it('keeps the reply text on one line', () => {
    expect(classifyFailure({ responseCode: 550, message: 'x', response: '550 5.1.1\r\n  unknown' }, 1, opts).reply).toBe('550 5.1.1 unknown');
  });

  it('tells an unreachable server from a refused recipient', () => {
    expect(isConnectionFailure({ code: 'ECONNECTION', message: 'x' })).toBe(true);
    expect(isConnectionFailure({ code: 'EENVELOPE', responseCode: 550, message: 'x' })).toBe(false);
  });
});

describe('backoffSeconds', () => {
  it('doubles with each attempt, within a quarter either way', () => {
    expect(backoffSeconds(1, 60, () => 0.5)).toBe(60);
    expect(backoffSeconds(3, 60, () => 0.5)).toBe(240);
    expect(backoffSeconds(3, 60, () => 0)).toBe(180);
    expect(backoffSeconds(3, 60, () => 1)).toBe(300);
  });
});

describe('createPacer', () => {
  it('spaces sends at the configured rate and allows no burst after idling', () => {
    let t = 0;
    const pacer = createPacer(10, () => t);
    expect([pacer.take(), pacer.take(), pacer.take()]).toEqual([0, 100, 200]);
    t = 10_000;
    expect([pacer.take(), pacer.take()]).toEqual([0, 100]);
  });
});

describe('mail templates', () => {
  it('fills placeholders with escaped values and bakes constants in once', () => {
    const c = split('<p>{{fullName}} – {{campaignName}} <a href="{{link}}">x</a></p>', { campaignName: 'PAR 2023' });
    expect(c.keys).toEqual(['fullName', 'link']);
    const values = { fullName: '<script>"A"</script>', bodyName: '', groupName: '', link: 'http://x/s/t?a=1&b=2', itContact: '' };
    expect(fill(c, values, escapeHtml)).toBe('<p>&lt;script&gt;&quot;A&quot;&lt;/script&gt; – PAR 2023 <a href="http://x/s/t?a=1&amp;b=2">x</a></p>');
  });

  it('folds CR and LF out of values meant for headers', () => {
    expect(oneLine('Nguyễn A\r\nBcc: x@y.vn')).toBe('Nguyễn A Bcc: x@y.vn');
  });
});
