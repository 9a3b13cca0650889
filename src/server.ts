// Listens and closes gracefully; everything else is in buildApp.
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, poolOptionsOf } from './db/client.js';
import { requireDurableCommits } from './db/durability.js';
import { migrateDatabase } from './db/migrate.js';

export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: config.database.poolMax, pool: poolOptionsOf(config.database) });
  try {
    await requireDurableCommits(database, {
      production: config.env === 'production',
      allowNondurable: config.database.allowNondurable,
      warn: (message) => process.stderr.write(`${message}\n`),
    });
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({ database, config, jobs: true });
  app.addHook('onClose', async () => database.close());
  const grace = closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    // Otherwise close-with-grace would end the process with code 0 on exit.
    grace.uninstall();
    await app.close();
    throw error;
  }
  return app;
}
