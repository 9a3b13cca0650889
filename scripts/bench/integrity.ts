// Interference detection over a national-size campaign: all 63 provinces of the
// 2023 preset, ~300,000 simulated responses with planted interference. Reports
// the full run against the bare scan of the same rows (the same per-body
// queries and answer flattening, no rules), peak RSS, an incremental run after
// one new response, and detection against the simulator's ground truth:
// per rule, the share of planted bodies flagged and of honest bodies flagged.
import { createIntegrityService } from '../../src/modules/integrity/integrity.service.js';
import { bodyResponses, listBodies } from '../../src/modules/integrity/integrity.queries.js';
import { sheetOf } from '../../src/modules/integrity/evaluate.js';
import { createCampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { loadPreset } from '../../src/presets/index.js';
import { flags } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { simulateCampaign, type PlantedKind, type SimOptions } from '../simulate/interference.js';
import { provinceForms, rates, type Outcome } from '../simulate/score.js';
import { writeSimulatedBody } from '../simulate/write.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, sampleRss, type Benchmark, type Figure } from './lib/report.js';
import type { RuleName } from '../../src/modules/integrity/signals.js';

const CAMPAIGN = 'bench-2023';
const TOTAL = Number(process.env.BENCH_INTEGRITY_RESPONSES ?? 300_000);

const bench: Benchmark = {
  name: 'integrity',
  async run(): Promise<Figure[]> {
    const database = await benchDatabase();
    try {
      const db = database.db;
      const preset = loadPreset('2023-province');
      const campaigns = createCampaignsService({ db });
      await campaigns.create({ preset: preset.id, id: CAMPAIGN, listDeadline: '2023-12-15', responseDeadline: '2024-01-10' }, 'bench');
      const bodies = preset.campaign.bodies;
      const per = Math.round(TOTAL / bodies.length);
      const opts: SimOptions = { seed: 2023, bodies, size: [Math.round(per * 0.85), Math.round(per * 1.15)], plantedShare: 0.4, forms: provinceForms(preset.campaign) };
      const truth = new Map<string, PlantedKind | null>();
      let seeded = 0;
      const seedStart = performance.now();
      for (const body of simulateCampaign(opts)) {
        await writeSimulatedBody(db, CAMPAIGN, body);
        truth.set(body.code, body.planted);
        seeded += body.responses.length;
      }
      await database.postgres!.unsafe('vacuum analyze responses');
      await database.postgres!.unsafe('vacuum analyze respondents');
      console.error(`seeded ${seeded} responses in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

      // Baseline: the same rows read body by body and flattened, no rules, no writes.
      const config = await campaigns.config(CAMPAIGN);
      const questions = new Map(config.forms.map((f) => [f.code, f.sections.flatMap((s) => s.questions.map((q) => q.id))]));
      let t0 = performance.now();
      let scanned = 0;
      for (const b of await listBodies(db, CAMPAIGN)) {
        const rows = await bodyResponses(db, CAMPAIGN, b.code);
        for (const r of rows) scanned += sheetOf(r.answers, questions.get(r.formCode) ?? []).length > 0 ? 1 : 0;
      }
      const bare = (performance.now() - t0) / 1000;

      const integrity = createIntegrityService({ db, campaigns });
      const rss = sampleRss();
      t0 = performance.now();
      const stats = await integrity.scan({ campaignId: CAMPAIGN });
      const full = (performance.now() - t0) / 1000;
      const peak = rss.stop();

      // Incremental: one new response in one body, then only that body is re-evaluated.
      const one = [...simulateCampaign({ ...opts, bodies: [bodies[0]!], size: [1, 1], plantedShare: 0 })][0]!;
      await writeSimulatedBody(db, CAMPAIGN, { ...one, people: [], reports: [] });
      t0 = performance.now();
      const changed = await integrity.runChanged({ campaignId: CAMPAIGN });
      const incremental = (performance.now() - t0) / 1000;

      const flagged = await db.select({ body: flags.bodyCode, rule: flags.rule }).from(flags).where(eq(flags.campaignId, CAMPAIGN));
      const outcomes: Outcome[] = [...truth].map(([code, planted]) => ({ code, planted, rules: new Set(flagged.filter((f) => f.body === code).map((f) => f.rule as RuleName)) }));
      const r = rates(outcomes);
      const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim();
      console.error(`bodies ${stats.bodies}, responses ${stats.responses} (scanned ${scanned}), flags ${stats.flags}; incremental bodies ${changed.bodies}; loadavg ${load}`);
      return [
        figure(`full run over ${stats.responses} responses`, full, 's', '<= 30', bare),
        figure('bare scan of the same rows (baseline)', bare, 's'),
        figure('peak RSS during the full run', peak, 'MB'),
        figure('incremental run after one new response', incremental, 's'),
        figure('planted bodies flagged by their rule', r.detectionRate, 'share', '>= 0.95'),
        figure('honest bodies flagged by any rule', r.falsePositiveRate, 'share', '<= 0.01'),
        ...r.perRule.flatMap((x) => [
          figure(`${x.rule}: planted flagged (${x.detected}/${x.planted})`, x.detectionRate ?? 0, 'share', '>= 0.95'),
          figure(`${x.rule}: honest flagged (${x.falsePositives}/${x.honest})`, x.falsePositiveRate, 'share', '<= 0.01'),
        ]),
      ];
    } finally {
      await database.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
