import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../scripts/bench/run-all.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/run-all.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('bench runner', () => {
  it.each([
    [[], null],
    [['--only', 'progress'], 'progress'],
  ])('reads %j', (argv, only) => expect(parseArgs(argv)).toEqual({ only }));

  it('asks for a name after --only', () => {
    expect(() => parseArgs(['--only'])).toThrow(/--only cần tên/);
  });

  it('finds the benchmarks and names them when asked for one that does not exist', async () => {
    const res = await run(['--only', 'khong-co']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Không có phép đo "khong-co"\. Có: .*progress/);
  });
});
