// The SHA-256 of everything a score depends on: the scoring plan, the bodies
// and whether they are voided, the invitation counts, and every response (in
// id order) with its answers in canonical JSON. Sealing records this digest;
// verifying recomputes it, so any later change to the inputs is detected.
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { planFingerprint, type ScoringPlan } from './scheme.js';

export type DigestResponse = { id: string; bodyCode: string; groupCode: string; formCode: string; voided: boolean; answers: unknown };

export type InputDigest = {
  /** Feed responses in ascending id order. */
  add(response: DigestResponse): void;
  finish(): string;
};

export function createInputDigest(
  campaignId: string,
  plan: ScoringPlan,
  bodies: readonly { code: string; voided: boolean }[],
  invited: readonly { bodyCode: string; groupCode: string; invited: number }[],
): InputDigest {
  const hash = createHash('sha256');
  hash.update(`par-survey scores v1\n${stringify([campaignId, planFingerprint(plan)])}\n`);
  const sortedBodies = [...bodies].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  hash.update(`bodies ${stringify(sortedBodies.map((b) => [b.code, b.voided]))}\n`);
  const sortedInvited = [...invited].sort((a, b) => (a.bodyCode + '\u0000' + a.groupCode < b.bodyCode + '\u0000' + b.groupCode ? -1 : 1));
  hash.update(`invited ${stringify(sortedInvited.map((i) => [i.bodyCode, i.groupCode, i.invited]))}\n`);
  let count = 0;
  let lastId = '';
  return {
    add(r) {
      if (r.id <= lastId) throw new Error('responses must be digested in ascending id order');
      lastId = r.id;
      count += 1;
      hash.update(`${r.id}\t${r.bodyCode}\t${r.groupCode}\t${r.formCode}\t${r.voided ? 1 : 0}\t${stringify(r.answers)}\n`);
    },
    finish() {
      hash.update(`responses ${count}\n`);
      return hash.digest('hex');
    },
  };
}
