// National progress at full size: 63 bodies, 500,000 listed and invited,
// 300,000 responses on real PostgreSQL. Measures the progress API and a body's
// page through the real app while submissions keep arriving, against a plain
// GROUP BY over the same tables in the same process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp, createServices } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { rowsOf, type Db } from '../../src/db/client.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, type Benchmark, type Figure } from './lib/report.js';

const RESPONDENTS = Number(process.env.BENCH_PROGRESS_RESPONDENTS ?? 500_000);
const RESPONSES = Number(process.env.BENCH_PROGRESS_RESPONSES ?? 300_000);
const CAMPAIGN = 'bench-2023';
const PASSWORD = 'mat-khau-do-hieu-nang';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

/** Lists, invitations and responses written in bulk, counters kept by the same triggers as in service. */
export async function seed(db: Db, groups: string[]) {
  const chunk = 100_000;
  const groupArray = sql.raw(`array[${groups.map((g) => `'${g}'`).join(', ')}]`);
  // Lists arrive body by body, as imports do, so a body's people sit together on disk.
  // A fixed permutation of the line numbers picks who has answered, spread over all bodies.
  const done = sql.raw(`((line::bigint * 7919) % ${RESPONDENTS} < ${RESPONSES})`);
  for (let from = 1; from <= RESPONDENTS; from += chunk) {
    const to = Math.min(RESPONDENTS, from + chunk - 1);
    await db.execute(sql`
      with b as (select array_agg(code order by code) a from campaign_bodies where campaign_id = ${CAMPAIGN})
      insert into respondents (campaign_id, body_code, group_code, full_name, email, email_norm, organisation, line)
      select ${CAMPAIGN}, b.a[1 + ((g - 1)::bigint * array_length(b.a, 1) / ${RESPONDENTS})], (${groupArray})[1 + g % ${groups.length}],
        'Người được khảo sát ' || g, 'nguoi' || g || '@donvi.gov.vn', 'nguoi' || g || '@donvi.gov.vn', 'Cơ quan ' || (g % 40), g
      from b, generate_series(${from}::int, ${to}::int) g`);
    await db.execute(sql`
      insert into invitations (campaign_id, body_code, group_code, respondent_id, email_norm, token_hash, status, mail_status, bounce_reason, first_opened_at)
      select campaign_id, body_code, group_code, id, email_norm, sha256(convert_to(id::text, 'UTF8')),
        (case when ${done} then 'completed' else 'active' end)::invitation_status,
        (case when not ${done} and line % 50 = 0 then 'bounced' else 'sent' end)::mail_status,
        case when not ${done} and line % 50 = 0 then '550 5.1.1 mailbox unavailable' end,
        case when ${done} or line % 3 = 0 then now() - interval '1 day' end
      from respondents where campaign_id = ${CAMPAIGN} and line between ${from} and ${to} order by line`);
  }
  await db.execute(sql`
    insert into responses (campaign_id, body_code, group_code, form_code, submitted_at, answers, seconds_spent)
    select campaign_id, body_code, group_code, group_code, now() - interval '1 day', '{"self":{"q1":"A","q2":"B","q3":"C"}}'::jsonb, 300
    from invitations where campaign_id = ${CAMPAIGN} and status = 'completed'`);
  // Submissions over 25 days, as counted per 10-minute bucket at submission, for the daily series.
  await db.execute(sql`
    insert into submission_counts (campaign_id, body_code, group_code, bucket, shard, n)
    select campaign_id, body_code, group_code, (date '2023-12-16' + abs(hashtext(id::text)) % 25 + time '09:00') at time zone 'Asia/Ho_Chi_Minh', 0, count(*)::int
    from invitations where campaign_id = ${CAMPAIGN} and status = 'completed' group by 1, 2, 3, 4`);
  await db.execute(sql`update campaign_bodies set list_state = 'submitted', list_submitted_at = now() where campaign_id = ${CAMPAIGN}`);
  await db.execute(sql`analyze`);
}

/** Respondents submitting their forms: the invitation completes and a response is stored, in one transaction. */
function startSubmissions(db: Db, ids: string[], workers: number) {
  let running = true;
  let done = 0;
  let next = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running && next < ids.length) {
      const id = ids[next++]!;
      await db.transaction(async (tx) => {
        const [row] = rowsOf<{ body_code: string; group_code: string }>(
          await tx.execute(sql`update invitations set status = 'completed', first_opened_at = coalesce(first_opened_at, now())
            where id = ${id} and status = 'active' returning body_code, group_code`),
        );
        if (!row) return;
        await tx.execute(sql`insert into responses (campaign_id, body_code, group_code, form_code, submitted_at, answers)
          values (${CAMPAIGN}, ${row.body_code}, ${row.group_code}, ${row.group_code}, date_trunc('minute', now()), '{"self":{"q1":"A"}}'::jsonb)`);
      });
      done++;
    }
  });
  const started = performance.now();
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { done, perSecond: done / ((performance.now() - started) / 1000) };
    },
  };
}

