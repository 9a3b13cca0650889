// A child process doing one long piece of work through the services, so a
// faults test can kill it with SIGKILL in the middle: `import <campaign> <body>
// <file>` imports and submits a list; `send <campaign>` runs the mail sender until
// nothing of that campaign is queued. Configuration comes from the environment like any command.
import { readFile } from 'node:fs/promises';
import { createServices } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../../src/db/client.js';

const [task, ...args] = process.argv.slice(2);
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 4 });
const services = createServices({ database, config });

if (task === 'import') {
  const [campaignId, bodyCode, file] = args as [string, string, string];
  process.stdout.write('started\n');
  const report = await services.roster.importCsv({ campaignId, bodyCode, bytes: await readFile(file), dryRun: false, actor: 'faults', fileName: 'list.csv' });
  await services.roster.submit({ campaignId, bodyCode, actor: 'faults' });
  process.stdout.write(`imported ${report.imported}\n`);
} else if (task === 'send') {
  const [campaignId] = args as [string];
  process.stdout.write('started\n');
  const deadline = Date.now() + 110_000;
  while (Date.now() < deadline) {
    await services.mail.sendPending({ limit: 20, campaignId });
    const [left] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from outbox where campaign_id = ${campaignId} and status in ('queued', 'sending')`));
    if (!left || left.n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
}
await services.mail.close();
await database.close();
process.exit(0);
