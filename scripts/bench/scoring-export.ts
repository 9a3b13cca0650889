// CSV score export over a national-size campaign: 63 provinces × 4 groups,
// ~300,000 responses of 27–28 answers each, on PostgreSQL. The baseline is a
// bare keyset scan of the same rows and columns in the same process; the export
// adds the tally, the input digest and the rendering. Peak RSS shows it streams.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createCampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { responsePage } from '../../src/modules/scoring/scoring.queries.js';
import { createScoringService } from '../../src/modules/scoring/scoring.service.js';
import { loadPreset } from '../../src/presets/index.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, sampleRss, type Benchmark } from './lib/report.js';

const PER_BODY_GROUP = Number(process.env.BENCH_SCORING_PER_GROUP ?? 1190);

async function seed(db: Awaited<ReturnType<typeof benchDatabase>>['db'], campaigns: ReturnType<typeof createCampaignsService>) {
  await campaigns.create({ preset: '2023-province', id: 'bench', listDeadline: '2023-12-15', responseDeadline: '2024-01-10' }, 'bench');
  const config = loadPreset('2023-province').campaign;
  for (const group of config.groups) {
    const form = config.forms.find((f) => f.code === group.form)!;
    const questions = form.sections.flatMap((s) => s.questions.map((q) => q.id));
    // Random answers per row: the subquery refers to the outer row so it is evaluated for each one.
    await db.execute(sql`
      insert into responses (campaign_id, body_code, group_code, form_code, submitted_at, answers)
      select 'bench', b.code, ${group.code}, ${form.code}, now(),
             jsonb_build_object(b.code, (select jsonb_object_agg(q, (array['A','B','C','D','K'])[1 + floor(random() * 5)::int] order by q)
                                         from unnest(array[${sql.join(questions.map((q) => sql`${q}`), sql`, `)}]::text[]) q where i > 0))
      from campaign_bodies b cross join generate_series(1, ${PER_BODY_GROUP}) i
      where b.campaign_id = 'bench'`);
  }
  await db.execute(sql`analyze responses`);
}

const bench: Benchmark = {
  name: 'scoring-export',
  async run() {
    const database = await benchDatabase();
    try {
      const { db } = database;
      const campaigns = createCampaignsService({ db });
      await seed(db, campaigns);
      const scoring = createScoringService({ db, campaigns });

      // Baseline: the same rows, columns and pages, read and dropped.
      let start = performance.now();
      let rows = 0;
      for (let after: string | null = null; ; ) {
        const page = await responsePage(db, 'bench', after, 5000);
        rows += page.length;
        if (page.length < 5000) break;
        after = page[page.length - 1]!.id;
      }
      const scanSeconds = (performance.now() - start) / 1000;

      const rss = sampleRss();
      start = performance.now();
      const out = await scoring.exportScores({ campaignId: 'bench', format: 'csv' });
      const hash = createHash('sha256');
      let bytes = 0;
      for (const chunk of out.chunks) {
        hash.update(chunk);
        bytes += Buffer.byteLength(chunk);
      }
      const exportSeconds = (performance.now() - start) / 1000;
      const peak = rss.stop();
      return [
        figure('responses exported', rows, 'responses'),
        figure('CSV export (300k responses)', exportSeconds, 's', '<= 10', scanSeconds),
        figure('export size', bytes / 1024, 'KiB'),
        figure('peak RSS during export', peak, 'MB', '<= 500'),
      ];
    } finally {
      await database.drop();
    }
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