const bench: Benchmark = {
  name: 'progress',
  async run(): Promise<Figure[]> {
    const database = await benchDatabase(12);
    const config = parseConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'par-bench-')),
      JWT_SECRET: 'j'.repeat(48),
      TOKEN_SECRET: 't'.repeat(48),
      PUBLIC_BASE_URL: 'http://khaosat.test',
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp({ database, config, logger: false });
    try {
      await app.ready();
      const services = createServices({ database, config });
      await services.campaigns.create({ preset: '2023-province', id: CAMPAIGN, listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
      const campaignConfig = await services.campaigns.config(CAMPAIGN);
      const bodies = campaignConfig.bodies.map((b) => b.code);
      await services.accounts.createUser({ username: 'moha', role: 'admin', password: PASSWORD }, 'bench');
      // Officers of a spread of bodies (password hashing makes 63 accounts slow to set up).
      const sampled = bodies.filter((_, i) => i % 8 === 0);
      for (const code of sampled) await services.accounts.createUser({ username: `don-vi-${code}`, role: 'body', bodyCode: code, password: PASSWORD }, 'bench');
      const seedStart = performance.now();
      await seed(database.db, campaignConfig.groups.map((g) => g.code));
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const token = async (username: string) =>
        (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } })).json<{ token: string }>().token;
      const admin = await token('moha');
      const officers = new Map<string, string>();
      for (const code of sampled) officers.set(code, await token(`don-vi-${code}`));

      const pending = rowsOf<{ id: string }>(
        await database.db.execute(sql`select id from invitations where campaign_id = ${CAMPAIGN} and status = 'active' and mail_status = 'sent' order by random() limit 20000`),
      ).map((r) => r.id);

      const national = () => app.inject({ method: 'GET', url: `/api/v1/campaigns/${CAMPAIGN}/progress`, headers: { authorization: `Bearer ${admin}` } });
      const bodyPage = (i: number) => {
        const code = sampled[i % sampled.length]!;
        return app.inject({ method: 'GET', url: `/c/${CAMPAIGN}/b/${code}`, headers: { authorization: `Bearer ${officers.get(code)}` } });
      };
      const check = await national();
      const report = check.json<{ totals: { listed: number; completed: number } }>();
      if (check.statusCode !== 200 || report.totals.listed !== RESPONDENTS || report.totals.completed !== RESPONSES) {
        throw new Error(`unexpected progress report: ${check.statusCode} ${JSON.stringify(report.totals)}`);
      }
      if ((await bodyPage(0)).statusCode !== 200) throw new Error('body page did not render');

      // The baseline: the same figures by a plain GROUP BY over the lists and invitations.
      const groupBy = () =>
        Promise.all([
          database.db.execute(sql`select body_code, group_code, count(*) from respondents where campaign_id = ${CAMPAIGN} and merged_into is null group by 1, 2`),
          database.db.execute(sql`select body_code, group_code, count(*) filter (where status <> 'cancelled'), count(*) filter (where mail_status = 'sent'),
            count(*) filter (where mail_status = 'bounced'), count(*) filter (where first_opened_at is not null or status = 'completed'),
            count(*) filter (where status = 'completed'), max(updated_at) from invitations where campaign_id = ${CAMPAIGN} group by 1, 2`),
        ]);
      await timed(3, groupBy);
      await timed(20, national);
      await timed(20, bodyPage);

      const submissions = startSubmissions(database.db, pending, 2);
      const baseline = await timed(15, groupBy);
      const api = await timed(400, national);
      const page = await timed(120, bodyPage);
      const arrived = await submissions.stop();

      const after = (await national()).json<{ totals: { completed: number } }>();
      const [direct] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int n from invitations where campaign_id = ${CAMPAIGN} and status = 'completed'`));
      if (after.totals.completed !== direct!.n) throw new Error(`counters drifted: ${after.totals.completed} != ${direct!.n}`);

      const base = quantile(baseline, 0.5);
      return [
        figure('progress: national API p50 (while submitting)', quantile(api, 0.5), 'ms', '<= 50', base),
        figure('progress: national API p99 (while submitting)', quantile(api, 0.99), 'ms', '<= 200', base),
        figure('progress: body page p50 (while submitting)', quantile(page, 0.5), 'ms', '<= 100', base),
        figure('progress: body page p99 (while submitting)', quantile(page, 0.99), 'ms', null, base),
        figure('progress: plain GROUP BY baseline p50', base, 'ms'),
        figure('progress: submissions during measurement', arrived.perSecond, '/s'),
        figure(`progress: seed ${RESPONDENTS} listed, ${RESPONSES} responses, ${bodies.length} bodies`, seedSeconds, 's'),
      ];
    } finally {
      await app.close();
      await database.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
