// A sender killed with SIGKILL in the middle of a batch: another sender
// started afterwards delivers every message once the dead one's lease ends,
// and only what was in flight is delivered twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { outbox } from '../src/db/schema/index.js';
import { BIN, runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { startTestSmtp, submitList } from './helpers/mail.js';

const N = 200;
let pg: TestDatabase | undefined;
afterAll(async () => pg?.close());

async function openShared(dataDir: string): Promise<{ database: Database; env: Record<string, string> }> {
  if (process.env.TEST_DATABASE_URL) {
    pg ??= await createTestDatabase();
    return { database: pg, env: { DATABASE_URL: pg.url! } };
  }
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  return { database, env: {} };
}

describe('a sender killed mid-batch', () => {
  it('is taken over by another sender without losing a message and duplicating at most what was in flight', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'par-crash-'));
    const server = await startTestSmtp(async () => void (await new Promise((r) => setTimeout(r, 15))));
    const env = { DATA_DIR: dataDir, SMTP_URL: server.url, JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), MAIL_RATE: '1000', MAIL_CONCURRENCY: '4', MAIL_LEASE_SECONDS: '5', MAIL_RETRY_SECONDS: '0.05' };
    const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });

    const shared = await openShared(dataDir);
    const services = createServices({ database: shared.database, config });
    await services.campaigns.create({ preset: '2023-province', id: 'c', bodies: ['01'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
    await submitList(shared.database.db, config, { campaignId: 'c', bodyCode: '01', n: N });
    if (!pg) await shared.database.close();

    const child: ChildProcess = spawn(process.execPath, [BIN, 'dispatch', '--campaign', 'c', '--until-idle'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env, ...shared.env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.once('exit', r));
    while (server.received.length < 40) {
      if (child.exitCode !== null) throw new Error('the sender finished before it could be killed');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const beforeTakeover = server.received.length;
    expect(beforeTakeover).toBeLessThan(N);

    const second = await runCli(['dispatch', '--campaign', 'c', '--until-idle'], { ...env, ...shared.env });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);

    const recipients = server.received.map((r) => r.to[0]!);
    const distinct = new Set(recipients);
    expect(distinct.size).toBe(N);
    // Outcomes are recorded every 50 messages or 250 ms; only those unrecorded at the kill are re-sent.
    expect(recipients.length - N).toBeLessThanOrEqual(50 + 8);

    const after = pg ? shared.database : await openDatabase({ dataDir });
    const rows = await after.db.select({ status: outbox.status }).from(outbox);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    if (!pg) await after.close();
    await server.close();
  });
});
