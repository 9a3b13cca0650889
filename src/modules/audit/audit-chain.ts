// Each audit entry's hash covers its content and the previous entry's hash, so
// editing or removing an entry breaks every hash after it. Details are hashed
// in canonical JSON (sorted keys) so the stored jsonb re-hashes identically.
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditContent = {
  at: Date;
  actor: string;
  action: string;
  campaignId: string | null;
  bodyCode: string | null;
  details: unknown;
};

export type AuditEntry = AuditContent & { seq: number; prevHash: string; hash: string };

export function auditHash(prevHash: string, entry: AuditContent): string {
  const canonical = stringify([
    prevHash,
    entry.at.toISOString(),
    entry.actor,
    entry.action,
    entry.campaignId,
    entry.bodyCode,
    entry.details ?? null,
  ]);
  return createHash('sha256').update(canonical!).digest('hex');
}

export type ChainCheck =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; seq: number; reason: 'edited' | 'removed_or_reordered' };

/** Walks entries in `seq` order; reports the first entry that does not fit. */
export function verifyChain(entries: Iterable<AuditEntry>, start: { prevHash: string; count: number } = { prevHash: GENESIS_HASH, count: 0 }): ChainCheck {
  let prev = start.prevHash;
  let count = start.count;
  for (const e of entries) {
    if (e.prevHash !== prev) return { ok: false, entries: count, seq: e.seq, reason: 'removed_or_reordered' };
    if (auditHash(e.prevHash, e) !== e.hash) return { ok: false, entries: count, seq: e.seq, reason: 'edited' };
    prev = e.hash;
    count++;
  }
  return { ok: true, entries: count, head: prev };
}
