import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CLI_ACTOR, printJson, withContext, type CliContext } from '../../cli/context.js';
import { startProgress } from '../../cli/progress.js';
import { pendingCount } from './mail.queries.js';
import { templateName } from './mail.schemas.js';

/** Runs a mail command and closes the transport (and the dev sink) afterwards. */
const withMail = <T>(run: (ctx: CliContext) => Promise<T>) =>
  withContext(async (ctx) => {
    try {
      return await run(ctx);
    } finally {
      await ctx.services.mail.close();
    }
  });

async function readRawStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function registerMailCommands(program: Command) {
  program
    .command('dispatch')
    .description('Gửi các thư đang chờ trong hàng đợi (thư mời, thư nhắc)')
    .option('--campaign <id>', 'chỉ thư của một đợt')
    .option('--until-idle', 'chạy đến khi không còn thư nào chờ gửi (kể cả thư đang chờ gửi lại)')
    .action(async (opts: { campaign?: string; untilIdle?: boolean }) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop).once('SIGTERM', stop);
      const total = await withMail(async ({ services, database }) => {
        const progress = startProgress('Gửi thư', await pendingCount(database.db, opts.campaign), { unit: 'thư' });
        const onBatch = (c: { sent: number; bounced: number; failed: number; cancelled: number }) => progress.tick(c.sent + c.bounced + c.failed + c.cancelled);
        try {
          return await services.mail.dispatch({ ...(opts.campaign ? { campaignId: opts.campaign } : {}), untilIdle: opts.untilIdle ?? false, signal: controller.signal, onBatch });
        } finally {
          progress.stop();
        }
      });
      console.log(`Đã gửi ${total.sent} thư; chờ gửi lại ${total.retried}; bị trả lại ${total.bounced}; thất bại ${total.failed}; bỏ qua ${total.cancelled}.`);
    });

  const mail = program.command('mail').description('Thư mời, thư nhắc và hàng đợi thư');

  mail
    .command('preview')
    .description('Ghi nội dung HTML của một mẫu thư để xem trước')
    .requiredOption('--campaign <id>', 'mã đợt')
    .requiredOption('--template <name>', 'invitation | reminder')
    .option('--body <code>', 'đơn vị dùng làm ví dụ')
    .option('--out <file>', 'tệp HTML (mặc định <template>.html)')
    .action(async (opts: { campaign: string; template: string; body?: string; out?: string }) => {
      const template = templateName.parse(opts.template);
      const out = opts.out ?? `${template}.html`;
      const mailText = await withMail(({ services }) => services.mail.preview({ campaignId: opts.campaign, template, ...(opts.body ? { bodyCode: opts.body } : {}) }));
      writeFileSync(out, mailText.html);
      console.log(`Tiêu đề: ${mailText.subject}\nĐã ghi ${out} (${Buffer.byteLength(mailText.html)} byte).`);
    });

  mail
    .command('remind')
    .description('Xếp hàng các đợt thư nhắc đã đến lịch')
    .option('--campaign <id>', 'mã đợt')
    .action(async (opts: { campaign?: string }) => {
      const result = await withMail(({ services }) => services.mail.remind(opts.campaign ? { campaignId: opts.campaign } : {}));
      if (result.rounds.length === 0) console.log('Chưa có đợt thư nhắc nào đến lịch.');
      for (const r of result.rounds) console.log(`${r.campaignId} ${r.label}: ${r.queued} thư nhắc.`);
    });

  mail
    .command('status')
    .description('Số thư theo loại và trạng thái')
    .requiredOption('--campaign <id>', 'mã đợt')
    .action(async (opts: { campaign: string }) => printJson(await withMail(({ services }) => services.mail.status({ campaignId: opts.campaign }))));

  mail
    .command('retry-failed')
    .description('Gửi lại các thư đã thất bại sau hết số lần thử')
    .requiredOption('--campaign <id>', 'mã đợt')
    .action(async (opts: { campaign: string }) => {
      const r = await withMail(({ services }) => services.mail.retryFailed({ campaignId: opts.campaign, actor: CLI_ACTOR }));
      console.log(`Đã xếp lại ${r.requeued} thư.`);
    });

  program
    .command('bounces')
    .description('Thư báo lỗi gửi (DSN)')
    .command('ingest')
    .description('Đọc một thư báo lỗi gửi (RFC 3464) từ đầu vào chuẩn: par-survey bounces ingest < thu.eml')
    .action(async () => {
      const raw = await readRawStdin();
      const r = await withMail(({ services }) => services.mail.ingestBounce(raw));
      console.log(r.bounced ? `Đã đánh dấu ${r.matched} thư bị trả lại (${r.status ?? 'không rõ mã'}).` : `Không đánh dấu thư nào (${r.status ?? 'không tìm thấy Message-ID của thư đã gửi'}).`);
    });
}
