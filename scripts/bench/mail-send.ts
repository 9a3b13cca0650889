// Invitations end to end (claim, personalise, send over pooled SMTP, record)
// into an smtp-server sink on loopback, against a bare loop that sends one
// pre-rendered message through the same kind of pooled transport to the same
// sink. Also: bytes per message and the sender's peak RSS.
//
// Where the memory goes (process.memoryUsage at each stage, the RSS added by
// importing each module through tsx, V8 heap space statistics with and without
// a forced GC; 10,000 to 50,000 invitations). The 370 MB once reported was not
// the sender's: the sender ran inside the benchmark's own process, after the
// seeding had grown its heap. In a process of its own, as `par-survey dispatch`
// runs it (the bare loop too, so neither shares a core with the sink), it then
// peaked near 270-300 MB: bare Node 39 MB, +35 MB for tsx (its loader hooks run
// on a thread of their own), +120 MB of code loaded, +35-45 MB of MJML kept
// after the first compilation, +50-75 MB while sending.
// The loaded code was mostly code the sender never ran: PGlite (about 40 MB
// resident, imported by the database client even on PostgreSQL), fastify with
// every route and page (about 40 MB, through the services living in app.ts and
// the CLI importing the server and the demo), and ExcelJS (about 20 MB). Each
// is now loaded by what uses it: src/db/pglite.ts when there is no
// DATABASE_URL, src/services.ts builds the services without the web server,
// `serve` and `demo` import it themselves, ExcelJS comes with the first
// workbook. MJML now runs in a worker thread that ends once the campaign's
// templates are compiled (mjml-render.ts): the process keeps only the HTML
// strings with their slots, and the worker, without tsx, compiles faster.
// Now (50,000 invitations): peak 210-225 MB, the sending stage's; the worker's
// transient peak is 205-210 MB. Its three costs, printed by each run: (1)
// sending, 65-75 MB, which is not live data (after a forced GC the heap is
// back to its pre-send size: one claimed batch of 500 rows, eight messages in
// flight) but V8's young generation (up to 3 x 16 MB semi-spaces) and the
// old-space headroom it grows before a major GC, fed by each message's HTML
// and MIME encoding; (2) the code loaded, about 60 MB over Node with tsx
// (drizzle, postgres.js, the schema, every service and command); (3) the
// compiled templates, about 10 MB. No V8 flag is set: the target is met
// without trading scavenges for memory. What was left was tsx itself: the same
// modules precompiled with tsc load in 86 MB against 125 MB through tsx. The
// sender now runs compiled, from dist/ (scripts/build.mjs), as `par-survey
// dispatch` does once built: peak 167 MB (was 228), code loaded 52 MB over
// bare Node (load 2-4).
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createServices } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { campaignBodies, respondents } from '../../src/db/schema/index.js';
import { issueInvitations, mailDomain } from '../../src/modules/mail/invitations.service.js';
import { compiledScript } from './lib/compiled.js';
import { benchDatabase } from './lib/database.js';
import { senderConfig } from './lib/mail-bench.js';
import { figure, runIfMain, type Benchmark } from './lib/report.js';
import type { Database } from '../../src/db/client.js';

const N = Number(process.env.BENCH_MAIL_N ?? 50_000);
const BASELINE_N = Math.min(N, Number(process.env.BENCH_MAIL_BASELINE_N ?? 10_000));
const CONCURRENCY = 4;
const BODIES = ['01', '02', '04', '06', '08'];

async function startSink() {
  const stats = { messages: 0, bytes: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      stream.on('data', (c: Buffer) => (stats.bytes += c.length));
      stream.on('end', () => {
        stats.messages++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, stats, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** What the sender process reports: its rate and its memory at each stage. */
type SenderRun = {
  sent: number;
  seconds: number;
  stageSeconds: { load: number; compile: number };
  baseMb: number;
  loadedMb: number;
  compiledMb: number;
  compilePeakMb: number;
  peakMb: number;
};

/**
 * Runs lib/mail-sender.ts: `dispatch`, the sender alone in a process as `par-survey
 * dispatch` runs it, or `bare`, the baseline loop in a process of its own too, so
 * that neither shares a core with the sink.
 */
function runChild<T>(mode: 'dispatch' | 'bare', url: string, smtpPort: number, campaignId: string, count = 0): Promise<T> {
  const args = [...(process.env.SENDER_NODE_FLAGS?.split(' ') ?? []), compiledScript(SENDER), mode, url, String(smtpPort), campaignId, String(CONCURRENCY), String(count)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T) : reject(new Error(`${mode} exited with ${code}: ${out}`))));
  });
}

