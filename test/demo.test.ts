// The demo end to end at its small size: it must finish, and every count it
// reports must be what the database holds, for each capability built in.
import { mkdtempSync } from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo/run.js';

describe('par-survey demo', () => {
  it('runs the main job on a fresh embedded database and reports what it did', async () => {
    let printed = '';
    const out = new Writable({ write: (chunk, _enc, cb) => ((printed += chunk), cb()) }) as unknown as NodeJS.WriteStream;
    const r = await runDemo({ dataDir: mkdtempSync(join(tmpdir(), 'par-demo-')), size: 'small', out });
    expect(printed).toContain('Tạo đợt khảo sát');
    expect(existsSync(join(r.dir, 'lists', 'danh-sach-27.csv'))).toBe(true);
    expect(readFileSync(join(r.dir, 'lists', 'danh-sach-22.csv'), 'utf8')).toContain('Họ và tên');
    expect(r.accounts.bodies.map((b) => b.bodyCode)).toEqual(['22', '27', '48']);
    expect(r.totals.listsSubmitted).toBe(3);
    expect(r.totals.merged).toBeGreaterThan(0);
    expect(r.totals.invitations).toBe(r.totals.listed);
    expect(r.totals.queued).toBe(0);
    expect(r.totals.sent).toBe(r.totals.invitations);
    expect(r.totals.bounced).toBeGreaterThan(0);
    expect(r.totals.responses).toBeGreaterThan(r.totals.invitations / 2);
    expect(r.totals.flags).toBeGreaterThan(0);
    // Only the province with planted interference is flagged.
    expect(printed).toMatch(/tỉnh 27: .*(straight_lining|speeders|shared_device)/);
    expect(printed).not.toMatch(/tỉnh (22|48): /);
    expect(readFileSync(r.scoreFile, 'utf8')).toMatch(/\r\n/);
  });
});
