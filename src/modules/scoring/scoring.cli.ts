import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { CLI_ACTOR, printJson, withContext } from '../../cli/context.js';
import { startProgress } from '../../cli/progress.js';
import { AppError, invalid } from '../../errors.js';
import type { ScoringService } from './scoring.service.js';

type ExportOptions = { campaign: string; format: string; out?: string; bom?: boolean; verify?: boolean };

/** Writes the export to a file (or stdout) and answers the SHA-256 of the bytes written. */
async function writeExport(scoring: ScoringService, opts: ExportOptions): Promise<{ sha256: string; inputDigest: string; generatedAt: string; sealVersion: number | null }> {
  if (opts.format !== 'csv' && opts.format !== 'json') throw invalid('Định dạng xuất phải là csv hoặc json.', [{ field: 'format', message: opts.format }]);
  const progress = startProgress('Xuất điểm', 0, { unit: 'byte' });
  const out = await scoring.exportScores({ campaignId: opts.campaign, format: opts.format, bom: opts.bom ?? false }).catch((error: unknown) => {
    progress.stop();
    throw error;
  });
  const hash = createHash('sha256');
  const file = opts.out ? createWriteStream(opts.out) : null;
  for (const chunk of out.chunks) {
    progress.tick(Buffer.byteLength(chunk));
    hash.update(chunk);
    if (file) {
      if (!file.write(chunk)) await once(file, 'drain');
    } else process.stdout.write(chunk);
  }
  if (file) {
    file.end();
    await once(file, 'finish');
  }
  progress.stop();
  return { sha256: hash.digest('hex'), inputDigest: out.inputDigest, generatedAt: out.generatedAt, sealVersion: out.sealVersion };
}

async function verify(scoring: ScoringService, campaign: string, json?: boolean, log: (line: string) => void = console.log) {
  const result = await scoring.verify(campaign);
  if (json) printJson(result);
  else if (result.matches) log(`Dữ liệu không thay đổi từ khi niêm phong (${result.sealedAt.toISOString()}).\n  SHA-256: ${result.sealedDigest}`);
  if (!result.matches) {
    throw new AppError('seal_mismatch', 409, `Dữ liệu đã thay đổi sau khi niêm phong.\n  SHA-256 niêm phong: ${result.sealedDigest}\n  SHA-256 hiện tại:   ${result.currentDigest}`);
  }
}

function defineExport(parent: Command) {
  parent
    .command('export')
    .description('Xuất điểm theo đơn vị được đánh giá, tiêu chí thành phần và nhóm (CSV hoặc JSON)')
    .requiredOption('--campaign <id>', 'mã đợt')
    .option('--format <format>', 'csv hoặc json', 'csv')
    .option('--out <file>', 'ghi ra tệp (mặc định in ra màn hình)')
    .option('--bom', 'thêm BOM UTF-8 để Excel đọc đúng tiếng Việt')
    .option('--verify', 'kiểm tra trước rằng dữ liệu không đổi từ khi niêm phong')
    .action(async (opts: ExportOptions) => {
      await withContext(async ({ services }) => {
        if (opts.verify) await verify(services.scoring, opts.campaign, false, (line) => process.stderr.write(`${line}\n`));
        const { sha256, inputDigest, generatedAt, sealVersion } = await writeExport(services.scoring, opts);
        const basis = sealVersion ? `bản niêm phong phiên bản ${sealVersion}` : 'tạm tính từ dữ liệu hiện tại (chưa niêm phong)';
        if (opts.out) console.log(`Đã ghi ${opts.out} (${basis})\n  SHA-256 của tệp: ${sha256}\n  SHA-256 dữ liệu đầu vào: ${inputDigest}\n  Thời điểm xuất: ${generatedAt}`);
      });
    });
}

export function registerScoringCommands(program: Command) {
  const scores = program.command('scores').description('Điểm điều tra xã hội học cho phần mềm tính Chỉ số CCHC');

  // `par-survey export` is the short name the index calculator's operators use.
  for (const parent of [scores, program]) defineExport(parent);

  scores
    .command('verify')
    .description('Tính lại mã SHA-256 của dữ liệu đầu vào và so với bản niêm phong')
    .requiredOption('--campaign <id>', 'mã đợt')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { campaign: string; json?: boolean }) => {
      await withContext(({ services }) => verify(services.scoring, opts.campaign, opts.json));
    });

  scores
    .command('seal')
    .description('Niêm phong dữ liệu sau khi hết hạn trả lời phiếu (ghi vào nhật ký)')
    .requiredOption('--campaign <id>', 'mã đợt')
    .action(async (opts: { campaign: string }) => {
      const seal = await withContext(({ services }) => services.scoring.seal(opts.campaign, CLI_ACTOR));
      console.log(`Đã niêm phong đợt ${seal.campaignId} (phiên bản ${seal.version}): ${seal.responses} phiếu, phương án điểm ${seal.schemeVersion}.\n  SHA-256: ${seal.digest}`);
    });

  scores
    .command('unseal')
    .description('Mở niêm phong để thực hiện một thay đổi đã quyết định (ghi lý do vào nhật ký); niêm phong lại tạo phiên bản mới')
    .requiredOption('--campaign <id>', 'mã đợt')
    .requiredOption('--reason <text>', 'lý do mở niêm phong')
    .action(async (opts: { campaign: string; reason: string }) => {
      const done = await withContext(({ services }) => services.scoring.unseal(opts.campaign, CLI_ACTOR, opts.reason));
      console.log(`Đã mở niêm phong phiên bản ${done.version} của đợt ${done.campaignId}. Niêm phong lại sau khi thay đổi để tạo phiên bản ${done.version + 1}.`);
    });

  scores
    .command('publish')
    .description('Công bố: mỗi đơn vị xem được điểm của mình')
    .requiredOption('--campaign <id>', 'mã đợt')
    .action(async (opts: { campaign: string }) => {
      const published = await withContext(({ services }) => services.scoring.publish(opts.campaign, CLI_ACTOR));
      console.log(`Đã công bố kết quả đợt ${published.campaignId} (SHA-256 ${published.digest}).`);
    });
}
