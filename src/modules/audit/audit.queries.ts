import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { auditCheckpoint, auditLog } from '../../db/schema/index.js';
import type { AuditContent, AuditEntry } from './audit-chain.js';
import type { Checkpoint } from './checkpoint.js';

/** Arbitrary constant naming the advisory lock that keeps the chain linear. */
const AUDIT_LOCK = 1_300_2023;

/** Locks the chain until the caller's transaction ends and returns its head. */
export async function lockChainHead(tx: Db): Promise<{ hash: string | null; now: Date }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const [clock] = rowsOf<{ now: string | Date }>(await tx.execute(sql`select now() as now`));
  return { hash: last?.hash ?? null, now: new Date(clock!.now) };
}

export async function insertAuditEntry(tx: Db, entry: AuditContent & { prevHash: string; hash: string }): Promise<number> {
  const [row] = await tx.insert(auditLog).values({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    campaignId: entry.campaignId,
    bodyCode: entry.bodyCode,
    details: entry.details,
    prevHash: entry.prevHash,
    hash: entry.hash,
  }).returning({ seq: auditLog.seq });
  return row!.seq;
}

/** The one stored checkpoint: the chain's head as last signed. */
export async function writeCheckpoint(tx: Db, c: Checkpoint, at: Date): Promise<void> {
  const values = { seq: c.seq, hash: c.hash, signature: c.signature, at };
  await tx.insert(auditCheckpoint).values({ id: 1, ...values }).onConflictDoUpdate({ target: auditCheckpoint.id, set: values });
}

export async function readCheckpoint(db: Db): Promise<Checkpoint | null> {
  const [row] = await db.select({ seq: auditCheckpoint.seq, hash: auditCheckpoint.hash, signature: auditCheckpoint.signature }).from(auditCheckpoint).where(eq(auditCheckpoint.id, 1));
  return row ?? null;
}

export async function hashAtSeq(db: Db, seq: number): Promise<string | undefined> {
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq));
  return row?.hash;
}

export async function readAuditPage(db: Db, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
  return rows.map((r) => ({ ...r, details: r.details as unknown }));
}
