import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CLI_ACTOR, withContext } from '../../cli/context.js';
import { AppError } from '../../errors.js';
import type { ImportReport } from './report.js';

function printReport(report: ImportReport, dryRun: boolean) {
  const stored = report.errors.length === 0 && !dryRun;
  console.log(`Mã hóa: ${report.encoding}, phân cách: ${report.delimiter}, ${report.rows} dòng dữ liệu.`);
  for (const e of report.errors) console.log(`LỖI      ${e.message}`);
  for (const w of report.warnings) console.log(`Cảnh báo ${w.message}`);
  for (const m of report.merges) {
    for (const d of m.dropped) console.log(`Gộp      ${d.name} (${d.group}${d.line ? `, dòng ${d.line}` : ''}) vào ${m.kept.name} (${m.kept.group}${m.kept.line ? `, dòng ${m.kept.line}` : ''}): ${d.reasonText}`);
  }
  if (report.errors.length > 0) console.log(`Có ${report.errors.length} lỗi: chưa lưu gì.`);
  else console.log(`${stored ? 'Đã nhập' : 'Kiểm tra xong (chưa lưu)'}: ${report.imported} người, ${report.merged} mục trùng được gộp.`);
}

export function registerRosterCommands(program: Command) {
  program
    .command('import')
    .description('Nhập danh sách người được khảo sát của một đơn vị từ tệp CSV')
    .requiredOption('--campaign <id>', 'mã đợt')
    .requiredOption('--body <code>', 'mã đơn vị, ví dụ 22')
    .option('--group <group>', 'nhóm đối tượng (bỏ qua nếu tệp có cột Nhóm)')
    .option('--dry-run', 'chỉ kiểm tra, không lưu')
    .option('--json', 'in báo cáo dạng JSON')
    .argument('<file>', 'tệp CSV')
    .action(async (file: string, opts: { campaign: string; body: string; group?: string; dryRun?: boolean; json?: boolean }) => {
      const bytes = await readFile(file).catch(() => {
        throw new AppError('file_missing', 422, `Không đọc được tệp "${file}".`);
      });
      const report = await withContext(({ services }) =>
        services.roster.importCsv({ campaignId: opts.campaign, bodyCode: opts.body, group: opts.group, bytes, dryRun: opts.dryRun === true, actor: CLI_ACTOR, fileName: basename(file) }),
      );
      if (opts.json) {
        const { imported, merged, warnings, errors, merges } = report;
        process.stdout.write(`${JSON.stringify({ imported, merged, warnings, errors, merges })}\n`);
      } else printReport(report, opts.dryRun === true);
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
