// Makes the campaign presets src/presets/<id>.json from the questionnaire
// spreadsheets src/presets/<id>.xlsx with the same converter MOHA uses
// (`par-survey campaign convert`). `--check` only reports stale files.
//
//   npx tsx scripts/presets/build.ts          # write
//   npx tsx scripts/presets/build.ts --check  # verify, exit 1 when stale
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignFileText, workbookToCampaignFile } from '../../src/modules/campaigns/sheet-read.js';
import { presetsDir } from '../../src/presets/index.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const name of readdirSync(presetsDir).filter((f) => f.endsWith('.xlsx')).sort()) {
  const id = name.slice(0, -'.xlsx'.length);
  const text = campaignFileText(await workbookToCampaignFile(readFileSync(join(presetsDir, name)), name));
  const target = join(presetsDir, `${id}.json`);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a new preset
  }
  if (current === text) continue;
  stale += 1;
  if (check) console.error(`${id}.json không khớp với ${name}`);
  else {
    writeFileSync(target, text);
    console.log(`Đã ghi ${id}.json`);
  }
}
if (check && stale) process.exit(1);
