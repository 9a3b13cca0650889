#!/usr/bin/env node
// Runs the compiled service in dist/ (built by npm install, or `npm run build`)
// while it is newer than every source. Otherwise (dist/ missing, or a source
// changed since) it runs the TypeScript sources through tsx's loader, so that
// what runs is always what src/ says; tsx costs the process about 75 MB.
import { isBuilt } from '../scripts/build.mjs';

if (isBuilt()) {
  await import('../dist/src/cli.js');
} else {
  if (process.stderr.isTTY) process.stderr.write('par-survey: dist/ is missing or older than src/, running the sources through tsx (npm run build compiles them)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
