import { asc, desc, gt, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { AuditContent, AuditEntry } from './audit-chain.js';

/** Arbitrary constant naming the advisory lock that keeps the chain linear. */
const AUDIT_LOCK = 1_300_2023;

/** Locks the chain until the caller's transaction ends and returns its head. */
export async function lockChainHead(tx: Db): Promise<{ hash: string | null; now: Date }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const [clock] = rowsOf<{ now: string | Date }>(await tx.execute(sql`select now() as now`));
  return { hash: last?.hash ?? null, now: new Date(clock!.now) };
}

export async function insertAuditEntry(tx: Db, entry: AuditContent & { prevHash: string; hash: string }) {
  await tx.insert(auditLog).values({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    campaignId: entry.campaignId,
    bodyCode: entry.bodyCode,
    details: entry.details,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
}

export async function readAuditPage(db: Db, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
  return rows.map((r) => ({ ...r, details: r.details as unknown }));
}
