// The chain alone cannot show that its last entries were removed, or that an
// entry was edited and every hash after it recomputed. Its head is therefore
// signed with a key the database does not hold (derived from TOKEN_SECRET):
// the signature is stored beside the chain at every entry, and the operator can
// print it and keep it elsewhere. Without the key, no one can sign a new head.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Checkpoint = { seq: number; hash: string; signature: string };

const PREFIX = 'par-audit-v1';

export const checkpointKey = (secret: string) => createHmac('sha256', secret).update('audit-checkpoint').digest();

const macOf = (key: Buffer, seq: number, hash: string) => createHmac('sha256', key).update(`${PREFIX}|${seq}|${hash}`).digest('hex');

export const signCheckpoint = (key: Buffer, seq: number, hash: string): Checkpoint => ({ seq, hash, signature: macOf(key, seq, hash) });

export function checkpointSigned(key: Buffer, c: Checkpoint): boolean {
  const expected = Buffer.from(macOf(key, c.seq, c.hash));
  const given = Buffer.from(c.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One line an operator can copy into a ticket or a notebook. */
export const formatCheckpoint = (c: Checkpoint) => `${PREFIX}:${c.seq}:${c.hash}:${c.signature}`;

export function parseCheckpoint(text: string): Checkpoint | null {
  const m = text.trim().match(/^par-audit-v1:(\d{1,15}):([0-9a-f]{64}):([0-9a-f]{64})$/);
  return m ? { seq: Number(m[1]), hash: m[2]!, signature: m[3]! } : null;
}

export type CheckpointProblem = 'checkpoint_missing' | 'checkpoint_forged' | 'truncated_or_rewritten' | 'unsigned_entries';

/**
 * Compares a signed checkpoint with an intact chain. `hashAt` gives the
 * chain's hash at a sequence number (undefined when no such entry). The stored
 * checkpoint must name the chain's very head; a kept one, any entry of it.
 */
export function checkpointProblem(
  key: Buffer,
  checkpoint: Checkpoint | null,
  chain: { entries: number; headSeq: number | null; head: string },
  hashAt: string | undefined,
  mustBeHead: boolean,
): CheckpointProblem | null {
  if (!checkpoint) return chain.entries === 0 ? null : 'checkpoint_missing';
  if (!checkpointSigned(key, checkpoint)) return 'checkpoint_forged';
  if (hashAt !== checkpoint.hash) return 'truncated_or_rewritten';
  if (mustBeHead && chain.headSeq !== checkpoint.seq) return 'unsigned_entries';
  return null;
}
