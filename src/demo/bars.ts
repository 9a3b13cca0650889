// One progress bar per long step on a terminal; one line per finished step
// everywhere (logs and tests see the lines, not the bars).
import cliProgress from 'cli-progress';

export type Step = { tick(by?: number): void; total(n: number): void; done(summary: string): void };

export function step(title: string, total: number, out: NodeJS.WriteStream = process.stdout): Step {
  const bar = out.isTTY
    ? new cliProgress.SingleBar({ format: `${title.padEnd(34)} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true, stream: out }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(total, 0);
  const started = Date.now();
  return {
    tick: (by = 1) => bar?.increment(by),
    total: (n) => bar?.setTotal(n),
    done(summary) {
      bar?.stop();
      out.write(`✓ ${title}: ${summary} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
  };
}
