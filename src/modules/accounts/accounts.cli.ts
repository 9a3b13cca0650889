import type { Command } from 'commander';
import { CLI_ACTOR, printJson, readStdin, withContext } from '../../cli/context.js';
import { invalid } from '../../errors.js';
import { createUserBody } from './accounts.schemas.js';

export function registerAccountCommands(program: Command) {
  const user = program.command('user').description('Tài khoản: quản trị (Bộ Nội vụ), đơn vị, hệ thống tính điểm');

  user
    .command('add')
    .description('Tạo tài khoản; mật khẩu đọc từ stdin')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .requiredOption('--role <role>', 'admin | body | scoring')
    .option('--body <code>', 'mã đơn vị (bắt buộc với role body)')
    .option('--display-name <name>', 'tên hiển thị')
    .option('--password-stdin', 'đọc mật khẩu từ stdin (dòng đầu tiên)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { username: string; role: string; body?: string; displayName?: string; passwordStdin?: boolean; json?: boolean }) => {
      if (!opts.passwordStdin) throw invalid('Hãy truyền mật khẩu qua stdin với --password-stdin, ví dụ: echo "$MAT_KHAU" | par-survey user add ... --password-stdin');
      const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
      const parsed = createUserBody.safeParse({ username: opts.username, role: opts.role, bodyCode: opts.body, displayName: opts.displayName, password });
      if (!parsed.success) {
        throw invalid('Thông tin tài khoản không hợp lệ.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      }
      const created = await withContext(({ services }) => services.accounts.createUser(parsed.data, CLI_ACTOR));
      if (opts.json) printJson(created);
      else console.log(`Đã tạo tài khoản ${created.username} (${created.role}${created.bodyCode ? `, đơn vị ${created.bodyCode}` : ''}).`);
    });

  user
    .command('list')
    .description('Liệt kê tài khoản')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { json?: boolean }) => {
      const users = await withContext(({ services }) => services.accounts.listUsers());
      if (opts.json) return printJson(users);
      for (const u of users) console.log(`${u.username.padEnd(24)} ${u.role.padEnd(8)} ${(u.bodyCode ?? '').padEnd(8)} ${u.disabled ? 'đã khóa' : ''}`);
    });

  user
    .command('revoke')
    .description('Chấm dứt mọi phiên đăng nhập của một tài khoản')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .action(async (opts: { username: string }) => {
      await withContext(async ({ services }) => {
        const target = (await services.accounts.listUsers()).find((u) => u.username === opts.username.toLowerCase());
        if (!target) throw invalid(`Không có tài khoản "${opts.username}".`);
        await services.accounts.revokeSessions(target.id, CLI_ACTOR);
      });
      console.log(`Đã chấm dứt mọi phiên đăng nhập của ${opts.username}.`);
    });

  user
    .command('second-factor-off')
    .description('Tắt xác thực hai lớp của một tài khoản (mất điện thoại và mã khôi phục); quản trị sẽ phải thiết lập lại khi đăng nhập')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .action(async (opts: { username: string }) => {
      await withContext(async ({ services }) => {
        const target = (await services.accounts.listUsers()).find((u) => u.username === opts.username.toLowerCase());
        if (!target) throw invalid(`Không có tài khoản "${opts.username}".`);
        await services.accounts.clearSecondFactor(target.id, CLI_ACTOR);
      });
      console.log(`Đã tắt xác thực hai lớp và chấm dứt mọi phiên đăng nhập của ${opts.username}.`);
    });
}
