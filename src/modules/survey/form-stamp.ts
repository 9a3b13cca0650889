// A stamp the form page carries and posts back: proof, under a key derived
// from TOKEN_SECRET, that this page was served for this link and form, with
// the active seconds the link had recorded when it was. A submission holding a
// valid stamp is stored in one statement, without first looking the link up:
// the stamp already says the form was loaded and which form it was.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FormContext } from './survey.service.js';

const MAX_SECONDS = 10 * 86_400;

export type FormStamp = ReturnType<typeof createFormStamp>;

export function createFormStamp(secret: string) {
  const key = createHmac('sha256', secret).update('survey:form-stamp').digest();
  const macOf = (linkHash: Buffer, context: FormContext, seconds: number) =>
    createHmac('sha256', key).update(linkHash).update(`\0${context.campaign}\0${context.body}\0${context.group}\0${seconds}`).digest().subarray(0, 16);
  return {
    /** `<seconds>.<mac>` for the page of this link. */
    issue(linkHash: Buffer, context: FormContext, seconds: number): string {
      return `${seconds}.${macOf(linkHash, context, seconds).toString('base64url')}`;
    },
    /** The active seconds the stamp was issued with, or null for a stamp not issued for this link and form. */
    check(linkHash: Buffer, context: FormContext, stamp: string | undefined): { seconds: number } | null {
      const m = /^(\d{1,7})\.([A-Za-z0-9_-]{22})$/.exec(stamp ?? '');
      if (!m) return null;
      const seconds = Number(m[1]);
      if (seconds > MAX_SECONDS) return null;
      const given = Buffer.from(m[2]!, 'base64url');
      return given.length === 16 && timingSafeEqual(given, macOf(linkHash, context, seconds)) ? { seconds } : null;
    },
  };
}
