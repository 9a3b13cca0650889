// `npm run bench`: runs every benchmark in scripts/bench (each file's default
// export `{ name, run }`), prints one table, and writes bench/results.json.
// `npm run bench -- national` runs only the named ones; BENCH_SCALE=quick
// asks each benchmark for its smaller size.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { printFigures, type Benchmark, type Figure } from './lib/report.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort();

const all: Figure[] = [];
let failed = false;
for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark | undefined;
  if (!bench?.run) continue;
  console.log(`\n== ${bench.name} (${file}) · load average ${readLoad()}`);
  try {
    const figures = await bench.run();
    printFigures(figures);
    all.push(...figures.map((f) => ({ ...f, name: f.name.startsWith(bench.name) ? f.name : `${bench.name}: ${f.name}` })));
  } catch (error) {
    failed = true;
    console.error(`${bench.name} failed: ${(error as Error).stack ?? error}`);
  }
}

console.log('\n== all figures');
printFigures(all);
const out = join(here, '..', '..', 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), `${JSON.stringify(all.map(({ name, value, unit, target, baseline, ratio, pass }) => ({ name, value, unit, target, baseline, ratio, pass })), null, 2)}\n`);
console.log(`\nwrote bench/results.json (${all.length} figures) · load average ${readLoad()}`);
process.exit(failed || all.some((f) => f.pass === false) ? 1 : 0);

function readLoad(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
