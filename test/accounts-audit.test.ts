// The audit chain's head is signed with a key outside the database, so cutting
// entries off the end, or editing one and recomputing every hash after it, is
// caught by `audit verify`, and a checkpoint the operator kept catches a
// rollback to an older signed head.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf, openDatabase, type Db } from '../src/db/client.js';
import { auditHash } from '../src/modules/audit/audit-chain.js';
import { currentCheckpoint, verifyAudit } from '../src/modules/audit/audit.service.js';
import { addUser, createTestApp, type TestApp } from './helpers/app.js';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function withEntries(n: number): Promise<TestApp> {
  t = await createTestApp();
  for (let i = 0; i < n; i++) await addUser(t, `nguoi-${i}`, 'scoring');
  return t;
}

const verify = (app: TestApp, kept = [] as NonNullable<Parameters<typeof verifyAudit>[1]>['kept']) => verifyAudit(app.db, { secret: app.config.tokenSecret, kept });

/** What someone with write access to the database could do: rewrite an entry and re-hash everything after it. */
async function rewriteFrom(db: Db, seq: number, actor: string) {
  await db.execute(sql`update audit_log set actor = ${actor} where seq = ${seq}`);
  const rows = rowsOf<{ seq: number; at: string | Date; actor: string; action: string; campaign_id: string | null; body_code: string | null; details: unknown; prev_hash: string }>(
    await db.execute(sql`select * from audit_log where seq >= ${seq} order by seq`),
  );
  let prev = rows[0]!.prev_hash;
  for (const r of rows) {
    const hash = auditHash(prev, { at: new Date(r.at), actor: r.actor, action: r.action, campaignId: r.campaign_id, bodyCode: r.body_code, details: r.details });
    await db.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${r.seq}`);
    prev = hash;
  }
}

describe('audit checkpoint', () => {
  it('passes an untouched log', async () => {
    const app = await withEntries(3);
    expect(await verify(app)).toMatchObject({ ok: true, entries: 3 });
  });

  it('catches the last entries deleted', async () => {
    const app = await withEntries(5);
    await app.db.execute(sql`delete from audit_log where seq > 3`);
    expect(await verify(app)).toMatchObject({ ok: false, reason: 'truncated_or_rewritten' });
  });

  it('catches the last entries deleted together with the stored checkpoint', async () => {
    const app = await withEntries(4);
    await app.db.execute(sql`delete from audit_log where seq > 2`);
    await app.db.execute(sql`delete from audit_checkpoint`);
    expect(await verify(app)).toMatchObject({ ok: false, reason: 'checkpoint_missing' });
  });

  it('catches an entry edited with every hash after it recomputed', async () => {
    const app = await withEntries(5);
    await rewriteFrom(app.db, 2, 'ai-do-khac');
    expect(await verify(app)).toMatchObject({ ok: false, reason: 'truncated_or_rewritten' });
  });

  it('catches a checkpoint re-signed without the key', async () => {
    const app = await withEntries(3);
    await rewriteFrom(app.db, 3, 'ai-do-khac');
    const head = rowsOf<{ hash: string }>(await app.db.execute(sql`select hash from audit_log order by seq desc limit 1`))[0]!.hash;
    await app.db.execute(sql`update audit_checkpoint set hash = ${head}, signature = ${'0'.repeat(64)}`);
    expect(await verify(app)).toMatchObject({ ok: false, reason: 'checkpoint_forged' });
  });

  it('catches, with a kept checkpoint, a rollback to an older signed head', async () => {
    const app = await withEntries(2);
    const older = rowsOf<Record<string, unknown>>(await app.db.execute(sql`select seq, hash, at, signature from audit_checkpoint`))[0]!;
    await addUser(app, 'nguoi-moi', 'scoring');
    const { checkpoint: kept } = await currentCheckpoint(app.db, app.config.tokenSecret);
    await app.db.execute(sql`delete from audit_log where seq > ${older.seq as number}`);
    await app.db.execute(sql`update audit_checkpoint set seq = ${older.seq as number}, hash = ${older.hash as string}, signature = ${older.signature as string}`);
    expect(await verify(app)).toMatchObject({ ok: true });
    expect(await verify(app, [kept!])).toMatchObject({ ok: false, reason: 'truncated_or_rewritten', kept: true });
  });
});

describe('par-survey audit checkpoint and verify', { timeout: 180_000 }, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.close());

  it('prints a checkpoint to keep, and verify with it catches a truncation', async () => {
    const env: Record<string, string> = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-audit-')), TOKEN_SECRET: 't'.repeat(48), JWT_SECRET: 'j'.repeat(48) };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url!;
    }
    expect((await runCli(['migrate'], env)).code).toBe(0);
    for (const name of ['mot', 'hai']) {
      expect((await runCli(['user', 'add', '--username', `tk-${name}`, '--role', 'scoring', '--password-stdin'], env, 'mot-mat-khau-dai\n')).code).toBe(0);
    }
    const printed = await runCli(['audit', 'checkpoint'], env);
    expect(printed.code).toBe(0);
    const line = printed.stdout.split('\n')[0]!;
    expect(line).toMatch(/^par-audit-v1:2:[0-9a-f]{64}:[0-9a-f]{64}$/);
    expect((await runCli(['audit', 'verify', '--checkpoint', line], env)).code).toBe(0);

    const db = database ?? (await openDatabase({ dataDir: env.DATA_DIR }));
    await db.db.execute(sql`delete from audit_log where seq = 2`);
    if (!database) await db.close();
    const caught = await runCli(['audit', 'verify'], env);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/các mục cuối đã bị xóa/);
  });
});
