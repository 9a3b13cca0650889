import type { Command } from 'commander';
import { CLI_ACTOR, printJson, withContext } from '../../cli/context.js';
import { invalid } from '../../errors.js';
import { loadPreset, presetIds } from '../../presets/index.js';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readCampaignFile, type CampaignFile } from './campaign-file.js';
import { createCampaignBody } from './campaigns.schemas.js';
import { campaignFileText, workbookToCampaignFile } from './sheet-read.js';
import { campaignFileToWorkbook } from './sheet-write.js';

/** A campaign file from disk: JSON as is, a spreadsheet through the converter. */
async function readCampaignSource(path: string): Promise<CampaignFile> {
  const data = await readFile(path).catch(() => {
    throw invalid(`Không đọc được tệp ${path}.`);
  });
  return path.toLowerCase().endsWith('.xlsx') ? workbookToCampaignFile(data, basename(path)) : readCampaignFile(data.toString('utf8'), basename(path));
}

type Detail = { id: string; name: string; listDeadline: { text: string }; responseDeadline: { text: string }; bodies?: number };

const describe = (c: Detail) =>
  `${c.id}: ${c.name}\n  Hạn gửi danh sách: ${c.listDeadline.text}\n  Hạn trả lời phiếu: ${c.responseDeadline.text}${c.bodies !== undefined ? `\n  Số đơn vị: ${c.bodies}` : ''}`;

export function registerCampaignCommands(program: Command) {
  program
    .command('presets')
    .description('Các mẫu đợt khảo sát có sẵn')
    .action(() => {
      for (const id of presetIds()) {
        const p = loadPreset(id);
        console.log(`${id.padEnd(24)} ${p.campaign.bodies.length} đơn vị, ${p.campaign.groups.length} nhóm — ${p.description}`);
      }
    });

  const campaign = program.command('campaign').description('Đợt khảo sát');

  campaign
    .command('create')
    .description('Tạo đợt khảo sát từ một mẫu có sẵn (--preset) hoặc từ tệp đợt khảo sát .json / bảng tính câu hỏi .xlsx (--from)')
    .option('--preset <id>', 'mẫu có sẵn, ví dụ 2023-province')
    .option('--from <file>', 'tệp đợt khảo sát (.json) hoặc bảng tính câu hỏi (.xlsx)')
    .requiredOption('--id <id>', 'mã đợt, ví dụ 2023-tinh')
    .option('--name <name>', 'tên đợt')
    .option('--list-deadline <date>', 'hạn gửi danh sách, ví dụ 15/12/2023')
    .option('--response-deadline <date>', 'hạn trả lời phiếu, ví dụ 10/01/2024')
    .option('--bodies <codes>', 'chỉ các đơn vị này, cách nhau bởi dấu phẩy')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { preset?: string; from?: string; id: string; name?: string; listDeadline?: string; responseDeadline?: string; bodies?: string; json?: boolean }) => {
      if (!opts.preset === !opts.from) throw invalid('Cần đúng một trong hai: --preset (mẫu có sẵn) hoặc --from (tệp đợt khảo sát).');
      const file = opts.from ? await readCampaignSource(opts.from) : undefined;
      const parsed = createCampaignBody.safeParse({
        preset: opts.preset,
        id: opts.id,
        name: opts.name,
        listDeadline: opts.listDeadline,
        responseDeadline: opts.responseDeadline,
        bodies: opts.bodies?.split(',').map((s) => s.trim()).filter(Boolean),
      });
      if (!parsed.success) throw invalid('Tham số không hợp lệ.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      const created = await withContext(({ services }) => services.campaigns.create(parsed.data, CLI_ACTOR, file));
      if (opts.json) printJson(created);
      else console.log(`Đã tạo đợt khảo sát.\n${describe(created)}`);
    });

  campaign
    .command('convert')
    .description('Chuyển bảng tính câu hỏi (.xlsx, mỗi dòng một câu hỏi) thành tệp đợt khảo sát (.json), kiểm tra theo lược đồ JSON')
    .requiredOption('--from <file>', 'bảng tính .xlsx')
    .requiredOption('--out <file>', 'tệp .json sẽ ghi')
    .action(async (opts: { from: string; out: string }) => {
      const file = await workbookToCampaignFile(await readFile(opts.from), basename(opts.from));
      await writeFile(opts.out, campaignFileText(file));
      console.log(`Đã ghi ${opts.out}: ${file.campaign.bodies.length} đơn vị, ${file.campaign.groups.length} nhóm, ${file.campaign.forms.length} phiếu.`);
    });

  campaign
    .command('template')
    .description('Ghi bảng tính câu hỏi (.xlsx) của một mẫu có sẵn hoặc một tệp đợt khảo sát, để sửa trong Excel')
    .requiredOption('--out <file>', 'tệp .xlsx sẽ ghi')
    .option('--preset <id>', 'mẫu có sẵn', '2023-province')
    .option('--from <file>', 'tệp đợt khảo sát .json')
    .action(async (opts: { out: string; preset: string; from?: string }) => {
      const file = opts.from ? await readCampaignSource(opts.from) : loadPreset(opts.preset);
      await writeFile(opts.out, await campaignFileToWorkbook(file));
      console.log(`Đã ghi ${opts.out}.`);
    });

  campaign
    .command('list')
    .description('Liệt kê các đợt khảo sát')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { json?: boolean }) => {
      const all = await withContext(({ services }) => services.campaigns.list(null));
      if (opts.json) return printJson(all);
      if (all.length === 0) console.log('Chưa có đợt khảo sát nào.');
      for (const c of all) console.log(describe(c));
    });

  campaign
    .command('deadline')
    .description('Đổi thời hạn của đợt, hoặc gia hạn gửi danh sách cho một đơn vị (--body)')
    .requiredOption('--campaign <id>', 'mã đợt')
    .option('--list <date>', 'hạn gửi danh sách')
    .option('--response <date>', 'hạn trả lời phiếu')
    .option('--body <code>', 'chỉ gia hạn gửi danh sách cho đơn vị này')
    .action(async (opts: { campaign: string; list?: string; response?: string; body?: string }) => {
      if (!opts.list && !opts.response) throw invalid('Cần --list hoặc --response.');
      await withContext(async ({ services }) => {
        if (opts.body) {
          if (!opts.list || opts.response) throw invalid('Với --body chỉ gia hạn gửi danh sách: dùng --list.');
          const body = await services.campaigns.setBodyListDeadline(opts.campaign, opts.body, opts.list, CLI_ACTOR);
          console.log(`Đã gia hạn gửi danh sách cho ${body.name} đến ${body.listDeadline.text}.`);
          return;
        }
        const input = { ...(opts.list ? { listDeadline: opts.list } : {}), ...(opts.response ? { responseDeadline: opts.response } : {}) };
        console.log(`Đã cập nhật.\n${describe(await services.campaigns.setDeadlines(opts.campaign, input, CLI_ACTOR))}`);
      });
    });
}
