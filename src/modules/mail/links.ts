// A respondent's link carries a token derived from the invitation: HMAC of its
// id and version under TOKEN_SECRET, 256 bits, URL-safe. The database keeps only
// the token's SHA-256, so a leaked database reveals no link, while a resend can
// rebuild the same link. Raising the version (a changed address) kills the old one.
import { createHash, createHmac } from 'node:crypto';

export function linkToken(secret: string, invitationId: string, version: number): string {
  return createHmac('sha256', secret).update(`invitation:${invitationId}:${version}`).digest('base64url');
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Tokens are exactly 43 URL-safe characters; anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function surveyUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/s/${token}`;
}
