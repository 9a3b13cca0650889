// Background work that `serve` runs beside the web server: the mail sender,
// scheduled reminders, incremental interference checks, sealing at close.
// Each job runs, then waits its interval; one failing run is logged and the
// job tries again sooner (5 s, doubling up to its interval), so work cut off by
// a database restart is done soon after the database is back rather than one
// full interval later. All stop when the app closes.
import type { FastifyInstance } from 'fastify';

export type Job = {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  run(signal: AbortSignal): Promise<void>;
};

const FIRST_RETRY_MS = 5000;

/** The pause before the next run, after `failures` failed runs in a row. */
export function nextDelay(intervalMs: number, failures: number): number {
  if (failures === 0) return intervalMs;
  return Math.min(intervalMs, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 20));
}

export function startJobs(app: FastifyInstance, jobs: readonly Job[]) {
  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const failures = new Map<string, number>();

  const schedule = (job: Job, delay: number) => {
    if (controller.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = job
        .run(controller.signal)
        .then(
          () => void failures.set(job.name, 0),
          (err) => {
            failures.set(job.name, (failures.get(job.name) ?? 0) + 1);
            app.log.error({ err, job: job.name }, 'background job failed');
          },
        )
        .finally(() => {
          running.delete(run);
          schedule(job, nextDelay(job.intervalMs, failures.get(job.name) ?? 0));
        });
      running.add(run);
    }, delay);
    timers.add(timer);
  };

  app.addHook('onReady', async () => {
    for (const job of jobs) schedule(job, 0);
  });
  app.addHook('preClose', async () => {
    controller.abort();
    for (const t of timers) clearTimeout(t);
    await Promise.allSettled([...running]);
  });
}
