import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let env: Record<string, string>;
let database: TestDatabase | undefined;

beforeAll(async () => {
  env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-cli-')) };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
});
afterAll(async () => database?.close());

describe('par-survey command', { timeout: 180_000 }, () => {
  it('prints its help', async () => {
    const res = await runCli(['--help'], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/campaign/);
  });

  it('migrates, creates a campaign and an account, and verifies the audit log', async () => {
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const created = await runCli(['campaign', 'create', '--preset', '2023-province', '--id', 't', '--list-deadline', '15/12/2023', '--response-deadline', '10/01/2024'], env);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/23:59 ngày 15\/12\/2023/);
    const user = await runCli(['user', 'add', '--username', 'hanoi', '--role', 'body', '--body', '01', '--password-stdin'], env, 'mot-mat-khau-dai\n');
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/hanoi/);
    const audit = await runCli(['audit', 'verify', '--json'], env);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, entries: 2 });
  });

  it('explains a mistake without a stack trace and exits non-zero', async () => {
    const res = await runCli(['campaign', 'create', '--preset', 'khong-co', '--id', 'x'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Không có mẫu đợt khảo sát "khong-co"/);
    expect(res.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const noPassword = await runCli(['user', 'add', '--username', 'a.b', '--role', 'admin'], env);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toMatch(/--password-stdin/);
  });
});
