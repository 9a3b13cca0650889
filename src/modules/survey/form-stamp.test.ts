import { describe, expect, it } from 'vitest';
import { createFormStamp } from './form-stamp.js';

const link = Buffer.alloc(32, 7);
const context = { campaign: '2026', body: '22', group: 'hdnd' };

describe('the form stamp', () => {
  const stamp = createFormStamp('a secret long enough for the test');

  it('gives back the seconds it was issued with, for the same link and form', () => {
    expect(stamp.check(link, context, stamp.issue(link, context, 125))).toEqual({ seconds: 125 });
  });

  it('refuses another link, another form, altered seconds, another secret and garbage', () => {
    const issued = stamp.issue(link, context, 125);
    expect(stamp.check(Buffer.alloc(32, 8), context, issued)).toBeNull();
    expect(stamp.check(link, { ...context, group: 'lanh_dao_so' }, issued)).toBeNull();
    expect(stamp.check(link, { ...context, body: '01' }, issued)).toBeNull();
    expect(stamp.check(link, context, issued.replace(/^125/, '126'))).toBeNull();
    expect(createFormStamp('another secret, just as long').check(link, context, issued)).toBeNull();
    for (const bad of [undefined, '', '125', '125.', '.abc', 'x'.repeat(64), `99999999.${issued.split('.')[1]}`]) expect(stamp.check(link, context, bad)).toBeNull();
  });
});
