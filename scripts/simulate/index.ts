// Fills a campaign with simulated answering, honest and with planted
// interference, and prints the ground truth (which body got which pattern).
//   npx tsx scripts/simulate/index.ts --campaign sim-2023 [--preset 2023-province]
//     [--bodies 63] [--size 300,900] [--planted 0.3] [--seed 1]
// Writes to DATABASE_URL, or the embedded database in DATA_DIR.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createCampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { loadPreset } from '../../src/presets/index.js';
import { simulateCampaign, type SimOptions } from './interference.js';
import { provinceForms } from './score.js';
import { writeSimulatedBody } from './write.js';

const { values } = parseArgs({
  options: {
    campaign: { type: 'string', default: 'sim' },
    preset: { type: 'string', default: '2023-province' },
    bodies: { type: 'string' },
    size: { type: 'string', default: '300,900' },
    planted: { type: 'string', default: '0.3' },
    seed: { type: 'string', default: '1' },
  },
});

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateDatabase(database);
  const preset = loadPreset(values.preset!);
  const bodies = preset.campaign.bodies.slice(0, values.bodies ? Number(values.bodies) : undefined);
  await createCampaignsService({ db: database.db }).create(
    { preset: preset.id, id: values.campaign!, bodies: bodies.map((b) => b.code), listDeadline: '2023-12-15', responseDeadline: '2024-01-10' },
    'simulate',
  );
  const [lo, hi] = values.size!.split(',').map(Number) as [number, number];
  const opts: SimOptions = { seed: Number(values.seed), bodies, size: [lo, hi], plantedShare: Number(values.planted), forms: provinceForms(preset.campaign) };
  const truth: Record<string, string | null> = {};
  let n = 0;
  for (const body of simulateCampaign(opts)) {
    await writeSimulatedBody(database.db, values.campaign!, body);
    truth[body.code] = body.planted;
    n += body.responses.length;
  }
  process.stderr.write(`Đã tạo ${n} phiếu cho ${bodies.length} đơn vị trong đợt ${values.campaign}.\n`);
  console.log(JSON.stringify({ campaign: values.campaign, responses: n, planted: truth }, null, 2));
} finally {
  await database.close();
}
