import { describe, expect, it } from 'vitest';
import { generatePassword, planBodyAccounts } from './body-accounts.js';

describe('body accounts for a campaign', () => {
  const bodies = [
    { code: '01', name: 'Thành phố Hà Nội' },
    { code: '22', name: 'Tỉnh Quảng Ninh' },
    { code: 'BNV', name: 'Bộ Nội vụ' },
  ];

  it('plans one account per body that has none, named after its code', () => {
    const plan = planBodyAccounts(bodies, [{ username: 'hanoi', role: 'body', bodyCode: '01' }]);
    expect(plan).toEqual([
      { bodyCode: '22', bodyName: 'Tỉnh Quảng Ninh', username: 'donvi-22' },
      { bodyCode: 'BNV', bodyName: 'Bộ Nội vụ', username: 'donvi-bnv' },
    ]);
  });

  it('picks another name when the usual one is taken by someone else', () => {
    const plan = planBodyAccounts(bodies.slice(1, 2), [{ username: 'donvi-22', role: 'scoring', bodyCode: null }]);
    expect(plan[0]!.username).toBe('donvi-22-2');
  });

  it('generates distinct, long passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  });
});
