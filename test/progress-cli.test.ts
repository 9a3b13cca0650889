import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let env: Record<string, string>;
let database: TestDatabase | undefined;

beforeAll(async () => {
  env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-cli-progress-')) };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
  expect((await runCli(['migrate'], env)).code).toBe(0);
  const created = await runCli(['campaign', 'create', '--preset', '2023-province', '--id', 't', '--list-deadline', '15/12/2099', '--response-deadline', '10/01/2100'], env);
  expect(created.code).toBe(0);
});
afterAll(async () => database?.close());

describe('par-survey progress', () => {
  it('prints the table per body and group with a total line', async () => {
    const res = await runCli(['progress', '--campaign', 't', '--body', '22'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Đơn vị\s+Nhóm\s+Danh sách\s+Đã mời/);
    expect(lines.filter((l) => l.startsWith('22 Tỉnh Quảng Ninh')).length).toBe(4);
    expect(lines.at(-1)).toMatch(/^Tổng\s+0\s+0/);
  });

  it('prints the same report as JSON', async () => {
    const res = await runCli(['progress', '--campaign', 't', '--json'], env);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report.bodies.length).toBe(report.totals.bodies);
    expect(report.bodies.length).toBeGreaterThan(60);
    expect(report.totals).toMatchObject({ listed: 0, invited: 0, completed: 0, completionRate: null });
  });

  it('explains an unknown body in Vietnamese and exits non-zero', async () => {
    const res = await runCli(['progress', '--campaign', 't', '--body', '999'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Không tìm thấy đơn vị/);
    expect(res.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
