import type { Command } from 'commander';
import { printJson, withContext } from '../../cli/context.js';
import { progressQuery } from './progress.schemas.js';

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function registerProgressCommands(program: Command) {
  program
    .command('progress')
    .description('Tiến độ khảo sát theo đơn vị và nhóm')
    .requiredOption('--campaign <id>', 'mã đợt')
    .option('--body <code>', 'chỉ một đơn vị')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { campaign: string; body?: string; json?: boolean }) => {
      const query = progressQuery.parse({ body: opts.body });
      const report = await withContext(({ services }) => services.progress.report(opts.campaign, null, query, false));
      if (opts.json) return printJson(report);
      const header = ['Đơn vị', 'Nhóm', 'Danh sách', 'Đã mời', 'Đã gửi tới', 'Trả lại', 'Đã mở', 'Đã trả lời', 'Tỷ lệ'];
      const rows: string[][] = [];
      for (const b of report.bodies) {
        for (const g of b.groups) rows.push([`${b.bodyCode} ${b.bodyName}`, g.groupCode, String(g.listed), String(g.invited), String(g.delivered), String(g.bounced), String(g.opened), String(g.completed), pct(g.completionRate)]);
      }
      const t = report.totals;
      rows.push(['Tổng', '', String(t.listed), String(t.invited), String(t.delivered), String(t.bounced), String(t.opened), String(t.completed), pct(t.completionRate)]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
      console.log(line(header));
      for (const r of rows) console.log(line(r));
    });
}
