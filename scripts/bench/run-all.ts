// Runs every benchmark in scripts/bench (each file exporting a default
// `{ name, run }`), one after another so they do not disturb each other, each
// in a process of its own so that its peak memory is its own; prints one table
// and writes bench/results.json. Exits 1 when a target is missed or a
// benchmark fails. `--only <name>` runs just that one and leaves bench/results.json
// as the last full run wrote it; other arguments (such
// as `--quick`) are passed on to the benchmarks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printFigures, type Benchmark, type Figure } from './lib/report.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url));

export function parseArgs(argv: readonly string[]): { only: string | null } {
  const at = argv.indexOf('--only');
  if (at === -1) return { only: null };
  const name = argv[at + 1];
  if (!name || name.startsWith('--')) throw new Error('--only cần tên một phép đo, ví dụ: --only progress');
  return { only: name };
}

const isBenchmark = (value: unknown): value is Benchmark =>
  typeof value === 'object' && value !== null && typeof (value as Benchmark).name === 'string' && typeof (value as Benchmark).run === 'function';

type Found = Benchmark & { file: string };

async function discover(): Promise<Found[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.ts') && f !== 'run-all.ts').sort();
  const found: Found[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${here}${file}`).href)) as { default?: unknown };
    if (isBenchmark(mod.default)) found.push({ ...mod.default, file: `${here}${file}` });
  }
  return found;
}

/** Runs one benchmark file in a child process and reads back its figures. */
function runInChild(bench: Found, args: readonly string[]): Figure[] {
  const out = join(mkdtempSync(join(tmpdir(), 'par-bench-')), 'figures.json');
  const child = spawnSync(process.execPath, ['--import', 'tsx', bench.file, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, BENCH_FIGURES_OUT: out },
  });
  if (child.status !== 0) throw new Error(`kết thúc với mã ${child.status ?? child.signal}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Figure[];
}

async function main() {
  const argv = process.argv.slice(2);
  const { only } = parseArgs(argv);
  const passOn = argv.filter((a, i) => a !== '--only' && argv[i - 1] !== '--only');
  const all = await discover();
  const chosen = only ? all.filter((b) => b.name === only) : all;
  if (chosen.length === 0) {
    console.error(only ? `Không có phép đo "${only}". Có: ${all.map((b) => b.name).join(', ') || '(không có)'}.` : 'Không tìm thấy phép đo nào trong scripts/bench.');
    process.exit(1);
  }
  const figures: Figure[] = [];
  let failed = false;
  for (const bench of chosen) {
    console.error(`▶ ${bench.name} (tải hệ thống: ${(await loadAverage()) ?? '?'})`);
    try {
      figures.push(...runInChild(bench, passOn));
    } catch (error) {
      failed = true;
      console.error(`✗ ${bench.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  printFigures(figures);
  // bench/results.json records a full run; one benchmark alone must not replace it.
  if (!only) {
    mkdirSync(fileURLToPath(new URL('../../bench/', import.meta.url)), { recursive: true });
    const results = figures.map(({ name, value, unit, target, baseline, ratio, pass }) => ({ name, value, unit, target, baseline, ratio, pass }));
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  }
  const missed = figures.filter((f) => f.pass === false);
  if (missed.length) console.error(`Không đạt mục tiêu: ${missed.map((f) => f.name).join('; ')}`);
  process.exit(failed || missed.length ? 1 : 0);
}

async function loadAverage(): Promise<string | null> {
  const { readFile } = await import('node:fs/promises');
  return readFile('/proc/loadavg', 'utf8').then((s) => s.split(' ').slice(0, 3).join(' '), () => null);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
