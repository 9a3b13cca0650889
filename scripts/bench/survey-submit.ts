// Respondents submitting over HTTP against the service on real PostgreSQL,
// each request a complete valid submission of a distinct invitation, and a
// bare route inserting one row of the same size through the same pool in the
// same server process; then form pages per second against a bare GET of the
// same size. The server runs in its own process, compiled as the service runs;
// load comes from undici here.
// Then the mixer's cost: a ballot box filled to 40,000 answers (the submitted
// ones, copied) is mixed into responses, in batches per cell. Each path is then
// profiled alone and its CPU per request printed by cost (the server's own
// profile by category, PostgreSQL's backends from /proc, this process).
//
// What the profiles showed, and what changed (2-core machine, 50 connections):
// - Every round trip to PostgreSQL costs the server a socket write and a read
//   wake-up (writeBuffer, writev and the stream callbacks were the largest
//   server costs on every path) and PostgreSQL a parse and plan: drizzle asks
//   for unnamed statements, so each was planned on every call. Statements are
//   now kept prepared per connection (gated-client.ts).
// - A submission was a lookup and a guarded write; the form now carries a stamp
//   naming its link's form, so a complete stamped submission is one statement.
// - In that statement, the statement-level progress trigger (transition tables
//   and a grouped query) cost more than the upsert itself, and a SQL function
//   called from PL/pgSQL was planned on every call: the trigger is per row,
//   fires only when a counted column changes, and spells the tally out. The
//   receipt row and its foreign-key check became a column of the link. The
//   index on (campaign, body, status) kept the link's update from being HOT.
// - What was left was per statement and per commit (pgbench, 1 client, one
//   submission per statement 0.38 ms of backend CPU; twenty in one statement
//   0.063 ms each): submissions, and first openings, that arrive while one
//   statement of theirs runs now go together in the next (db/group-write.ts),
//   two statements in flight, links locked in one order.
// - The form page was rendered by the template engine each time; it is now
//   compiled once per form and body and filled in (form-page.ts), its fixed
//   text copied in runs across the empty slots.
// - A first opening wrote three rows (device, empty draft, link); the draft is
//   gone (a save creates it) and the two other writes are grouped as above.
// - Form page against the bare SELECT route, profiled per request (server's
//   own profile against the same server's bare route, compiled JavaScript,
//   machine loaded): the service's own code took 83-94 µs of server CPU per
//   page against 5 for the bare route. Filling visited every option slot of
//   the form (hundreds, nearly all empty); each section's progress was copied
//   with an object spread; 18 random bytes for the form's key were one call
//   into the system each; every address went through the IP parser; the
//   escaping ran its replace on text with nothing to escape. Now only slots
//   with a value are visited (an option slot is found by its answer), a page
//   with nothing answered is kept with all but the link, key and stamp
//   written in (until the time left it shows changes), the key is a
//   randomUUID from a pooled buffer, and the usual IPv4 address needs no
//   parser: 46-49 µs. PostgreSQL's CPU for the lookup, one connection: 30 µs
//   a statement against 14 for the bare one (campaign, draft and device
//   joined then; the deadline can be moved, and is judged by the database
//   clock; the device check has since moved onto the link's row, below).
//   Samples in writev and in postgres.js's socket write grow with the share
//   of CPU the other processes take (the thread is preempted inside the
//   call when the process it wakes runs), so they overstate the server's
//   own socket work and shrink as the rest does.
// - The group writes of openings and of submissions locked their links with
//   `in (select … from input)`. Planned for an input of unknown size (the
//   statement is prepared, and a JSON array's length is not known to the
//   planner), that read the whole links table with a hash join: EXPLAIN on a
//   table of 10,000 links showed the lock step at 2.4-3.3 ms of a 20-link
//   statement against 0.26 ms with `= any (array(select …))`, which probes
//   the index at any table size. PostgreSQL's CPU per submission fell from
//   0.45-0.55 ms to 0.15-0.17 (test/survey-plans.test.ts keeps the plans).
// - The page's lookup probed invitation_devices for the device on every page.
//   The device that last opened a link is now a column of its row
//   (last_device): in-process, 10 connections, PostgreSQL's CPU for the lookup
//   went from 57-68 µs to 49-58 (bare: 32-40) and the server's from 60-63 to
//   53-55 (bare: 45-50). With the campaign and the draft joins dropped as well
//   (tried, not kept), the ratio moved within the noise: the deadline and the
//   draft stay joined.
// - In a profile of the page alone (inspector, wall-clock samples), the
//   service's own code is about 50 µs a page: the lookup's call 9, the device
//   key's HMAC 7, the stamp's HMAC 10-11, the rest of the view 5, and filling
//   in the page 13 (5 of its own, the rest the 24 KB buffer). The socket writes
//   (the page's writev about 39 µs, postgres.js's writes about 31) are shared
//   with the bare route; on this 2-core machine they include the time the
//   thread waits after waking the process it writes to.
// Now the costs printed first are the HTTP layer's own socket work, the load
// generator, and PostgreSQL's per-row work; the bare routes share the first two.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { Pool } from 'undici';
import { rowsOf } from '../../src/db/client.js';
import { campaignBodies, invitations, respondents } from '../../src/db/schema/index.js';
import { formForGroup, type CampaignConfig } from '../../src/modules/campaigns/campaign-config.js';
import { createCampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { issueInvitations } from '../../src/modules/mail/invitations.service.js';
import { linkToken, tokenHash } from '../../src/modules/mail/links.js';
import { createFormStamp } from '../../src/modules/survey/form-stamp.js';
import { createMixer, DEFAULT_K } from '../../src/modules/survey/mixer.js';
import { compiledScript } from './lib/compiled.js';
import { benchDatabase } from './lib/database.js';
import { POSTGRES_PIDS_SQL, postgresCpuMs, topCosts, type PathCosts } from './lib/cpu-costs.js';
import { figure, runIfMain, type Benchmark, type Figure } from './lib/report.js';

const CONNECTIONS = 50;
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 20_000);
const BODIES = ['01', '22', '31', '48', '79', '92', '26', '38', '46', '75'];
const GROUPS = ['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen'];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PROFILED = 6_000;
const FIRST_OPENINGS = 6_000;
const MIX_TOTAL = Number(process.env.BENCH_MIX ?? (process.argv.includes('--quick') ? 4_000 : 40_000));

