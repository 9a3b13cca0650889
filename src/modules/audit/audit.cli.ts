import type { Command } from 'commander';
import { printJson, withContext } from '../../cli/context.js';
import { verifyAudit } from './audit.service.js';

export function registerAuditCommands(program: Command) {
  program
    .command('audit')
    .description('Nhật ký thao tác')
    .command('verify')
    .description('Kiểm tra nhật ký không bị sửa hay xóa (chuỗi băm)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { json?: boolean }) => {
      const check = await withContext(({ database }) => verifyAudit(database.db));
      if (opts.json) printJson(check);
      else if (check.ok) console.log(`Nhật ký toàn vẹn: ${check.entries} mục. Mã băm cuối: ${check.head}`);
      else console.log(`Nhật ký bị thay đổi: mục số ${check.seq} ${check.reason === 'edited' ? 'đã bị sửa' : 'không nối tiếp mục trước (có mục bị xóa hoặc chèn)'}. ${check.entries} mục đầu toàn vẹn.`);
      if (!check.ok) process.exitCode = 1;
    });
}
