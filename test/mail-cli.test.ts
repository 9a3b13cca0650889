import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let database: TestDatabase | undefined;
afterAll(async () => database?.close());

describe('par-survey mail commands', () => {
  it('previews the invitation, finds no reminder due, and reads a bounce report from stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-mail-cli-'));
    const env: Record<string, string> = { DATA_DIR: dir };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url!;
    }
    const created = await runCli(['campaign', 'create', '--preset', '2023-province', '--id', 't', '--list-deadline', '15/12/2099', '--response-deadline', '10/01/2100'], env);
    expect(created.code).toBe(0);

    const out = join(dir, 'thu-moi.html');
    const preview = await runCli(['mail', 'preview', '--campaign', 't', '--template', 'invitation', '--out', out], env);
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toMatch(/Tiêu đề: Mời trả lời phiếu khảo sát/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Nguyễn Văn An');
    expect(html).toContain('23:59 ngày 10/01/2100');
    expect(html).not.toContain('{{');

    const remind = await runCli(['mail', 'remind', '--campaign', 't'], env);
    expect(remind.stdout).toMatch(/Chưa có đợt thư nhắc nào đến lịch/);

    const dsn = 'From: MAILER-DAEMON@mx.example\r\nMessage-ID: <d@mx>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <khong-co@localhost>\r\n\r\n--B--\r\n';
    const ingest = await runCli(['bounces', 'ingest'], env, dsn);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/Không đánh dấu thư nào/);
  }, 240_000);
});
