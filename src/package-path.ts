// Files of the package outside src/: package.json, templates/, migrations/.
// The sources run from src/ (tsx, vitest); the build runs from dist/src/ (tsc
// keeps the repository's layout under dist/, see scripts/build.mjs), one level
// deeper, while those files stay where they are.
import { fileURLToPath } from 'node:url';

const compiled = !new URL(import.meta.url).pathname.endsWith('.ts');
const packageDir = new URL(compiled ? '../../' : '../', import.meta.url);

/** The absolute path of `relative` (e.g. 'templates/mail') in the package's folder. */
export const packagePath = (relative: string) => fileURLToPath(new URL(relative, packageDir));
