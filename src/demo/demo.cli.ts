// `par-survey demo [--serve] [--small]`: runs the main job end to end on the
// embedded defaults and prints what happened; with --serve the dashboard stays up.
import type { Command } from 'commander';
import { invalid } from '../errors.js';
import type { DemoResult } from './run.js';

/** `--port`, else the PORT variable (as `npm run demo` passes it), else a free port. */
function demoPort(option: string | undefined): number | undefined {
  const raw = option ?? process.env.PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(`Cổng "${raw}" không hợp lệ: cần một số nguyên từ 1 đến 65535.`);
  return port;
}

export function registerDemoCommands(program: Command) {
  program
    .command('demo')
    .description('Chạy thử toàn bộ quy trình trên dữ liệu mẫu (PostgreSQL nhúng, máy chủ thư nội bộ) trong một thư mục mới')
    .option('--serve', 'sau khi chạy xong, giữ trang quản lý hoạt động và in thông tin đăng nhập')
    .option('--small', 'dữ liệu nhỏ hơn (3 tỉnh), chạy nhanh hơn')
    .option('--port <port>', 'cổng của trang quản lý trên 127.0.0.1 (mặc định biến PORT, nếu không có thì một cổng còn trống)')
    .action(async (opts: { serve?: boolean; small?: boolean; port?: string }) => {
      const started = Date.now();
      const port = demoPort(opts.port);
      // The demo (web server and generated lists) loads only for this command.
      const { runDemo } = await import('./run.js');
      const result = await runDemo({ serve: !!opts.serve, size: opts.small ? 'small' : 'normal', ...(port ? { port } : {}) });
      printSummary(result, (Date.now() - started) / 1000);
      if (!opts.serve) return;
      const { admin, bodies } = result.accounts;
      process.stdout.write(
        `\nTrang quản lý: ${result.config.publicBaseUrl}/login\n` +
          `  Quản trị (Bộ Nội vụ): tên đăng nhập ${admin.username}, mật khẩu ${admin.password}\n` +
          `  Đơn vị: ${bodies.map((b) => `${b.username} / ${b.password}`).join(', ')}\n` +
          'Nhấn Ctrl+C để dừng.\n',
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await result.close();
    });
}

export function printSummary(r: DemoResult, seconds: number) {
  const t = r.totals;
  const lines = [
    '',
    `Tóm tắt (${seconds.toFixed(1)} s)`,
    `  Danh sách đã gửi:        ${t.listsSubmitted}`,
    `  Người trong danh sách:   ${t.listed} (đã nhập ${r.imported}, gộp vai trò trùng ${t.merged}, dòng lỗi ${r.importErrors})`,
    `  Thư mời đã gửi:          ${t.sent} (thư báo lỗi: ${t.bounced}, còn chờ: ${t.queued})`,
    `  Phiếu đã nộp:            ${t.responses} / ${t.invitations} thư mời`,
    `  Dấu hiệu can thiệp:      ${t.flags}`,
    `  Tệp điểm:                ${r.scoreFile}`,
    `  Dữ liệu:                 ${r.dir}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