type Run = { latencies: number[]; seconds: number; codes: Record<number, number>; bytes: number };
type Req = { method: 'GET' | 'POST'; path: string; body?: string; cookie?: string };
/** The device cookie the page set on the first opening, sent back when the same browser reopens a link. */
const DEVICE_COOKIE = 'thiet_bi=bench-browser-0000000001';

/** Keeps CONNECTIONS requests in flight until `next` runs dry or time is up. */
async function load(origin: string, next: () => Req | undefined, seconds: number): Promise<Run> {
  const pool = new Pool(origin, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  const codes: Record<number, number> = {};
  let bytes = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    for (let req = next(); req && performance.now() < end; req = next()) {
      const t0 = performance.now();
      const res = await pool.request({
        method: req.method,
        path: req.path,
        headers: { 'user-agent': 'bench', ...(req.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...(req.cookie ? { cookie: req.cookie } : {}) },
        ...(req.body ? { body: req.body } : {}),
      });
      const body = Buffer.from(await res.body.arrayBuffer());
      latencies.push(performance.now() - t0);
      bytes = body.length;
      codes[res.statusCode] = (codes[res.statusCode] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  return { latencies, seconds: elapsed, codes, bytes };
}

/**
 * Measures the route and its bare baseline in alternating slices, so that a
 * change in the machine's load during the run weighs on both alike.
 */
async function alternate(origin: string, subject: () => Req | undefined, baseline: () => Req | undefined, seconds: number, rounds = 4) {
  const runs: { subject: Run[]; baseline: Run[] } = { subject: [], baseline: [] };
  for (let r = 0; r < rounds; r++) {
    runs.baseline.push(await load(origin, baseline, seconds / rounds));
    runs.subject.push(await load(origin, subject, seconds / rounds));
  }
  return { subject: summarise(runs.subject), baseline: summarise(runs.baseline) };
}

function summarise(runs: Run[]) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const codes: Record<number, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.codes)) codes[Number(code)] = (codes[Number(code)] ?? 0) + n;
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { perSecond: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), codes, bytes: runs.at(-1)?.bytes ?? 0 };
}

