// Listens and closes gracefully; everything else is in buildApp.
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, poolOptionsOf } from './db/client.js';
import { requireDurableCommits } from './db/durability.js';
import { migrateDatabase } from './db/migrate.js';
import { isDatabaseUnavailable } from './plugins/errors.js';

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
  // A database lost mid-work can leave a driver promise rejected with nobody
  // waiting on it; that must not end the service, which serves again once the
  // database is back. Any other unhandled rejection still closes it.
  const onUnhandledRejection = (reason: unknown) => {
    if (isDatabaseUnavailable(reason)) app.log.error({ err: reason }, 'database connection lost outside a request');
    else
      process.nextTick(() => {
        throw reason;
      });
  };
  process.on('unhandledRejection', onUnhandledRejection);
  app.addHook('onClose', async () => void process.off('unhandledRejection', onUnhandledRejection));
  const grace = closeWithGrace({ delay: 10_000, skip: ['unhandledRejection'] }, async ({ signal, err }) => {
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
