// One form for the ways people write Vietnamese phone numbers and addresses, so
// the same person is recognised however a spreadsheet typed them. Phones become
// +84 followed by 9 digits (mobiles) or 10 digits (landlines, area code 2xx).
import { z } from 'zod';

const SEPARATORS = /[\s.\-()/\u00a0]/g;

/** `0912 345 678`, `0912.345.678`, `84912345678`, `+84 912 345 678`, `912345678` → `+84912345678`. */
export function normalisePhone(input: string): string | null {
  let digits = input.normalize('NFKC').trim().replace(SEPARATORS, '');
  if (digits === '') return null;
  if (digits.startsWith('+84')) digits = digits.slice(3);
  else if (digits.startsWith('0084')) digits = digits.slice(4);
  else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  const mobile = digits.length === 9 && /^[35789]/.test(digits);
  const landline = digits.length === 10 && digits.startsWith('2');
  return mobile || landline ? `+84${digits}` : null;
}

// The same pattern z.email() checks, tested directly: an import checks 100,000 addresses.
const EMAIL = z.regexes.email;

/** Trimmed, lower-cased, without a `mailto:` or angle brackets; null when not an address. */
export function normaliseEmail(input: string): string | null {
  let email = input.normalize('NFC').trim().toLowerCase();
  email = email.replace(/^mailto:/, '').replace(/^<(.*)>$/, '$1').trim();
  return EMAIL.test(email) ? email : null;
}

/** Whether the address is in one of the official domains (a suffix match on whole labels). */
export function isOfficialAddress(email: string, officialDomains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return officialDomains.some((d) => {
    const suffix = d.toLowerCase().replace(/^[.@]+/, '');
    return domain === suffix || domain.endsWith(`.${suffix}`);
  });
}
