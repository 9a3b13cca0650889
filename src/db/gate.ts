// Admits at most `size` database operations at once (one per pooled connection)
// and makes the rest wait in line for at most `acquireTimeoutMs`. A request that
// cannot get a connection in time fails with PoolExhaustedError, which the error
// handler answers as 503 with Retry-After, instead of waiting behind stuck work.

export class PoolExhaustedError extends Error {
  readonly code = 'POOL_EXHAUSTED';
  constructor(waitedMs: number) {
    super(`no database connection became free within ${waitedMs} ms`);
  }
}

export type GateStats = { size: number; inUse: number; waiting: number };

export type Gate = {
  /** Runs `work` holding one slot; waits at most `timeoutMs` (default: the gate's) for it. */
  run<T>(work: () => PromiseLike<T>, timeoutMs?: number): Promise<T>;
  stats(): GateStats;
};

type Waiter = { grant(): void; timer: NodeJS.Timeout };

export function createGate(size: number, acquireTimeoutMs: number): Gate {
  let inUse = 0;
  const line: Waiter[] = [];

  const acquire = (timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (inUse < size && line.length === 0) {
        inUse++;
        return resolve();
      }
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          inUse++;
          resolve();
        },
        timer: setTimeout(() => {
          line.splice(line.indexOf(waiter), 1);
          reject(new PoolExhaustedError(timeoutMs));
        }, timeoutMs),
      };
      line.push(waiter);
    });

  const release = () => {
    inUse--;
    line.shift()?.grant();
  };

  return {
    async run(work, timeoutMs = acquireTimeoutMs) {
      await acquire(timeoutMs);
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ size, inUse, waiting: line.length }),
  };
}
