// One side of the mail-send benchmark in a process of its own. `dispatch` sends
// every queued message of one campaign to the benchmark's sink and prints its
// rate and its resident memory at each stage (bare Node, code loaded, MJML
// compiled, peak); modules are imported only after the first reading so the
// stages separate. `bare` sends the campaign's rendered invitation `count` times
// through a bare pooled transport and prints its rate.
const mb = () => process.memoryUsage.rss() / 1048576;
const baseMb = mb();
const [mode, url, port, campaignId, concurrency, count] = process.argv.slice(2) as [string, string, string, string, string, string];

const { createServices } = await import('../../../src/app.js');
const { openPostgres } = await import('../../../src/db/client.js');
const { bareLoop, senderConfig } = await import('./mail-bench.js');
const { sampleRss } = await import('./report.js');
const { sql } = await import('drizzle-orm');

const database = openPostgres(url, 10);
await database.db.execute(sql`select 1`);
const config = senderConfig(Number(port), Number(concurrency));
const services = createServices({ database, config });
const loadedMb = mb();
// The first message compiles the campaign's templates; done here so the stage shows.
const sample = await services.mail.preview({ campaignId, template: 'invitation' });
const compiledMb = mb();

if (mode === 'bare') {
  const message = { from: config.mailFrom, to: { name: 'Nguyễn Thị Hồng', address: 'mau@tinh01.gov.vn' }, subject: sample.subject, html: sample.html, text: sample.text };
  process.stdout.write(`${JSON.stringify({ rate: await bareLoop(Number(port), message, Number(count), Number(concurrency)) })}\n`);
} else {
  const rss = sampleRss(20);
  const started = performance.now();
  const total = await services.mail.dispatch({ campaignId, untilIdle: true });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Math.max(rss.stop(), process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ sent: total.sent, seconds, baseMb, loadedMb, compiledMb, peakMb })}\n`);
}
await services.mail.close();
await database.close();
process.exit(0);
