// Invitations end to end (claim, personalise, send over pooled SMTP, record)
// into an smtp-server sink on loopback, against a bare loop that sends one
// pre-rendered message through the same kind of pooled transport to the same
// sink in the same process. Also: bytes per message and peak RSS.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createServices } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { campaignBodies, respondents } from '../../src/db/schema/index.js';
import { issueInvitations, mailDomain } from '../../src/modules/mail/invitations.service.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, sampleRss, type Benchmark } from './lib/report.js';

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

async function bareLoop(port: number, message: SendMailOptions, count: number) {
  const transport = nodemailer.createTransport({ pool: true, host: '127.0.0.1', port, secure: false, ignoreTLS: true, maxConnections: CONCURRENCY, maxMessages: Infinity, maxRequeues: 0 });
  const inflight = new Set<Promise<unknown>>();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    while (inflight.size >= CONCURRENCY * 2) await Promise.race(inflight);
    const p = transport.sendMail({ ...message, messageId: `<bare-${i}@localhost>` }).finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return count / seconds;
}

const mark = (label: string) => { const m = process.memoryUsage(); console.error(`${label}: rss ${(m.rss/1048576).toFixed(0)} heap ${(m.heapUsed/1048576).toFixed(0)}/${(m.heapTotal/1048576).toFixed(0)} ext ${(m.external/1048576).toFixed(0)} ab ${(m.arrayBuffers/1048576).toFixed(0)}`); };
const bench: Benchmark = {
  name: 'mail-send',
  async run() {
    const database = await benchDatabase(10);
    const sink = await startSink();
    const config = parseConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'par-bench-mail-')),
      JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), PUBLIC_BASE_URL: 'https://khaosat.example.gov.vn',
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_RATE: '100000', MAIL_CONCURRENCY: String(CONCURRENCY),
    });
    try {
      const services = createServices({ database, config });
      const campaignId = 'bench-mail';
      await services.campaigns.create({ preset: '2023-province', id: campaignId, bodies: BODIES, listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
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

      mark('seeded');
      const sample = await services.mail.preview({ campaignId, template: 'invitation' });
      const message = { from: config.mailFrom, to: { name: 'Nguyễn Thị Hồng', address: 'mau@tinh01.gov.vn' }, subject: sample.subject, html: sample.html, text: sample.text };
      mark('previewed');
      const rss = sampleRss();
      const ticker = setInterval(() => mark('tick'), 3000);
      // The bare loop runs before and after, halved each time, so that a change in
      // the machine's load during the run weighs on both sides alike.
      const bareBefore = await bareLoop(sink.port, message, Math.ceil(BASELINE_N / 2));
      mark('bare before');
      sink.stats.messages = 0;
      sink.stats.bytes = 0;

      const started = performance.now();
      const total = await services.mail.dispatch({ campaignId, untilIdle: true });
      const seconds = (performance.now() - started) / 1000;
      mark('dispatched');
      const received = { ...sink.stats };
      const bareAfter = await bareLoop(sink.port, message, Math.ceil(BASELINE_N / 2));
      const bare = (bareBefore + bareAfter) / 2;
      const peak = rss.stop();
      clearInterval(ticker);
      mark('bare after');
      await services.mail.close();
      if (total.sent !== N || received.messages !== N) throw new Error(`sent ${total.sent}, sink received ${received.messages}, expected ${N}`);
      const rate = N / seconds;
      return [
        figure(`invitations sent end to end (${N})`, rate, 'messages/s', '>= 600', bare),
        figure('ratio to bare pooled nodemailer', rate / bare, 'x', '>= 0.8'),
        figure('size of an invitation on the wire', received.bytes / N / 1024, 'KB'),
        figure('peak RSS', peak, 'MB', '<= 300'),
      ];
    } finally {
      await sink.close();
      await database.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
