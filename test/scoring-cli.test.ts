import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let env: Record<string, string>;
let dir: string;
let database: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'par-scores-cli-'));
  env = { DATA_DIR: dir };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
  const created = await runCli(['campaign', 'create', '--preset', '2023-ministry', '--id', 'bo', '--bodies', 'BTP,BYT', '--list-deadline', '15/12/2023', '--response-deadline', '10/01/2024'], env);
  expect(created.stderr).toBe('');
}, 180_000);
afterAll(async () => database?.close());

describe('par-survey scores', { timeout: 180_000 }, () => {
  it('exports to a file and prints the SHA-256 of its bytes', async () => {
    const out = join(dir, 'diem.csv');
    const res = await runCli(['scores', 'export', '--campaign', 'bo', '--format', 'csv', '--bom', '--out', out], env);
    expect(res.stderr).toBe('');
    const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect(res.stdout).toContain(`SHA-256 của tệp: ${sha}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^\ufeffformat,par-survey scores v2\r\ncampaign,bo\r\n/);
  });

  it('seals, verifies and publishes', async () => {
    const sealed = await runCli(['scores', 'seal', '--campaign', 'bo'], env);
    expect(sealed.stderr).toBe('');
    const digest = sealed.stdout.match(/SHA-256: ([0-9a-f]{64})/)![1];
    const verified = await runCli(['scores', 'verify', '--campaign', 'bo', '--json'], env);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ matches: true, sealedDigest: digest });
    const exported = await runCli(['export', '--campaign', 'bo', '--format', 'json', '--verify'], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`"seal":{"version":1,"digest":"${digest}"`);
    const published = await runCli(['scores', 'publish', '--campaign', 'bo'], env);
    expect(published.stdout).toMatch(/Đã công bố/);
  });

  it('explains a mistake without a stack trace', async () => {
    const again = await runCli(['scores', 'seal', '--campaign', 'bo'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã được niêm phong/);
    const bad = await runCli(['scores', 'export', '--campaign', 'bo', '--format', 'xlsx'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/csv hoặc json/);
  });
});
