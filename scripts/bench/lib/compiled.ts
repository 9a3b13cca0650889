// The benchmarks' child processes run as the service runs: compiled, from
// dist/ (scripts/build.mjs), without tsx's loader; built first when dist/ is
// missing or older than the sources.
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isBuilt } from '../../build.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The compiled path of a script of this repository given by its TypeScript source's URL. */
export function compiledScript(source: URL): string {
  if (!isBuilt()) build();
  return join(root, 'dist', relative(root, fileURLToPath(source)).replace(/\.ts$/, '.js'));
}
