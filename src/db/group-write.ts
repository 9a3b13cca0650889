// Group writes: the writes that arrive while one statement runs go together in
// the next, so a burst of small writes costs a few statements and commits
// instead of one each. A lone write goes at once (no timer, no added delay when
// idle), and each caller's promise settles only when its own write is stored.

/** What each item's write came to: its result, or the error that refused it. */
type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Returns a function that writes one item through `writeMany`, up to
 * `maxItems` per batch and `inFlight` batches at a time (one may wait on its
 * commit while the next runs); `writeMany` returns one result per item, in
 * order. A batch that fails is written again item by item, so one bad item (or
 * a deadlock with another writer) fails only its own caller.
 */
export function createGroupWrite<T, R = void>(writeMany: (items: T[]) => Promise<R[]>, { maxItems = 500, inFlight = 2 } = {}): (item: T) => Promise<R> {
  const waiting: Waiting<T, R>[] = [];
  let running = 0;

  async function writeBatch(batch: Waiting<T, R>[]) {
    try {
      const results = await writeMany(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await writeMany([w.item]).then((results) => w.resolve(results[0]!), w.reject);
    }
  }

  function next() {
    while (running < inFlight && waiting.length) {
      const batch = waiting.splice(0, maxItems);
      running += 1;
      void writeBatch(batch).finally(() => {
        running -= 1;
        next();
      });
    }
  }

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}
