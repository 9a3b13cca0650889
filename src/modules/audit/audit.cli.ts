import type { Command } from 'commander';
import { printJson, withContext } from '../../cli/context.js';
import { AppError } from '../../errors.js';
import { currentCheckpoint, verifyAudit, type AuditCheck } from './audit.service.js';
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint.js';

const PROBLEMS: Record<string, string> = {
  edited: 'đã bị sửa',
  removed_or_reordered: 'không nối tiếp mục trước (có mục bị xóa hoặc chèn)',
  checkpoint_missing: 'Không tìm thấy dấu kiểm có chữ ký của nhật ký: có thể nhật ký đã bị xóa bớt cùng dấu kiểm.',
  checkpoint_forged: 'Chữ ký của dấu kiểm không đúng: dấu kiểm đã bị sửa, hoặc TOKEN_SECRET khác với lúc ký.',
  truncated_or_rewritten: 'Nhật ký không còn chứa mục cuối đã được ký: các mục cuối đã bị xóa, hoặc nhật ký bị viết lại và tính lại mã băm.',
  unsigned_entries: 'Có mục được ghi sau dấu kiểm mà không được ký: nhật ký đã bị ghi thêm ngoài phần mềm.',
};

function describe(check: AuditCheck): string {
  if (check.ok) return `Nhật ký toàn vẹn: ${check.entries} mục. Mã băm cuối: ${check.head}`;
  if ('seq' in check) return `Nhật ký bị thay đổi: mục số ${check.seq} ${PROBLEMS[check.reason]}. ${check.entries} mục đầu toàn vẹn.`;
  return `Nhật ký bị thay đổi${check.kept ? ' (so với dấu kiểm bạn giữ)' : ''}: ${PROBLEMS[check.reason]}`;
}

function keptCheckpoints(lines: string[]): Checkpoint[] {
  return lines.map((line) => {
    const parsed = parseCheckpoint(line);
    if (!parsed) throw new AppError('bad_checkpoint', 422, `Dấu kiểm "${line.slice(0, 40)}" không đúng dạng par-audit-v1:<số mục>:<mã băm>:<chữ ký>.`);
    return parsed;
  });
}

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('Nhật ký thao tác');
  audit
    .command('verify')
    .description('Kiểm tra nhật ký không bị sửa, xóa hay cắt bớt (chuỗi băm và dấu kiểm có chữ ký)')
    .option('--checkpoint <dấu-kiểm...>', 'dấu kiểm đã in ra và cất giữ trước đây (par-survey audit checkpoint)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { json?: boolean; checkpoint?: string[] }) => {
      const kept = keptCheckpoints(opts.checkpoint ?? []);
      const check = await withContext(({ database, config }) => verifyAudit(database.db, { secret: config.tokenSecret, kept }));
      if (opts.json) printJson(check);
      else console.log(describe(check));
      if (!check.ok) process.exitCode = 1;
    });
  audit
    .command('checkpoint')
    .description('In dấu kiểm có chữ ký của nhật ký hiện tại, để cất giữ ngoài cơ sở dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { json?: boolean }) => {
      const { check, checkpoint } = await withContext(({ database, config }) => currentCheckpoint(database.db, config.tokenSecret));
      if (!check.ok) {
        console.log(describe(check));
        process.exitCode = 1;
      } else if (opts.json) printJson({ entries: check.entries, checkpoint: checkpoint && formatCheckpoint(checkpoint) });
      else if (!checkpoint) console.log('Nhật ký chưa có mục nào.');
      else console.log(`${formatCheckpoint(checkpoint)}\nDấu kiểm của ${check.entries} mục. Hãy cất dòng trên ở nơi khác (sổ sách, thư), rồi dùng: par-survey audit verify --checkpoint <dòng đó>`);
    });
}
