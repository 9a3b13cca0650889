// Background work that `serve` runs beside the web server: the mail sender,
// scheduled reminders, incremental interference checks, sealing at close.
// Each job runs, then waits its interval; one failing run is logged and the
// job carries on. All stop when the app closes.
import type { FastifyInstance } from 'fastify';

export type Job = {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  run(signal: AbortSignal): Promise<void>;
};

export function startJobs(app: FastifyInstance, jobs: readonly Job[]) {
  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();

  const schedule = (job: Job, delay: number) => {
    if (controller.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = job
        .run(controller.signal)
        .catch((err) => app.log.error({ err, job: job.name }, 'background job failed'))
        .finally(() => {
          running.delete(run);
          schedule(job, job.intervalMs);
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
