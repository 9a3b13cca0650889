import type { Db } from '../../db/client.js';
import { auditHash, GENESIS_HASH, verifyChain, type ChainCheck } from './audit-chain.js';
import { insertAuditEntry, lockChainHead, readAuditPage } from './audit.queries.js';

export type AuditRecord = {
  /** Username, or `cli` / `system` for work nobody logged in did. */
  actor: string;
  /** Dotted verb: `roster.import`, `campaign.create`, `flag.confirm`. */
  action: string;
  campaignId?: string | null;
  bodyCode?: string | null;
  details: Record<string, unknown>;
};

/**
 * Appends an entry inside the caller's transaction (a savepoint when given one),
 * holding the chain lock until that transaction ends: call it as the last step.
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
    await insertAuditEntry(tx, { ...content, prevHash, hash: auditHash(prevHash, content) });
  });
}

/** Re-hashes the whole log page by page; memory stays flat however long it is. */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<ChainCheck> {
  let state = { prevHash: GENESIS_HASH, count: 0 };
  let afterSeq = 0;
  for (;;) {
    const page = await readAuditPage(db, afterSeq, pageSize);
    if (page.length === 0) return { ok: true, entries: state.count, head: state.prevHash };
    const check = verifyChain(page, state);
    if (!check.ok) return check;
    state = { prevHash: check.head, count: check.entries };
    afterSeq = page[page.length - 1]!.seq;
  }
}
