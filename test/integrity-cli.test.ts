import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { insertResponses } from './helpers/responses.js';

let env: Record<string, string>;
let database: TestDatabase | undefined;

const T0 = Date.parse('2023-12-20T02:00:00Z');
let seed = 7;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const sheet = Object.fromEntries(Array.from({ length: 27 }, (_, i) => [`q${String(i + 1).padStart(2, '0')}`, i % 4 ? 'A' : 'B']));

beforeAll(async () => {
  env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-cli-')) };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
  expect((await runCli(['campaign', 'create', '--preset', '2023-province', '--id', 't', '--list-deadline', '15/12/2023', '--response-deadline', '10/01/2024'], env)).code).toBe(0);
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await insertResponses(
      db.db,
      't',
      '22',
      [
        ...Array.from({ length: 8 }, (_, i) => ({ submittedAt: new Date(T0 + i * 4 * 60_000), answers: { '22': sheet }, secondsSpent: 60, ipHash: 'pc', uaHash: 'ua', netHash: 'net' })),
        ...Array.from({ length: 40 }, (_, i) => ({
          submittedAt: new Date(T0 + (i + 1) * 7_200_000),
          answers: { '22': Object.fromEntries(Object.keys(sheet).map((q) => [q, 'ABCDK'[Math.floor(rand() * 5)]!])) },
          secondsSpent: 600 + i,
          ipHash: `home-${i}`,
          uaHash: 'ua',
          netHash: `net-${i}`,
        })),
      ],
    );
  } finally {
    await db.close();
  }
});
afterAll(async () => database?.close());

describe('par-survey integrity', { timeout: 180_000 }, () => {
  let flagId: string;

  it('runs the rules on demand and prints the open flags as JSON', async () => {
    const res = await runCli(['integrity', '--campaign', 't', '--json'], env);
    expect(res.stderr).toBe('');
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ campaignId: 't', responses: 48, open: 2 });
    expect(out.openFlags.map((f: { rule: string }) => f.rule).sort()).toEqual(['identical_sheets', 'speeders']);
    flagId = out.openFlags.find((f: { rule: string }) => f.rule === 'speeders').id;
  });

  it('lists flags in a table and records a decision', async () => {
    const list = await runCli(['integrity', 'flags', '--campaign', 't', '--rule', 'speeders'], env);
    expect(list.stdout).toContain(flagId);
    expect(list.stdout).toContain('8 trên 48 phiếu được làm trong chưa đến 25%');
    const decided = await runCli(['integrity', 'decide', '--campaign', 't', '--flag', flagId, '--decision', 'void_responses', '--reason', 'Nhập hộ phiếu'], env);
    expect(decided.stdout).toMatch(/8 phiếu bị hủy/);
    const again = await runCli(['integrity', 'run', '--campaign', 't', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ open: 1 });
  });

  it('explains a wrong decision without a stack trace', async () => {
    const res = await runCli(['integrity', 'decide', '--campaign', 't', '--flag', flagId, '--decision', 'xoa', '--reason', 'thử'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Quyết định không hợp lệ/);
    expect(res.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
