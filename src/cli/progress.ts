// Progress of long work (import, dispatch, export, integrity) on stderr, so
// stdout stays clean for files and JSON. On a terminal: a bar with rate and
// time left. Elsewhere (logs, pipes): one line every few seconds and a summary
// at the end, and nothing at all for work shorter than that, nor with
// LOG_LEVEL=silent (scripts that want only the result).
import cliProgress from 'cli-progress';

export type Progress = {
  /** Adds `by` finished items. */
  tick(by?: number): void;
  /** Sets the number of finished items. */
  update(done: number): void;
  /** Changes the expected number of items (0 = not known yet); shown with the next tick. */
  setTotal(total: number): void;
  /** Ends the bar and prints one line: what was done, how long it took and, if given, `summary`
   *  (off a terminal, only after work that lasted long enough to print progress lines). */
  stop(summary?: string): void;
};

export type ProgressOptions = {
  /** What is counted, e.g. "thư", "dòng", "đơn vị". */
  unit?: string;
  stream?: NodeJS.WriteStream;
  /** Between two lines when the stream is not a terminal. */
  everyMs?: number;
  now?: () => number;
  /** No lines off a terminal (default: LOG_LEVEL=silent). */
  quiet?: boolean;
};

const vn = new Intl.NumberFormat('vi-VN');
const vn1 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "45 giây", "3 phút 20 giây", "1 giờ 5 phút". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} giây`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} phút ${s % 60} giây` : `${m} phút`;
  return m % 60 ? `${Math.floor(m / 60)} giờ ${m % 60} phút` : `${Math.floor(m / 60)} giờ`;
}

export const formatRate = (perSecond: number, unit: string) => `${perSecond < 10 ? vn1.format(perSecond) : vn.format(Math.round(perSecond))} ${unit}/giây`;

type Figures = { done: number; total: number; elapsedMs: number; unit: string };

/** "1.200/3.000 thư (40%), 52 thư/giây, còn khoảng 35 giây". */
export function describeProgress({ done, total, elapsedMs, unit }: Figures): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [total > 0 ? `${vn.format(done)}/${vn.format(total)} ${unit} (${Math.floor((100 * done) / total)}%)` : `${vn.format(done)} ${unit}`];
  if (done > 0) parts.push(formatRate(rate, unit));
  if (total > 0 && done > 0 && done < total) parts.push(`còn khoảng ${formatDuration(((total - done) / rate) * 1000)}`);
  return parts.join(', ');
}

export function startProgress(label: string, total = 0, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const unit = options.unit ?? 'mục';
  const everyMs = options.everyMs ?? 5000;
  const quiet = options.quiet ?? process.env.LOG_LEVEL === 'silent';
  const started = now();
  let lastLine = started;
  let done = 0;
  const figures = () => ({ done, total, elapsedMs: now() - started, unit });
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        { format: `${label} [{bar}] {text}`, hideCursor: true, clearOnComplete: true, stream, barsize: 24 },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(Math.max(total, 1), 0, { text: describeProgress(figures()) });

  const show = () => {
    if (bar) {
      if (total > 0) bar.setTotal(total);
      // With no total yet the bar stays empty and the text carries the count.
      bar.update(total > 0 ? Math.min(done, total) : 0, { text: describeProgress(figures()) });
    } else if (!quiet && now() - lastLine >= everyMs) {
      lastLine = now();
      stream.write(`${label}: ${describeProgress(figures())}\n`);
    }
  };
  return {
    tick(by = 1) {
      done += by;
      show();
    },
    update(value) {
      done = value;
      show();
    },
    setTotal(value) {
      total = value;
      bar?.setTotal(Math.max(total, 1));
    },
    stop(summary) {
      bar?.stop();
      const elapsedMs = now() - started;
      if (!bar && (quiet || elapsedMs < everyMs)) return;
      const rate = elapsedMs > 0 && done > 0 ? `, ${formatRate((done * 1000) / elapsedMs, unit)}` : '';
      stream.write(`${label}: xong ${vn.format(done)} ${unit} trong ${formatDuration(elapsedMs)}${rate}${summary ? `. ${summary}` : ''}\n`);
    },
  };
}

/**
 * The same bar as a `(done, total)` callback, for services that report their
 * progress that way: `const p = trackProgress('Nhập danh sách', 'dòng');
 * await service.run({ onProgress: p.onProgress }).finally(() => p.stop());`
 */
export function trackProgress(label: string, unit: string, options: Omit<ProgressOptions, 'unit'> = {}) {
  const progress = startProgress(label, 0, { ...options, unit });
  let known = 0;
  return {
    onProgress(done: number, total: number) {
      if (total !== known) progress.setTotal((known = total));
      progress.update(done);
    },
    stop: (summary?: string) => progress.stop(summary),
  };
}