/**
 * Runs one path alone for a short while with the server's profiler on: its
 * CPU per request in the server (by cost), in PostgreSQL and in the load
 * generator. Not used for the figures above it, which run unprofiled.
 */
async function profilePath(origin: string, pids: number[], next: () => Req | undefined, seconds: number): Promise<PathCosts> {
  const control = (what: string) => fetch(`${origin}/bench/profile/${what}`, { method: 'POST' }).then((r) => r.json());
  await control('start');
  const pg0 = postgresCpuMs(pids);
  const own0 = process.cpuUsage();
  const run = await load(origin, next, seconds);
  const own = process.cpuUsage(own0);
  const pg = postgresCpuMs(pids) - pg0;
  const server = (await control('stop')) as { cpuMs: number; costs: Record<string, number> };
  const costs: Record<string, number> = { 'PostgreSQL server processes': pg, 'load generator (this process)': (own.user + own.system) / 1000 };
  for (const [k, v] of Object.entries(server.costs)) costs[`server: ${k}`] = v;
  return { requests: run.latencies.length, costs };
}

function printCosts(label: string, path: PathCosts) {
  const total = Object.values(path.costs).reduce((a, b) => a + b, 0) / Math.max(1, path.requests);
  console.log(`survey-submit: ${label}: ${total.toFixed(2)} CPU ms per request; top costs: ` + topCosts(path, process.env.BENCH_ALL_COSTS ? 20 : 3).map(([k, v], i) => `${i + 1}. ${k} ${v.toFixed(2)} ms`).join('; '));
}

function answersFor(config: CampaignConfig, group: string, bodyCode: string, seed: number, stamp: string): string {
  const form = formForGroup(config, group)!;
  const fields = new URLSearchParams();
  let i = seed;
  for (const s of form.sections) for (const q of s.questions) fields.set(`${bodyCode}:${q.id}`, q.options[i++ % q.options.length]!.code);
  fields.set('action', 'submit');
  // The page states the form's context and its stamp; a browser posts them back with the answers.
  fields.set('campaign', 'bench');
  fields.set('body', bodyCode);
  fields.set('group', group);
  fields.set('stamp', stamp);
  return fields.toString();
}

