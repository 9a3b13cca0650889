// Interference detection: (1) how well the rules separate planted interference
// from honest answering, on simulated campaigns of the 63 provinces at real
// province sizes (~300 forms per body) and at small ones (~40), in memory with
// the same two passes the service makes; per planted scenario the share caught
// by its rule, and the share of honest bodies flagged by any statistical rule.
// (2) The service's full run over a national-size campaign in the database
// against the bare scan of the same rows, peak RSS, and an incremental run.
// `--quick` runs fewer campaigns and a smaller database.
import { createIntegrityService } from '../../src/modules/integrity/integrity.service.js';
import { bodyResponses, listBodies } from '../../src/modules/integrity/integrity.queries.js';
import { sheetOf } from '../../src/modules/integrity/evaluate.js';
import { createCampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { loadPreset } from '../../src/presets/index.js';
import { simulateCampaign, type SimOptions } from '../simulate/interference.js';
import { evaluateSimulated, provinceForms, rates, type Outcome } from '../simulate/score.js';
import { writeSimulatedBody } from '../simulate/write.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, sampleRss, type Benchmark, type Figure } from './lib/report.js';

const CAMPAIGN = 'bench-2023';
const quick = process.argv.includes('--quick');
const TOTAL = Number(process.env.BENCH_INTEGRITY_RESPONSES ?? (quick ? 30_000 : 300_000));
const RUNS = Number(process.env.BENCH_INTEGRITY_CAMPAIGNS ?? (quick ? 2 : 12));
const preset = loadPreset('2023-province');

function detection(size: number): Figure[] {
  const outcomes: Outcome[] = [];
  for (let s = 0; s < RUNS; s++) {
    const opts: SimOptions = { seed: 2023 + s, bodies: preset.campaign.bodies, size: [Math.round(size * 0.85), Math.round(size * 1.15)], plantedShare: 0.3, forms: provinceForms(preset.campaign) };
    outcomes.push(...evaluateSimulated([...simulateCampaign(opts)], opts).outcomes);
  }
  const r = rates(outcomes);
  const target = size >= 300;
  console.error(`~${size}: honest flagged by rule ${JSON.stringify(r.perRule)}`);
  return [
    figure(`~${size} forms: planted bodies caught by their rule`, r.recall, 'share', target ? '>= 0.95' : null),
    figure(`~${size} forms: honest bodies flagged by a statistical rule (${r.honestFlagged}/${r.honest})`, r.honestFlaggedShare, 'share', target ? '<= 0.01' : null),
    ...r.perScenario.map((x) => figure(`~${size} forms: ${x.scenario} → ${x.rule} (${x.detected}/${x.planted})`, x.recall ?? 0, 'share', target ? '>= 0.95' : null)),
  ];
}

async function fullRun(): Promise<Figure[]> {
  const database = await benchDatabase();
  try {
    const db = database.db;
    const campaigns = createCampaignsService({ db });
    await campaigns.create({ preset: preset.id, id: CAMPAIGN, listDeadline: '2023-12-15', responseDeadline: '2024-01-10' }, 'bench');
    const bodies = preset.campaign.bodies;
    const per = Math.round(TOTAL / bodies.length);
    const opts: SimOptions = { seed: 2023, bodies, size: [Math.round(per * 0.85), Math.round(per * 1.15)], plantedShare: 0.3, forms: provinceForms(preset.campaign) };
    for (const body of simulateCampaign(opts)) await writeSimulatedBody(db, CAMPAIGN, body);
    await database.postgres!.unsafe('vacuum analyze responses');
    await database.postgres!.unsafe('vacuum analyze respondents');

    // Baseline: the same rows read body by body and flattened, no rules, no writes.
    const config = await campaigns.config(CAMPAIGN);
    const questions = new Map(config.forms.map((f) => [f.code, f.sections.flatMap((s) => s.questions.map((q) => q.id))]));
    let t0 = performance.now();
    for (const b of await listBodies(db, CAMPAIGN)) for (const r of await bodyResponses(db, CAMPAIGN, b.code)) sheetOf(r.answers, questions.get(r.formCode) ?? []);
    const bare = (performance.now() - t0) / 1000;

    const integrity = createIntegrityService({ db, campaigns });
    const rss = sampleRss();
    t0 = performance.now();
    const stats = await integrity.scan({ campaignId: CAMPAIGN });
    const full = (performance.now() - t0) / 1000;
    const peak = rss.stop();

    const one = [...simulateCampaign({ ...opts, bodies: [bodies[0]!], size: [1, 1], plantedShare: 0 })][0]!;
    await writeSimulatedBody(db, CAMPAIGN, { ...one, people: [], reports: [] });
    t0 = performance.now();
    await integrity.runChanged({ campaignId: CAMPAIGN });
    const incremental = (performance.now() - t0) / 1000;
    return [
      figure(`full run over ${stats.responses} responses (two passes: baseline, rules)`, full, 's', '<= 30', bare),
      figure('bare scan of the same rows (baseline)', bare, 's'),
      figure('peak RSS during the full run', peak, 'MB'),
      figure('incremental run after one new response', incremental, 's'),
    ];
  } finally {
    await database.drop();
  }
}

const bench: Benchmark = {
  name: 'integrity',
  async run(): Promise<Figure[]> {
    return [...detection(300), ...detection(40), ...(await fullRun())];
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
