// Entry of the list-reading thread: the sources are TypeScript, run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./parse.worker.ts');
