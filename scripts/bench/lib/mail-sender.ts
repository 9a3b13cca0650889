// One side of the mail-send benchmark in a process of its own. `dispatch` is
// `par-survey dispatch --campaign <id> --until-idle` against the benchmark's
// sink: the same modules loaded (the command line and its context), the same
// services, and prints its rate and its resident memory and time at each stage
// (bare Node, code loaded, templates compiled, sending, peak); modules are
// imported only after the first reading so the stages separate. `bare` sends
// the campaign's rendered invitation `count` times through a bare pooled
// transport and prints its rate.
const mb = () => process.memoryUsage.rss() / 1048576;
const baseMb = mb();
const t0 = performance.now();
const [mode, url, port, campaignId, concurrency, count] = process.argv.slice(2) as [string, string, string, string, string, string];

// What bin/par-survey.js loads before it runs a command.
const { buildProgram } = await import('../../../src/cli/program.js');
const { openContext } = await import('../../../src/cli/context.js');
const { bareLoop, senderConfig } = await import('./mail-bench.js');
const { sampleRss } = await import('./report.js');
buildProgram();

const config = senderConfig(Number(port), Number(concurrency), url);
const { services, database } = await openContext(config);
const loadedMb = mb();
const t1 = performance.now();
// The first message compiles the campaign's templates; done here so the stage shows.
const sample = await services.mail.preview({ campaignId, template: 'invitation' });
const compiledMb = mb();
// Highest so far, MJML's worker included: it has ended, but its peak was this process's.
const compilePeakMb = process.resourceUsage().maxRSS / 1024;
const t2 = performance.now();

if (mode === 'bare') {
  const message = { from: config.mailFrom, to: { name: 'Nguyễn Thị Hồng', address: 'mau@tinh01.gov.vn' }, subject: sample.subject, html: sample.html, text: sample.text };
  process.stdout.write(`${JSON.stringify({ rate: await bareLoop(Number(port), message, Number(count), Number(concurrency)) })}\n`);
} else {
  const rss = sampleRss(20);
  const total = await services.mail.dispatch({ campaignId, untilIdle: true });
  const seconds = (performance.now() - t2) / 1000;
  const peakMb = Math.max(rss.stop(), process.resourceUsage().maxRSS / 1024);
  const stageSeconds = { load: (t1 - t0) / 1000, compile: (t2 - t1) / 1000 };
  process.stdout.write(`${JSON.stringify({ sent: total.sent, seconds, stageSeconds, baseMb, loadedMb, compiledMb, compilePeakMb, peakMb })}\n`);
}
await services.mail.close();
await database.close();
process.exit(0);