const SENDER = new URL('./lib/mail-sender.ts', import.meta.url);

async function seed(database: Database, config: Config, campaignId: string) {
  const { campaigns } = createServices({ database, config });
  await campaigns.create({ preset: '2023-province', id: campaignId, bodies: BODIES, listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
  const perBody = Math.ceil(N / BODIES.length);
  for (const [b, bodyCode] of BODIES.entries()) {
    const count = Math.min(perBody, N - b * perBody);
    for (let i = 0; i < count; i += 5000) {
      const rows = Array.from({ length: Math.min(5000, count - i) }, (_, k) => {
        const email = `nguoi${i + k}.${bodyCode}@tinh${bodyCode}.gov.vn`;
        return { campaignId, bodyCode, groupCode: 'hdnd', fullName: `Nguyễn Thị Hồng ${i + k}`, email, emailNorm: email };
      });
      await database.db.insert(respondents).values(rows);
    }
    await database.db.update(campaignBodies).set({ listState: 'submitted', listSubmittedAt: sql`now()` }).where(sql`${campaignBodies.campaignId} = ${campaignId} and ${campaignBodies.code} = ${bodyCode}`);
    await database.db.transaction((tx) => issueInvitations(tx, { campaignId, bodyCode, tokenSecret: config.tokenSecret, mailDomain: mailDomain(config.mailFrom) }));
  }
}

const bench: Benchmark = {
  name: 'mail-send',
  async run() {
    const database = await benchDatabase(10);
    const sink = await startSink();
    const config = senderConfig(sink.port, CONCURRENCY);
    try {
      const campaignId = 'bench-mail';
      await seed(database, config, campaignId);
      // The bare loop runs before and after, halved each time, so that a change in
      // the machine's load during the run weighs on both sides alike.
      const bareBefore = (await runChild<{ rate: number }>('bare', database.url, sink.port, campaignId, Math.ceil(BASELINE_N / 2))).rate;
      sink.stats.messages = 0;
      sink.stats.bytes = 0;

      const run = await runChild<SenderRun>('dispatch', database.url, sink.port, campaignId);
      const received = { ...sink.stats };
      const bareAfter = (await runChild<{ rate: number }>('bare', database.url, sink.port, campaignId, Math.ceil(BASELINE_N / 2))).rate;
      const bare = (bareBefore + bareAfter) / 2;
      if (run.sent !== N || received.messages !== N) throw new Error(`sent ${run.sent}, sink received ${received.messages}, expected ${N}`);
      const rate = N / run.seconds;
      const costs = [
        ['code loaded (command line, services, drizzle, postgres.js)', run.loadedMb - run.baseMb],
        ['compiled templates kept (MJML itself ran in a worker, now ended)', run.compiledMb - run.loadedMb],
        ['sending (claimed batch, messages in flight, SMTP pool, garbage)', run.peakMb - run.compiledMb],
      ] as const;
      console.log(`Sender memory, top three costs above bare Node (${run.baseMb.toFixed(0)} MB), peak ${run.peakMb.toFixed(0)} MB:`);
      for (const [i, [what, mb]] of [...costs].sort((a, b) => b[1] - a[1]).entries()) console.log(`  ${i + 1}. ${what}: ${mb.toFixed(0)} MB`);
      console.log(`  (while MJML's worker ran, the process peaked at ${run.compilePeakMb.toFixed(0)} MB)`);
      const times = [
        ['sending', run.seconds],
        ['loading the code and opening the database', run.stageSeconds.load],
        ["compiling the campaign's templates (MJML worker)", run.stageSeconds.compile],
      ] as const;
      console.log('Sender time, top three costs:');
      for (const [i, [what, s]] of [...times].sort((a, b) => b[1] - a[1]).entries()) console.log(`  ${i + 1}. ${what}: ${s.toFixed(2)} s`);
      return [
        figure(`invitations sent end to end (${N})`, rate, 'messages/s', '>= 600', bare),
        figure('ratio to bare pooled nodemailer', rate / bare, 'x', '>= 0.8'),
        figure('size of an invitation on the wire', received.bytes / N / 1024, 'KB'),
        figure('peak RSS of the sender (own process)', run.peakMb, 'MB', '<= 250'),
        ...costs.map(([what, mb]) => figure(`sender memory: ${what}`, mb, 'MB')),
        figure('peak RSS while compiling templates (MJML worker)', run.compilePeakMb, 'MB', '<= 250'),
      ];
    } finally {
      await sink.close();
      await database.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
