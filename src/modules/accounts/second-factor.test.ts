import { describe, expect, it } from 'vitest';
import { acceptTotp, looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash, totpCode, totpUri } from './second-factor.js';

// RFC 6238 appendix B's SHA-1 key ("12345678901234567890") in base32.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = 59_000;

describe('TOTP', () => {
  it('matches the RFC 6238 test vector', () => {
    expect(totpCode(SECRET, T)).toBe('287082');
  });

  it.each([
    ['the current step', 0, null, true],
    ['one step of drift either way', 30_000, null, true],
    ['two steps away', 60_000, null, false],
    ['a step already taken', 0, 1, false],
  ])('accepts a code from %s: %s', (_label, shift, lastStep, ok) => {
    expect(acceptTotp(SECRET, totpCode(SECRET, T + shift), T, lastStep) !== null).toBe(ok);
  });

  it('ignores spaces in a typed code and refuses anything but six digits', () => {
    const code = totpCode(SECRET, T);
    expect(acceptTotp(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, T, null)).toBe(1);
    expect(acceptTotp(SECRET, 'abcdef', T, null)).toBeNull();
  });

  it('builds an otpauth URI an app can read', () => {
    expect(totpUri(SECRET, 'moha')).toMatch(/^otpauth:\/\/totp\/.*moha\?.*secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes that hash the same however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(looksLikeRecoveryCode(c)).toBe(true);
    expect(recoveryCodeHash(codes[0]!.toUpperCase().replace('-', ''))).toBe(recoveryCodeHash(codes[0]!));
  });
});
