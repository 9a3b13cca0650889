// The national run on real PostgreSQL: every province's list imported through
// the roster service, invitations sent by two senders over SMTP to a loopback
// sink that refuses everything for a while mid-run, then respondents submitting
// over HTTP while the dashboards are polled. Reports throughput, p99 latency,
// peak memory, and whether every count matches at the end.
// Full size: 63 bodies, 50,000 people, 40,000 submitting. `--quick` (or
// BENCH_SCALE=quick): 6 bodies, 1,200 people, 900 submitting, 5 s refusal.
//
// Lists of about 800 people, imported and submitted one after another
// (profiled with --cpu-prof and the stages of one import timed apart): an
// import took 700-750 ms, of which 500 went to starting its reading thread
// (loading its code: 240 ms compiled, 500 ms through tsx); a submission took
// 270-300 ms, most of it drizzle building a multi-row insert of 800
// invitations and 800 messages (thousands of parameters). Now the next list's
// thread is started once a list is done and waits for it, and invitations and
// messages go in as one JSON value per thousand rows: 905 -> 1,447 rows/s.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { buildApp, createServices } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { ballotBox, invitations, respondents, responses } from '../../src/db/schema/index.js';
import type { MailService } from '../../src/modules/mail/mail.service.js';
import type { RosterService } from '../../src/modules/roster/roster.service.js';
import { parseSurveyForm, honestAnswers, submission } from '../../src/demo/form.js';
import { csvHeaders, generateBodyList, personRow, seededRandom } from '../../src/demo/people.js';
import { freePort } from '../../src/demo/port.js';
import { domainOf } from '../../src/demo/setup.js';
import { toCsv } from '../../src/csv/write.js';
import { linkToken } from '../../src/modules/mail/links.js';
import { loadPreset } from '../../src/presets/index.js';
import { bareHttpInsert, bareMail, bareRowInsert } from './lib/baselines.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, sampleRss, type Benchmark, type Figure } from './lib/report.js';
import { percentile, startCountingSink, type CountingSink } from './lib/sink.js';

const quick = process.env.BENCH_SCALE === 'quick' || process.argv.includes('--quick');
const SIZE = quick
  ? { bodies: 6, people: 1_200, submitting: 900, refuseMs: 5_000, concurrency: 16 }
  : { bodies: 63, people: 50_000, submitting: 40_000, refuseMs: 30_000, concurrency: 32 };
const CAMPAIGN = '2023-tinh';
const PASSWORD = 'mat-khau-do-tai-2023';

const log = (msg: string) => process.stderr.write(`[national] ${msg}\n`);
const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);