async function seed(db: Awaited<ReturnType<typeof benchDatabase>>['db'], tokenSecret: string, count: number) {
  const campaigns = createCampaignsService({ db });
  await campaigns.create({ preset: '2023-province', id: 'bench', bodies: BODIES, listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
  const perBody = Math.ceil(count / BODIES.length);
  for (const bodyCode of BODIES) {
    const people = Array.from({ length: perBody }, (_, i) => {
      const email = `nguoi${i}.${bodyCode}@donvi${bodyCode}.gov.vn`;
      return { campaignId: 'bench', bodyCode, groupCode: GROUPS[i % GROUPS.length]!, fullName: `Người ${i}`, email, emailNorm: email, line: i + 2 };
    });
    await db.transaction(async (tx) => {
      for (let i = 0; i < people.length; i += 2000) await tx.insert(respondents).values(people.slice(i, i + 2000));
      await tx.update(campaignBodies).set({ listState: 'submitted', listSubmittedAt: sql`now()` }).where(sql`${campaignBodies.campaignId} = 'bench' and ${campaignBodies.code} = ${bodyCode}`);
      await issueInvitations(tx as never, { campaignId: 'bench', bodyCode, tokenSecret, mailDomain: 'bench.gov.vn' });
    });
  }
  const rows = await db.select({ id: invitations.id, version: invitations.version, group: invitations.groupCode, body: invitations.bodyCode }).from(invitations);
  const config = await campaigns.config('bench');
  // Respondents of every body answer at once, as they do in a round: spread the links (a fixed shuffle).
  for (let i = rows.length - 1, x = 7; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  // Each respondent loaded the form before (its stamp, as the page carries it) and now posts it back.
  const stamps = createFormStamp(tokenSecret);
  return rows.map((r, i) => {
    const token = linkToken(tokenSecret, r.id, r.version);
    const stamp = stamps.issue(tokenHash(token), { campaign: 'bench', body: r.body, group: r.group }, 0);
    return { token, body: answersFor(config, r.group, r.body, i, stamp) };
  });
}

/** Fills the box to MIX_TOTAL answers and mixes it: batches per second and the time a backlog of that size takes. */
async function mixerCost(db: Awaited<ReturnType<typeof benchDatabase>>['db'], tokenSecret: string) {
  const count = async (table: string) => Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);
  const boxed = await count('ballot_box');
  if (boxed === 0) throw new Error('no answer in the ballot box to mix');
  const expected = (await count('responses')) + Math.max(MIX_TOTAL, boxed);
  await db.execute(sql`insert into ballot_box (campaign_id, body_code, group_code, sealed)
    select campaign_id, body_code, group_code, sealed from ballot_box, generate_series(1, ${Math.ceil(MIX_TOTAL / boxed)}) limit ${Math.max(0, MIX_TOTAL - boxed)}`);
  const mixer = createMixer({ db, config: { tokenSecret } });
  const t0 = performance.now();
  const stats = await mixer.run();
  const seconds = (performance.now() - t0) / 1000;
  const held = await count('ballot_box');
  const t1 = performance.now();
  await mixer.run({ final: true });
  const finalSeconds = (performance.now() - t1) / 1000;
  if ((await count('responses')) !== expected) throw new Error('the mixer lost or duplicated answers');
  return { ...stats, seconds, held, finalSeconds };
}

async function startServer(url: string, secrets: { jwt: string; token: string }, pageBytes: number): Promise<{ child: ChildProcess; origin: string }> {
  const file = compiledScript(new URL('./lib/survey-server.ts', import.meta.url));
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), file], {
    env: { ...process.env, BENCH_SERVER_DB: url, BENCH_JWT_SECRET: secrets.jwt, BENCH_TOKEN_SECRET: secrets.token, BENCH_PAGE_BYTES: String(pageBytes), BENCH_POOL: '10' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => line.startsWith('READY ') && resolve(Number(line.slice(6))));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

const bench: Benchmark = {
  name: 'survey-submit',
  async run(): Promise<Figure[]> {
    const database = await benchDatabase(10);
    const secrets = { jwt: randomBytes(32).toString('base64url'), token: randomBytes(32).toString('base64url') };
    let server: ChildProcess | undefined;
    try {
      await database.db.execute(sql`create table bench_bare (id uuid primary key default gen_random_uuid(), campaign_id text not null,
        body_code text not null, group_code text not null, submitted_at timestamptz not null, answers jsonb not null)`);
      const links = await seed(database.db, secrets.token, SUBMITS + 300 + FIRST_OPENINGS + PROFILED);
      const pageLinks = links.splice(0, 300);
      const firstLinks = links.splice(0, FIRST_OPENINGS);
      const profiledLinks = links.splice(0, PROFILED);
      const started = await startServer(database.url, secrets, 24_000);
      server = started.child;
      const { origin } = started;

      // Pages: the server warmed up by opening the page links once (JIT, pool, prepared statements), then
      // links opened for the first time (the opening is written), then pages reopened by the same device (reads only).
      let w = 0;
      await load(origin, () => (w < pageLinks.length ? { method: 'GET', path: `/s/${pageLinks[w++]!.token}` } : undefined), 60);
      let i = 0;
      const firstOpen = summarise([await load(origin, () => (i < firstLinks.length ? { method: 'GET', path: `/s/${firstLinks[i++]!.token}` } : undefined), 60)]);
      let j = 0;
      const barePage: () => Req = () => ({ method: 'GET', path: '/bench/bare-page' });
      await load(origin, barePage, 1);
      const reopen = (): Req => ({ method: 'GET', path: `/s/${pageLinks[j++ % pageLinks.length]!.token}`, cookie: DEVICE_COOKIE });
      const pageRun = await alternate(origin, reopen, barePage, SECONDS);
      const pages = pageRun.subject;
      // The bare route looks up the same links as the pages, in turn (not one link over and over).
      let b = 0;
      const selectRun = await alternate(
        origin,
        reopen,
        () => ({ method: 'GET', path: `/bench/bare-select/${pageLinks[b++ % pageLinks.length]!.token}` }),
        SECONDS / 2,
      );

      // Submits: complete submissions of distinct invitations against a bare INSERT of the same size.
      const sample = links[0]!.body;
      let k = 0;
      const submitRun = await alternate(
        origin,
        () => (k < links.length ? { method: 'POST', path: `/s/${links[k++]!.token}`, body: links[k - 1]!.body } : undefined),
        () => ({ method: 'POST', path: '/bench/bare-insert', body: sample }),
        SECONDS,
      );
      const { subject: submits, baseline: bare } = submitRun;
      const pageBytes = firstOpen.bytes;

      const stored = Number(rowsOf<{ n: number }>(await database.db.execute(sql`select (select count(*) from responses) + (select count(*) from ballot_box) as n`))[0]!.n);
      const completed = Number(rowsOf<{ n: number }>(await database.db.execute(sql`select sum(completed)::int as n from progress_counters`))[0]!.n);
      console.log(
        `survey-submit: submits ${JSON.stringify(submits.codes)}, ${stored} responses stored, progress counts ${completed} completed; ` +
          `bare ${JSON.stringify(bare.codes)}; pages ${JSON.stringify(pages.codes)} (${pageBytes} bytes), first openings ${firstOpen.perSecond.toFixed(0)}/s; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
      );
      if (stored !== (submits.codes[200] ?? 0) || completed !== stored) throw new Error('answers stored do not match the submissions answered 200');
      // Where each path's time goes: each run alone, profiled.
      let p = 0;
      const profiledFirst = profiledLinks.splice(0, 2_500);
      const pids = rowsOf<{ pid: number }>(await database.db.execute(sql.raw(POSTGRES_PIDS_SQL))).map((r) => Number(r.pid));
      const costs = {
        'first opening': await profilePath(origin, pids, () => (p < profiledFirst.length ? { method: 'GET', path: `/s/${profiledFirst[p++]!.token}` } : undefined), 10),
        'form page': await profilePath(origin, pids, reopen, 2),
        'bare SELECT route': await profilePath(origin, pids, () => ({ method: 'GET', path: `/bench/bare-select/${pageLinks[j++ % pageLinks.length]!.token}` }), 2),
        submit: await profilePath(origin, pids, () => (profiledLinks.length ? ((l) => ({ method: 'POST' as const, path: `/s/${l.token}`, body: l.body }))(profiledLinks.pop()!) : undefined), 2),
        'bare INSERT route': await profilePath(origin, pids, () => ({ method: 'POST', path: '/bench/bare-insert', body: sample }), 2),
      };
      for (const [label, path] of Object.entries(costs)) printCosts(label, path);
      const mix = await mixerCost(database.db, secrets.token);
      console.log(`survey-submit: mixer ${mix.batches} batches (${mix.released} answers) in ${mix.seconds.toFixed(2)} s, ${mix.held} held back, deadline release ${mix.finalSeconds.toFixed(2)} s`);
      return [
        figure('survey submits per second (50 connections)', submits.perSecond, 'req/s'),
        figure('survey submit vs bare INSERT route', submits.perSecond, 'req/s', 'ratio >= 0.6', bare.perSecond),
        figure('survey submit p50', submits.p50, 'ms'),
        figure('survey submit p99 vs bare INSERT route p99', submits.p99, 'ms', 'ratio <= 2', bare.p99),
        figure('form pages per second (GET /s/:token)', pages.perSecond, 'req/s', null, pageRun.baseline.perSecond),
        figure('form pages vs bare indexed SELECT route', selectRun.subject.perSecond, 'req/s', 'ratio >= 0.7', selectRun.baseline.perSecond),
        figure('form page p99', pages.p99, 'ms'),
        figure('first openings per second (the opening written)', firstOpen.perSecond, 'req/s', '>= 1500'),
        figure('form page size', pageBytes / 1024, 'KB', '<= 60'),
        figure(`mixer batches per second (k = ${DEFAULT_K})`, mix.batches / mix.seconds, 'batch/s'),
        figure('mixer answers per second', mix.released / mix.seconds, 'answer/s'),
        figure(`delay to mix a backlog of ${MIX_TOTAL.toLocaleString('en')} answers into responses`, mix.seconds, 's', '<= 60'),
        figure('answers held back after mixing (at most 2k - 1 per cell until the deadline)', mix.held, 'answers'),
        figure('deadline release of every held answer', mix.finalSeconds, 's'),
      ];
    } finally {
      server?.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      await database.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
