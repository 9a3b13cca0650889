// The service as `serve` runs it (production settings, postgres.js pool), plus
// two bare routes measured beside it in the same process and through the same
// pool: a POST that inserts one row of the same size as a response, a GET
// that returns a string of the same size as the form page, and a GET that also
// looks the link up by its hash first. Started by
// scripts/bench/survey-submit.ts; prints "READY <port>" when listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { openPostgres, rowsOf } from '../../../src/db/client.js';
import { tokenHash } from '../../../src/modules/mail/links.js';
import { startProfile } from './cpu-costs.js';

const url = process.env.BENCH_SERVER_DB!;
const database = openPostgres(url, Number(process.env.BENCH_POOL ?? 10));
const config = parseConfig({
  NODE_ENV: 'production',
  DATABASE_URL: url,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'par-bench-')),
  JWT_SECRET: process.env.BENCH_JWT_SECRET!,
  TOKEN_SECRET: process.env.BENCH_TOKEN_SECRET!,
  PUBLIC_BASE_URL: 'http://127.0.0.1',
  SENDER: 'off',
  LOG_LEVEL: 'silent',
  SURVEY_BAD_TOKEN_LIMIT: '1000000',
});
const app = await buildApp({ database, config, logger: false });
const page = 'x'.repeat(Number(process.env.BENCH_PAGE_BYTES ?? 24_000));

app.post('/bench/bare-insert', { config: { access: 'public' } }, async (request, reply) => {
  const { action: _action, js: _js, ...answers } = request.body as Record<string, string>;
  await database.db.execute(sql`insert into bench_bare (campaign_id, body_code, group_code, submitted_at, answers)
    values ('bench', '22', 'hdnd', now(), ${JSON.stringify({ '22': answers })}::jsonb)`);
  return reply.code(200).type('text/html; charset=utf-8').send('<p>ok</p>');
});
app.get('/bench/bare-select/:token', { config: { access: 'public' } }, async (request, reply) => {
  const { token } = request.params as { token: string };
  const rows = rowsOf<{ id: string }>(await database.db.execute(sql`select id from invitations where token_hash = ${tokenHash(token)}`));
  return reply.type('text/html; charset=utf-8').send(rows.length ? page : 'none');
});
app.get('/bench/bare-page', { config: { access: 'public' } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));

let profile: Awaited<ReturnType<typeof startProfile>> | undefined;
app.post('/bench/profile/start', { config: { access: 'public' } }, async () => {
  profile = await startProfile();
  return {};
});
app.post('/bench/profile/stop', { config: { access: 'public' } }, async () => {
  const result = await profile!.stop();
  profile = undefined;
  return result;
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