async function importLists(roster: RosterService, bodies: { code: string; name: string }[]) {
  const preset = loadPreset('2023-province');
  const perBody = Math.ceil(SIZE.people / bodies.length);
  const share = { hdnd: 0.15, lanh_dao_so: 0.2, lanh_dao_phong: 0.45, lanh_dao_huyen: 0.2 };
  let rows = 0;
  let imported = 0;
  let seconds = 0;
  for (const [i, b] of bodies.entries()) {
    const target = Math.min(perBody, SIZE.people - i * perBody);
    const perGroup = Object.fromEntries(Object.entries(share).map(([g, s]) => [g, Math.round(target * s)]));
    const people = generateBodyList(preset.campaign, { bodyCode: b.code, bodyName: b.name, domain: domainOf(b.name), perGroup, twoGroupShare: 0.01, badAddressShare: 0 });
    const bytes = Buffer.from(toCsv(csvHeaders, people.map(personRow), { bom: true }));
    const t = performance.now();
    const report = await roster.importCsv({ campaignId: CAMPAIGN, bodyCode: b.code, bytes, dryRun: false, actor: 'bench', fileName: `${b.code}.csv` });
    await roster.submit({ campaignId: CAMPAIGN, bodyCode: b.code, actor: 'bench' });
    seconds += (performance.now() - t) / 1000;
    rows += people.length;
    imported += report.imported;
    if (report.errors.length) throw new Error(`import ${b.code}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
  return { rows, imported, perSecond: rows / seconds };
}

async function dispatch(db: Db, senders: MailService[], sink: CountingSink, total: number) {
  const started = performance.now();
  let beforeOutage = { mails: 0, seconds: 0 };
  let outageEnded = 0;
  const deadline = Date.now() + 20 * 60_000;
  let stop = false;
  const loops = senders.map(async (mail) => {
    while (!stop && Date.now() < deadline) {
      await mail.sendPending({ limit: 200 });
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  while (sink.unique() < total && Date.now() < deadline) {
    if (!outageEnded && sink.unique() >= total / 3) {
      beforeOutage = { mails: sink.unique(), seconds: (performance.now() - started) / 1000 };
      log(`sink refusing every message for ${SIZE.refuseMs / 1000} s after ${beforeOutage.mails} delivered`);
      sink.refuseFor(SIZE.refuseMs);
      outageEnded = Date.now() + SIZE.refuseMs;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop = true;
  await Promise.all(loops);
  const drainSeconds = outageEnded ? (Date.now() - outageEnded) / 1000 : 0;
  return { perSecond: beforeOutage.mails / (beforeOutage.seconds || 1), drainSeconds, totalSeconds: (performance.now() - started) / 1000, invited: await n(db.select({ n: count() }).from(invitations).where(eq(invitations.campaignId, CAMPAIGN))) };
}

async function submitAll(base: string, config: Config, db: Db, tokens: { admin: string; bodies: [string, string][] }) {
  const rows = await db.select({ id: invitations.id, version: invitations.version }).from(invitations).where(eq(invitations.campaignId, CAMPAIGN));
  const random = seededRandom(40_000);
  const chosen = rows.sort(() => random() - 0.5).slice(0, SIZE.submitting);
  const latencies: number[] = [];
  const dashboard: number[] = [];
  let acknowledged = 0;
  let failed = 0;
  let polling = true;
  const poller = (async () => {
    for (let i = 0; polling; i++) {
      const [url, token] = i % 2 ? [`${base}/api/v1/campaigns/${CAMPAIGN}/progress`, tokens.admin] : [`${base}/api/v1/campaigns/${CAMPAIGN}/progress`, tokens.bodies[i % tokens.bodies.length]![1]];
      const t = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status === 200) dashboard.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SIZE.concurrency }, async (_, w) => {
      const headers = { 'user-agent': `bench-${w}`, 'x-forwarded-for': `10.${w}.${w}.${w}` };
      while (next < chosen.length) {
        const inv = chosen[next++]!;
        const link = `${base}/s/${linkToken(config.tokenSecret, inv.id, inv.version)}`;
        const page = await fetch(link, { headers });
        const form = parseSurveyForm(await page.text());
        const t = performance.now();
        const res = await fetch(link, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: submission(form, honestAnswers(form, random)), redirect: 'manual' });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status < 400) acknowledged++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  polling = false;
  await poller;
  return { acknowledged, failed, perSecond: chosen.length / seconds, p99: percentile(latencies, 99), dashboardP99: percentile(dashboard, 99), polls: dashboard.length };
}

const bench: Benchmark = {
  name: 'national',
  async run(): Promise<Figure[]> {
    const rss = sampleRss();
    const db = await benchDatabase(20);
    const sink = await startCountingSink();
    const port = await freePort();
    const config = parseConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'par-bench-')), SMTP_URL: sink.url, MAIL_RATE: '100000', MAIL_CONCURRENCY: '8', JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'silent' });
    try {
      const services = createServices({ database: db, config });
      const second = createServices({ database: db, config });
      const preset = loadPreset('2023-province');
      const bodies = preset.campaign.bodies.slice(0, SIZE.bodies).map((b) => ({ code: b.code, name: b.name }));
      await services.campaigns.create({ preset: '2023-province', id: CAMPAIGN, bodies: bodies.map((b) => b.code), listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
      await services.accounts.createUser({ username: 'moha', role: 'admin', password: PASSWORD }, 'bench');
      for (const b of bodies.slice(0, 3)) await services.accounts.createUser({ username: `sonv${b.code}`, role: 'body', bodyCode: b.code, password: PASSWORD }, 'bench');

      log(`importing ${SIZE.people} people for ${bodies.length} bodies`);
      const imp = await importLists(services.roster, bodies);
      const listed = await n(db.db.select({ n: count() }).from(respondents).where(and(eq(respondents.campaignId, CAMPAIGN), isNull(respondents.mergedInto))));
      log(`imported ${imp.rows} rows (${listed} people after merges) at ${imp.perSecond.toFixed(0)} rows/s; sending`);
      const sent = await dispatch(db.db, [services.mail, second.mail], sink, listed);
      log(`delivered ${sink.unique()} of ${sent.invited} (duplicates ${sink.duplicates()}, refused ${sink.refused}); submitting ${SIZE.submitting}`);

      const app = await buildApp({ database: db, config, logger: false });
      await app.listen({ host: '127.0.0.1', port });
      const base = `http://127.0.0.1:${port}`;
      const login = async (username: string) => ((await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })).json()) as { token: string }).token;
      const tokens = { admin: await login('moha'), bodies: await Promise.all(bodies.slice(0, 3).map(async (b) => [b.code, await login(`sonv${b.code}`)] as [string, string])) };
      const sub = await submitAll(base, config, db.db, tokens);
      const progress = (await (await fetch(`${base}/api/v1/campaigns/${CAMPAIGN}/progress`, { headers: { authorization: `Bearer ${tokens.admin}` } })).json()) as { totals: { completed: number; invited: number } };
      await app.close();
      // Stored answers: those mixed into responses and those still waiting in the ballot box.
      const stored =
        (await n(db.db.select({ n: count() }).from(responses).where(eq(responses.campaignId, CAMPAIGN)))) +
        (await n(db.db.select({ n: count() }).from(ballotBox).where(eq(ballotBox.campaignId, CAMPAIGN))));
      const completed = await n(db.db.select({ n: count() }).from(invitations).where(and(eq(invitations.campaignId, CAMPAIGN), eq(invitations.status, 'completed'))));
      const match = listed === sent.invited && sink.unique() === sent.invited && stored === sub.acknowledged && completed === sub.acknowledged && progress.totals.completed === sub.acknowledged && progress.totals.invited === sent.invited && sub.failed === 0;
      log(`listed ${listed}, invited ${sent.invited}, delivered ${sink.unique()}, acknowledged ${sub.acknowledged}, stored ${stored}, completed ${completed}, dashboard ${progress.totals.completed}/${progress.totals.invited}`);

      log('bare baselines');
      const bareInsert = await bareRowInsert(db.url, Math.min(imp.rows, 10_000));
      const bareSend = await bareMail(sink.url, quick ? 500 : 3_000, 8);
      const bareHttp = await bareHttpInsert(db.url, quick ? 500 : 5_000, SIZE.concurrency);
      await services.mail.close();
      await second.mail.close();
      const peak = rss.stop();
      return [
        figure('national: import and submit lists', imp.perSecond, 'rows/s', '>= 1000', bareInsert.perSecond),
        figure('national: invitations sent (before the outage)', sent.perSecond, 'mails/s', '>= 100', bareSend.perSecond),
        figure(`national: all delivered ${SIZE.refuseMs / 1000} s after the sink came back`, sent.drainSeconds, 's', '<= 300'),
        figure('national: duplicate sends (two senders)', sink.duplicates(), 'mails', '<= 0'),
        figure('national: submissions over HTTP', sub.perSecond, 'req/s', '>= 100', bareHttp.perSecond),
        figure('national: submission p99 latency', sub.p99, 'ms', '<= 500', bareHttp.p99),
        figure('national: dashboard p99 latency while submitting', sub.dashboardP99, 'ms', '<= 1000'),
        figure('national: peak memory (service and load in one process)', peak, 'MB', '<= 1536'),
        figure(`national: every count matches (${listed} listed, ${sub.acknowledged} submitted)`, match ? 1 : 0, 'bool', '>= 1'),
      ];
    } finally {
      await sink.close();
      await db.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
