// `par-survey demo`: the main job end to end on the embedded defaults, in a
// fresh folder: campaign and accounts, lists imported and submitted through the
// roster service, invitations sent over SMTP to the loopback sink, respondents
// answering over HTTP (one province with planted interference), the
// interference rules, and the score export — then a summary.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { freePort } from './port.js';
import { step } from './bars.js';
import { deliveryFailure, readMailbox } from './mailbox.js';
import { seededRandom } from './people.js';
import { answer, ownDevice, pool, SHARED_DEVICE, type Respondent } from './respondent.js';
import { createDemoCampaign, DEMO_CAMPAIGN, demoTotals, domainOf, PLANTED_BODY, writeLists, type DemoAccounts, type DemoSize } from './setup.js';

export type DemoOptions = { dataDir?: string; size?: DemoSize; serve?: boolean; port?: number; out?: NodeJS.WriteStream };

export type DemoResult = {
  dir: string;
  config: Config;
  accounts: DemoAccounts;
  totals: Awaited<ReturnType<typeof demoTotals>>;
  imported: number;
  importErrors: number;
  submitted: number;
  scoreFile: string;
  /** Set with `serve`: the running app; close it to stop. */
  app?: FastifyInstance;
  close(): Promise<void>;
};

type Ctx = { app: FastifyInstance; config: Config; database: Database; services: Services; dir: string; out: NodeJS.WriteStream };

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const out = options.out ?? process.stdout;
  const size = options.size ?? 'normal';
  const base = loadConfig(options.dataDir ? { DATA_DIR: options.dataDir } : {}).dataDir;
  const dir = join(base, `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const config = loadConfig({
    DATA_DIR: dir,
    DATABASE_URL: '',
    SMTP_URL: '',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    TRUST_PROXY: '127.0.0.1',
    MAIL_RATE: '2000',
    MAIL_CONCURRENCY: '4',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  });
  const database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  const services = createServices({ database, config });
  out.write(`Thư mục dữ liệu của bản chạy thử: ${dir}\n`);
  let app = await buildApp({ database, config, logger: false });
  await app.listen({ host: config.host, port: config.port });
  const ctx: Ctx = { app, config, database, services, dir, out };

  const setup = step('Tạo đợt khảo sát và tài khoản', 1, out);
  const { bodies, accounts } = await createDemoCampaign(services, size);
  setup.done(`${bodies.length} tỉnh, 1 quản trị, ${accounts.bodies.length} tài khoản đơn vị`);

  const lists = await writeLists(join(dir, 'lists'), bodies, size);
  const { imported, importErrors, submitted } = await importAndSubmit(ctx, lists);
  await dispatch(ctx);
  const links = await bounceAndCollect(ctx, bodies);
  await respond(ctx, links);
  await mixAtDeadline(ctx);
  await checkIntegrity(ctx);
  const scoreFile = await exportScores(ctx);

  const totals = await demoTotals(database.db, DEMO_CAMPAIGN);
  await services.mail.close();
  if (options.serve) {
    await app.close();
    app = await buildApp({ database, config, jobs: true, logger: false });
    await app.listen({ host: config.host, port: config.port });
  }
  const close = async () => {
    await app.close();
    await database.close();
  };
  if (!options.serve) await close();
  return { dir, config, accounts, totals, imported, importErrors, submitted, scoreFile, ...(options.serve ? { app } : {}), close };
}

async function importAndSubmit(ctx: Ctx, lists: { bodyCode: string; file: string; rows: number }[]) {
  const bar = step('Nhập và gửi danh sách', lists.reduce((s, l) => s + l.rows, 0), ctx.out);
  let imported = 0;
  let importErrors = 0;
  let submitted = 0;
  for (const list of lists) {
    const actor = `sonv${list.bodyCode}`;
    const bytes = await readFile(list.file);
    const report = await ctx.services.roster.importCsv({ campaignId: DEMO_CAMPAIGN, bodyCode: list.bodyCode, bytes, dryRun: false, actor, fileName: basename(list.file) });
    imported += report.imported;
    importErrors += report.errors.length;
    bar.tick(list.rows);
    await ctx.services.roster.submit({ campaignId: DEMO_CAMPAIGN, bodyCode: list.bodyCode, actor });
    submitted++;
  }
  bar.done(`${submitted} danh sách, ${imported} người, ${importErrors} dòng lỗi`);
  return { imported, importErrors, submitted };
}

async function dispatch(ctx: Ctx) {
  const start = await demoTotals(ctx.database.db, DEMO_CAMPAIGN);
  const bar = step('Gửi thư mời qua SMTP', start.queued, ctx.out);
  const deadline = Date.now() + 60_000;
  let totals = start;
  while (totals.queued > 0 && Date.now() < deadline) {
    await ctx.services.mail.sendPending({ limit: 100 });
    const now = await demoTotals(ctx.database.db, DEMO_CAMPAIGN);
    bar.tick(now.sent - totals.sent);
    totals = now;
    if (totals.queued > 0) await new Promise((r) => setTimeout(r, 50));
  }
  bar.done(`${totals.sent} thư đã gửi, ${totals.queued} còn chờ`);
}

async function bounceAndCollect(ctx: Ctx, bodies: { code: string; name: string }[]): Promise<{ link: string; bodyCode: string }[]> {
  const mails = await readMailbox(join(ctx.config.dataDir, 'mail'));
  const bad = mails.filter((m) => m.to.startsWith('khongtontai.'));
  if (bad.length) {
    const bar = step('Thư báo lỗi từ hộp thư không tồn tại', bad.length, ctx.out);
    for (const m of bad) {
      await ctx.services.mail.ingestBounce(deliveryFailure(m, 'localhost'));
      bar.tick();
    }
    bar.done(`${bad.length} thư báo lỗi đã xử lý`);
  }
  const bodyOfDomain = new Map(bodies.map((b) => [domainOf(b.name), b.code]));
  return mails
    .filter((m) => m.link && !m.to.startsWith('khongtontai.'))
    .map((m) => ({ link: m.link!, bodyCode: bodyOfDomain.get(m.to.slice(m.to.indexOf('@') + 1)) ?? '' }));
}

async function respond(ctx: Ctx, links: { link: string; bodyCode: string }[]) {
  const random = seededRandom(2023);
  const planted: Respondent[] = [];
  const honest: Respondent[] = [];
  for (const l of links) {
    if (l.bodyCode === PLANTED_BODY && random() < 0.6) planted.push({ link: l.link, device: SHARED_DEVICE, style: 'planted', thinkMs: 0, random });
    else if (random() < (l.bodyCode === PLANTED_BODY ? 0.4 : 0.85)) honest.push({ link: l.link, device: ownDevice(random), style: 'honest', thinkMs: 1500 + Math.floor(random() * 2500), random });
  }
  const bar = step('Người được khảo sát trả lời qua HTTP', planted.length + honest.length, ctx.out);
  let ok = 0;
  let failed = 0;
  const tally = (o: { status: string }) => {
    if (o.status === 'submitted') ok++;
    else failed++;
    bar.tick();
  };
  await Promise.all([pool(honest, 64, answer, tally), pool(planted, 1, answer, tally)]);
  bar.done(`${ok} phiếu đã nộp (${planted.length} do một máy nộp hàng loạt ở tỉnh ${PLANTED_BODY}), ${failed} không nộp được`);
}

/** What the deadline does: the mixer releases every answer still in the ballot box, cell by cell. */
async function mixAtDeadline(ctx: Ctx) {
  const bar = step('Trộn phiếu trong hòm phiếu khi hết hạn', 1, ctx.out);
  const { batches, released } = await ctx.services.mixer.run({ final: true, campaignId: DEMO_CAMPAIGN });
  bar.tick();
  bar.done(`${released} phiếu chuyển vào kết quả trong ${batches} lô`);
}

async function checkIntegrity(ctx: Ctx) {
  const bar = step('Kiểm tra can thiệp', 1, ctx.out);
  const flags = await ctx.services.integrity.run({ campaignId: DEMO_CAMPAIGN });
  bar.tick();
  const byBody = new Map<string, string[]>();
  for (const f of flags) byBody.set(f.bodyCode, [...(byBody.get(f.bodyCode) ?? []), f.rule]);
  const lines = [...byBody].sort().map(([b, rules]) => `\n    tỉnh ${b}: ${rules.join(', ')}`).join('');
  bar.done(`${flags.length} dấu hiệu để Bộ Nội vụ xem xét${lines}`);
}

async function exportScores(ctx: Ctx): Promise<string> {
  const bar = step('Xuất điểm', 1, ctx.out);
  const out = await ctx.services.scoring.exportScores({ campaignId: DEMO_CAMPAIGN, format: 'csv', bom: true });
  const file = join(ctx.dir, out.fileName);
  await pipeline(Readable.from(out.chunks), createWriteStream(file));
  bar.tick();
  bar.done(file);
  return file;
}
