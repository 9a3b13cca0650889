// The build: tsc compiles src/ (and the benchmarks' child processes) into
// dist/, keeping the repository's layout (dist/src/cli.js, so that
// src/package-path.ts finds templates/ and migrations/ from either), and every
// other file under src/ (worker entries, presets) is copied beside them.
// npm runs it on install (`prepare`); bin/par-survey.js runs dist/ only while it
// is newer than every source. Plain JavaScript: it runs before anything is built.
// Usage: node scripts/build.mjs [<folder>, default dist]
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What the build reads: a change to any of these, or a file added or removed, makes a build stale. */
const SOURCES = ['src', 'scripts/bench/lib', 'tsconfig.json', 'tsconfig.build.json'];
const STAMP = 'build.json';

/** The latest modification under `path` (a folder's own time changes when a file is added or removed). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  let time = stat.mtimeMs;
  if (stat.isDirectory()) for (const name of readdirSync(path)) time = Math.max(time, newest(join(path, name)));
  return time;
}

/** Whether `out` (a folder of the package) holds a build started after the last change to the sources. */
export function isBuilt(out = 'dist') {
  let started;
  try {
    ({ started } = JSON.parse(readFileSync(join(root, out, STAMP), 'utf8')));
  } catch {
    return false;
  }
  return SOURCES.every((source) => newest(join(root, source)) < started);
}

/** Builds into `out` (a folder of the package, replaced only once the build has succeeded). */
export function build(out = 'dist') {
  const started = Date.now();
  const target = join(root, out);
  const next = `${target}.tmp-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', next], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`tsc failed (${run.status ?? run.signal})`);
    cpSync(join(root, 'src'), join(next, 'src'), { recursive: true, filter: (path) => !path.endsWith('.ts') || statSync(path).isDirectory() });
    writeFileSync(join(next, STAMP), `${JSON.stringify({ started })}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(next, target);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build(process.argv[2]);
