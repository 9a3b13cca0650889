// Creates a new embedded database folder (initdb) in a process of its own:
// initdb takes several hundred MB of WebAssembly memory, returned to the
// system only when its process ends, so the service that then opens the folder
// never holds it. Usage: node pglite-init.mjs <folder>
import { PGlite } from '@electric-sql/pglite';

const client = await PGlite.create({ dataDir: process.argv[2] });
await client.close();
