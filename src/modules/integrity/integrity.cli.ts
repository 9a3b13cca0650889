import type { Command } from 'commander';
import { CLI_ACTOR, printJson, withContext } from '../../cli/context.js';
import { trackProgress } from '../../cli/progress.js';
import { invalid } from '../../errors.js';
import { decisionBody, flagsQuery } from './integrity.schemas.js';
import type { FlagView } from './integrity.schemas.js';

function printFlags(flags: FlagView[]) {
  if (flags.length === 0) return console.log('Không có cảnh báo.');
  for (const f of flags) console.log(`${f.id}  ${f.bodyCode}  ${f.severity.padEnd(6)}  ${f.status.padEnd(9)}  ${f.rule}: ${String(f.evidence.summary ?? '')}`);
}

async function run(opts: { campaign: string; body?: string[]; changed?: boolean; json?: boolean }) {
  const stats = await withContext(async ({ services }) => {
    const progress = trackProgress('Kiểm tra can thiệp', 'đơn vị');
    const onBody = progress.onProgress;
    const s = await (opts.changed ? services.integrity.runChanged({ campaignId: opts.campaign, onBody }) : services.integrity.scan({ campaignId: opts.campaign, bodies: opts.body, onBody })).finally(() => progress.stop());
    const open = await services.integrity.listFlags(opts.campaign, flagsQuery.parse({ status: 'open', limit: 500 }));
    return { ...s, openFlags: open.flags };
  });
  if (opts.json) return printJson(stats);
  console.log(`Đã kiểm tra ${stats.bodies} đơn vị, ${stats.responses} phiếu trong ${stats.ms} ms: ${stats.flags} phát hiện, ${stats.open} cảnh báo đang chờ xử lý.`);
  printFlags(stats.openFlags);
}

export function registerIntegrityCommands(program: Command) {
  const integrity = program
    .command('integrity')
    .description('Phát hiện can thiệp trái quy định: chạy các quy tắc, xem và xử lý cảnh báo');

  integrity
    .command('run', { isDefault: true })
    .description('Chạy các quy tắc phát hiện trên cả đợt hoặc một số đơn vị (mặc định: par-survey integrity --campaign ID)')
    .requiredOption('--campaign <id>', 'mã đợt')
    .option('--body <code...>', 'chỉ các đơn vị này')
    .option('--changed', 'chỉ các đơn vị có dữ liệu mới kể từ lần chạy trước')
    .option('--json', 'in kết quả dạng JSON')
    .action(run);

  integrity
    .command('flags')
    .description('Liệt kê cảnh báo theo đơn vị và mức độ, kèm bằng chứng')
    .requiredOption('--campaign <id>', 'mã đợt')
    .option('--status <status>', 'open | dismissed | confirmed')
    .option('--body <code>', 'chỉ một đơn vị')
    .option('--rule <rule>', 'chỉ một quy tắc')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { campaign: string; status?: string; body?: string; rule?: string; json?: boolean }) => {
      const query = flagsQuery.safeParse({ status: opts.status, body: opts.body, rule: opts.rule, limit: 500 });
      if (!query.success) throw invalid(`Bộ lọc không hợp lệ: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
      const list = await withContext(({ services }) => services.integrity.listFlags(opts.campaign, query.data));
      if (opts.json) return printJson(list);
      printFlags(list.flags);
    });

  integrity
    .command('decide')
    .description('Quyết định về một cảnh báo: bỏ qua, hủy các phiếu trong bằng chứng, hoặc hủy kết quả cả đơn vị')
    .requiredOption('--campaign <id>', 'mã đợt')
    .requiredOption('--flag <id>', 'mã cảnh báo')
    .requiredOption('--decision <decision>', 'dismiss | void_responses | void_body')
    .requiredOption('--reason <text>', 'lý do (ghi vào nhật ký kiểm toán)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { campaign: string; flag: string; decision: string; reason: string; json?: boolean }) => {
      const input = decisionBody.safeParse({ decision: opts.decision, reason: opts.reason });
      if (!input.success) throw invalid(`Quyết định không hợp lệ: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
      const result = await withContext(({ services }) => services.integrity.decide(opts.campaign, opts.flag, input.data, CLI_ACTOR));
      if (opts.json) return printJson(result);
      console.log(`Đã ghi nhận: ${result.flag.status} (${result.flag.decision}); ${result.voidedResponses} phiếu bị hủy${result.bodyVoided ? ', kết quả cả đơn vị bị hủy' : ''}.`);
    });
}
