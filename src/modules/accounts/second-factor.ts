// The second factor: a TOTP code (RFC 6238, 6 digits, 30-second steps) from an
// authenticator app, or one of ten single-use recovery codes. A code is taken
// only for a step later than the last one accepted, so a code seen over a
// shoulder cannot be replayed. Recovery codes are random and kept as hashes.
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Khảo sát CCHC';
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newTotpSecret(random: (n: number) => Buffer = randomBytes): string {
  return new Secret({ buffer: new Uint8Array(random(20)).buffer }).base32;
}

const totpOf = (secret: string, username: string) =>
  new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** The otpauth:// URI an authenticator app reads (as a QR code or typed in). */
export const totpUri = (secret: string, username: string) => totpOf(secret, username).toString();

/** The code an app shows at `at`; used by tests and the enrolment check. */
export const totpCode = (secret: string, at: number) => totpOf(secret, '').generate({ timestamp: at });

/** The step a code belongs to (±1 step for clock drift), or null; never a step at or before `lastStep`. */
export function acceptTotp(secret: string, code: string, at: number, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret, '').validate({ token, timestamp: at, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());

export function newRecoveryCodes(count = 10, random: (n: number) => Buffer = randomBytes): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...random(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes carry about 49 bits and tries are limited, so a plain SHA-256 suffices. */
export const recoveryCodeHash = (code: string) =>
  createHash('sha256').update(code.trim().toLowerCase().replace(/-/g, '')).digest('hex');
