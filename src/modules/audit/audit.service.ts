import type { Db } from '../../db/client.js';
import { auditHash, GENESIS_HASH, verifyChain, type ChainCheck } from './audit-chain.js';
import { checkpointKey, checkpointProblem, signCheckpoint, type Checkpoint, type CheckpointProblem } from './checkpoint.js';
import { hashAtSeq, insertAuditEntry, lockChainHead, readAuditPage, readCheckpoint, writeCheckpoint } from './audit.queries.js';

export type AuditRecord = {
  /** Username, or `cli` / `system` for work nobody logged in did. */
  actor: string;
  /** Dotted verb: `roster.import`, `campaign.create`, `flag.confirm`. */
  action: string;
  campaignId?: string | null;
  bodyCode?: string | null;
  details: Record<string, unknown>;
};

let signingKey: Buffer | null = null;

/** Sets the secret the chain's head is signed with; called once when the services are built. */
export function useAuditSecret(secret: string): void {
  signingKey = checkpointKey(secret);
}

/**
 * Appends an entry inside the caller's transaction (a savepoint when given one),
 * holding the chain lock until that transaction ends: call it as the last step.
 * The new head is signed in the same transaction.
 */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.transaction(async (tx) => {
    const head = await lockChainHead(tx);
    const content = {
      at: head.now,
      actor: record.actor,
      action: record.action,
      campaignId: record.campaignId ?? null,
      bodyCode: record.bodyCode ?? null,
      details: record.details,
    };
    const prevHash = head.hash ?? GENESIS_HASH;
    const hash = auditHash(prevHash, content);
    const seq = await insertAuditEntry(tx, { ...content, prevHash, hash });
    if (signingKey) await writeCheckpoint(tx, signCheckpoint(signingKey, seq, hash), head.now);
  });
}

export type AuditCheck =
  | (Extract<ChainCheck, { ok: true }> & { headSeq: number | null })
  | Extract<ChainCheck, { ok: false }>
  | { ok: false; entries: number; reason: CheckpointProblem; kept?: boolean };

/** Re-hashes the whole log page by page; memory stays flat however long it is. */
async function walkChain(db: Db, pageSize: number): Promise<ChainCheck & { headSeq?: number | null }> {
  let state = { prevHash: GENESIS_HASH, count: 0 };
  let afterSeq = 0;
  let headSeq: number | null = null;
  for (;;) {
    const page = await readAuditPage(db, afterSeq, pageSize);
    if (page.length === 0) return { ok: true, entries: state.count, head: state.prevHash, headSeq };
    const check = verifyChain(page, state);
    if (!check.ok) return check;
    state = { prevHash: check.head, count: check.entries };
    afterSeq = headSeq = page[page.length - 1]!.seq;
  }
}

/**
 * Checks the chain, then that its head is the one last signed (so no entry was
 * cut off the end and no hash recomputed), then any checkpoints the operator kept.
 */
export async function verifyAudit(db: Db, options: { secret?: string; kept?: Checkpoint[]; pageSize?: number } = {}): Promise<AuditCheck> {
  const walked = await walkChain(db, options.pageSize ?? 5000);
  if (!walked.ok) return walked;
  const chain = { entries: walked.entries, head: walked.head, headSeq: walked.headSeq ?? null };
  const key = options.secret ? checkpointKey(options.secret) : signingKey;
  if (!key) return { ...chain, ok: true };
  const stored = await readCheckpoint(db);
  const problem = checkpointProblem(key, stored, chain, stored ? await hashAtSeq(db, stored.seq) : undefined, true);
  if (problem) return { ok: false, entries: chain.entries, reason: problem };
  for (const kept of options.kept ?? []) {
    const keptProblem = checkpointProblem(key, kept, chain, await hashAtSeq(db, kept.seq), false);
    if (keptProblem) return { ok: false, entries: chain.entries, reason: keptProblem, kept: true };
  }
  return { ...chain, ok: true };
}

/** The signed head of a verified chain, for the operator to keep outside the database. */
export async function currentCheckpoint(db: Db, secret: string): Promise<{ check: AuditCheck; checkpoint: Checkpoint | null }> {
  const check = await verifyAudit(db, { secret });
  if (!check.ok || check.headSeq === null) return { check, checkpoint: null };
  return { check, checkpoint: signCheckpoint(checkpointKey(secret), check.headSeq, check.head) };
}
