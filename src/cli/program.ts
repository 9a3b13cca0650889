// The par-survey command: one sub-command per job. Each capability registers
// its own commands; errors print a message a person can act on.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { withContext } from './context.js';
import { speakVietnamese } from './commander-vi.js';
import { packagePath } from '../package-path.js';
import { registerAccountCommands } from '../modules/accounts/accounts.cli.js';
import { registerAuditCommands } from '../modules/audit/audit.cli.js';
import { registerCampaignCommands } from '../modules/campaigns/campaigns.cli.js';
import { registerProgressCommands } from '../modules/progress/progress.cli.js';
import { registerScoringCommands } from '../modules/scoring/scoring.cli.js';
import { registerRosterCommands } from '../modules/roster/roster.cli.js';
import { registerMailCommands } from '../modules/mail/mail.cli.js';
import { registerIntegrityCommands } from '../modules/integrity/integrity.cli.js';
import { registerDemoCommands } from '../demo/demo.cli.js';

const version = () => (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

export function buildProgram(): Command {
  const program = speakVietnamese(new Command('par-survey'))
    .description('Điều tra xã hội học xác định Chỉ số CCHC (PAR INDEX): danh sách, phiếu khảo sát, tiến độ, giám sát, điểm số.')
    .version(version(), '-V, --version', 'in số phiên bản')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('migrate')
    .description('Tạo hoặc nâng cấp lược đồ cơ sở dữ liệu')
    .action(async () => {
      await withContext(async ({ database }) => {
        console.log(`Cơ sở dữ liệu đã ở phiên bản mới nhất (${database.kind === 'pglite' ? 'PostgreSQL nhúng' : 'PostgreSQL'}).`);
      });
    });

  program
    .command('serve')
    .description('Chạy máy chủ web (API, trang khảo sát, trang quản lý)')
    .option('--port <port>', 'cổng (mặc định PORT hoặc 3000)')
    .option('--host <host>', 'địa chỉ lắng nghe (mặc định HOST hoặc 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = loadConfig({ ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
      // The web server (fastify, routes, pages) is loaded by the command that serves, not by the others.
      const { startServer } = await import('../server.js');
      await startServer(config);
    });

  registerAccountCommands(program);
  registerCampaignCommands(program);
  registerProgressCommands(program);
  registerRosterCommands(program);
  registerAuditCommands(program);
  registerScoringCommands(program);
  registerMailCommands(program);
  registerIntegrityCommands(program);
  registerDemoCommands(program);
  return program;
}
