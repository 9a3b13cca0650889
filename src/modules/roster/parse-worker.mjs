// Entry of the list-reading thread when the sources run (tsx, vitest): they are
// TypeScript, so the thread registers tsx first. The build (dist/) starts the
// compiled parse.worker.js directly (see parse-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./parse.worker.ts');
