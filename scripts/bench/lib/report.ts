// The one shape every benchmark reports in: a figure with its unit, its
// target, and where it has one, the bare baseline measured in the same run and
// the ratio to it. `npm run bench` collects them into one table and
// bench/results.json.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export type Figure = {
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 0.5", "<= 300", or null for a figure reported without a target. */
  target: string | null;
  baseline: number | null;
  ratio: number | null;
  pass: boolean | null;
};

export type Benchmark = { name: string; run(): Promise<Figure[]> };

/** `target` as ">= 600" or "<= 300"; `pass` is judged on the value, or on the ratio when the target is `ratio >= x`. */
export function figure(name: string, value: number, unit: string, target: string | null = null, baseline: number | null = null): Figure {
  const ratio = baseline ? value / baseline : null;
  return { name, value: round(value), unit, target, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio, 3), pass: judge(target, value, ratio) };
}

function judge(target: string | null, value: number, ratio: number | null): boolean | null {
  if (!target) return null;
  const m = target.match(/^(ratio\s*)?(>=|<=)\s*([\d.]+)$/);
  if (!m) return null;
  const subject = m[1] ? ratio : value;
  if (subject === null) return null;
  return m[2] === '>=' ? subject >= Number(m[3]) : subject <= Number(m[3]);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function printFigures(figures: readonly Figure[]) {
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.target ?? '',
    f.baseline === null ? '' : String(f.baseline),
    f.ratio === null ? '' : String(f.ratio),
    f.pass === null ? '' : f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'target', 'baseline', 'ratio', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Samples resident memory until stopped; returns the peak in MB. */
export function sampleRss(intervalMs = 50) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  timer.unref();
  return {
    stop(): number {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 1024 / 1024;
    },
  };
}

/** Runs a benchmark when its file is executed directly (`npx tsx scripts/bench/x.ts`). */
export async function runIfMain(moduleUrl: string, bench: Benchmark) {
  if (process.argv[1] && pathToFileURL(process.argv[1]).href === moduleUrl) {
    const figures = await bench.run();
    printFigures(figures);
    // The runner starts each benchmark in a process of its own and collects its figures here.
    if (process.env.BENCH_FIGURES_OUT) writeFileSync(process.env.BENCH_FIGURES_OUT, JSON.stringify(figures));
    process.exit(0);
  }
}

/** The PostgreSQL server benchmarks run against (each makes its own database). */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
