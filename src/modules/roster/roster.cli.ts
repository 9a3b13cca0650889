import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CLI_ACTOR, withContext } from '../../cli/context.js';
import { AppError } from '../../errors.js';
import type { ImportReport } from './report.js';
import type { ImportProgress } from './roster.service.js';
import type { Issue } from './rows.js';

const SHOWN_PER_KIND = 3;
const fmt = (n: number) => n.toLocaleString('vi-VN');

/** Problems grouped by kind: the count of each and its first few lines, so 1,000 warnings read as a few lines. */
function issueLines(out: string[], label: string, issues: readonly Issue[], full: boolean) {
  const kinds = new Map<string, Issue[]>();
  for (const issue of issues) kinds.set(issue.code, [...(kinds.get(issue.code) ?? []), issue]);
  for (const list of kinds.values()) {
    const shown = full ? list : list.slice(0, SHOWN_PER_KIND);
    if (!full && list.length > 1) out.push(`${label} ${fmt(list.length)} dòng cùng loại, ví dụ:`);
    for (const issue of shown) out.push(`${label} ${issue.message}`);
    if (shown.length < list.length) out.push(`${label} … và ${fmt(list.length - shown.length)} dòng khác cùng loại.`);
  }
}

function reportLines(report: ImportReport, dryRun: boolean, full: boolean): string[] {
  const out: string[] = [];
  const stored = report.errors.length === 0 && !dryRun;
  const source = report.encoding === 'xlsx' ? 'tệp Excel' : `mã hóa: ${report.encoding}, phân cách: ${report.delimiter}`;
  out.push(`Đọc ${source}, ${fmt(report.rows)} dòng dữ liệu.`);
  issueLines(out, 'LỖI     ', report.errors, full);
  issueLines(out, 'Cảnh báo', report.warnings, full);
  const merges = report.merges.flatMap((m) => m.dropped.map((d) => `Gộp      ${d.name} (${d.group}${d.line ? `, dòng ${d.line}` : ''}) vào ${m.kept.name} (${m.kept.group}${m.kept.line ? `, dòng ${m.kept.line}` : ''}): ${d.reasonText}`));
  out.push(...(full ? merges : merges.slice(0, SHOWN_PER_KIND)));
  if (!full && merges.length > SHOWN_PER_KIND) out.push(`Gộp      … và ${fmt(merges.length - SHOWN_PER_KIND)} mục trùng khác.`);
  if (report.errors.length > 0) out.push(`Có ${fmt(report.errors.length)} lỗi: chưa lưu gì.`);
  else out.push(`${stored ? 'Đã nhập' : 'Kiểm tra xong (chưa lưu)'}: ${fmt(report.imported)} người, ${fmt(report.merged)} mục trùng được gộp, ${fmt(report.warnings.length)} cảnh báo.`);
  return out;
}

/** The summary on the terminal; with `--report`, every line into that file. */
async function printReport(report: ImportReport, dryRun: boolean, reportFile: string | undefined) {
  for (const line of reportLines(report, dryRun, false)) console.log(line);
  if (!reportFile) {
    if (report.warnings.length + report.errors.length + report.merges.length > SHOWN_PER_KIND) console.log('Xem báo cáo đầy đủ: thêm --report <tệp>.');
    return;
  }
  const full = reportFile.endsWith('.json') ? JSON.stringify(report, null, 2) : reportLines(report, dryRun, true).join('\n');
  await writeFile(reportFile, `${full}\n`);
  console.log(`Đã ghi báo cáo đầy đủ vào ${reportFile}.`);
}

/** A progress line on a terminal (never in a pipe or a test's output). */
function progress(p: ImportProgress) {
  if (!process.stderr.isTTY) return;
  const text = p.stage === 'checked' ? `Đã đọc và kiểm tra ${fmt(p.rows)} dòng.` : `Đang đọc và lưu: ${fmt(p.done)} người`;
  process.stderr.write(`\r${text}\x1b[K${p.stage === 'checked' ? '\n' : ''}`);
}

export function registerRosterCommands(program: Command) {
  program
    .command('import')
    .description('Nhập danh sách người được khảo sát của một đơn vị từ tệp CSV hoặc Excel (.xlsx)')
    .requiredOption('--campaign <id>', 'mã đợt')
    .requiredOption('--body <code>', 'mã đơn vị, ví dụ 22')
    .option('--group <group>', 'nhóm đối tượng (bỏ qua nếu tệp có cột Nhóm)')
    .option('--sheet <trang>', 'trang tính của tệp Excel, theo tên hoặc số thứ tự (mặc định trang đầu)')
    .option('--dry-run', 'chỉ kiểm tra, không lưu')
    .option('--report <tệp>', 'ghi báo cáo đầy đủ (mọi lỗi, cảnh báo, mục gộp) vào tệp; .json để ghi dạng JSON')
    .option('--json', 'in báo cáo dạng JSON')
    .argument('<file>', 'tệp CSV hoặc Excel (.xlsx)')
    .action(async (file: string, opts: { campaign: string; body: string; group?: string; sheet?: string; dryRun?: boolean; json?: boolean; report?: string }) => {
      const bytes = await readFile(file).catch(() => {
        throw new AppError('file_missing', 422, `Không đọc được tệp "${file}".`);
      });
      const report = await withContext(({ services }) =>
        services.roster.importCsv({ campaignId: opts.campaign, bodyCode: opts.body, group: opts.group, bytes, dryRun: opts.dryRun === true, actor: CLI_ACTOR, fileName: basename(file), sheet: opts.sheet, onProgress: progress }),
      );
      if (opts.json) {
        const { imported, merged, warnings, errors, merges } = report;
        process.stdout.write(`${JSON.stringify({ imported, merged, warnings, errors, merges })}\n`);
      } else await printReport(report, opts.dryRun === true, opts.report);
      if (report.errors.length > 0) process.exitCode = 1;
    });

  program
    .command('roster')
    .description('Danh sách người được khảo sát của một đơn vị, theo nhóm')
    .requiredOption('--campaign <id>', 'mã đợt')
    .requiredOption('--body <code>', 'mã đơn vị')
    .option('--json', 'mỗi người một dòng JSON')
    .action(async (opts: { campaign: string; body: string; json?: boolean }) => {
      const list = await withContext(({ services }) => services.roster.list({ campaignId: opts.campaign, bodyCode: opts.body }));
      if (opts.json) {
        for (const g of list.groups) {
          for (const p of g.respondents) {
            process.stdout.write(`${JSON.stringify({ name: p.name, email: p.email, phone: p.phone, organisation: p.organisation, position: p.position, group: p.group })}\n`);
          }
        }
        return;
      }
      console.log(`${list.bodyName} — ${list.listState === 'submitted' ? 'đã gửi' : 'chưa gửi'}, ${list.total} người (hạn ${list.listDeadline.text})`);
      for (const g of list.groups) {
        console.log(`\n${g.name} (${g.code}): ${g.count} người`);
        for (const p of g.respondents) console.log(`  ${p.name} · ${p.email}${p.phone ? ` · ${p.phone}` : ''}${p.organisation ? ` · ${p.organisation}` : ''}`);
      }
      if (list.merges.length) console.log(`\nGộp trùng:`);
      for (const m of list.merges) console.log(`  ${m.message} (${m.dropped.map((d) => `${d.group}: ${d.reasonText}`).join('; ')})`);
      if (list.warnings.length) console.log(`\nCảnh báo:`);
      for (const w of list.warnings) console.log(`  ${w.message}`);
    });
}
