// Group writes: the writes that arrive while one statement runs go together in
// the next, so a burst of small writes costs a few statements and commits
// instead of one each. A lone write goes at once (no timer, no added delay when
// idle), and each caller's promise settles only when its own write is stored.

/** What each item's write came to: stored, or the error that refused it. */
type Waiting<T> = { item: T; resolve: () => void; reject: (error: unknown) => void };

/**
 * Returns a function that writes one item through `writeMany`, one batch at a
 * time, up to `maxItems` per batch. A batch that fails is written again item
 * by item, so one bad item (or a deadlock with another writer) fails only its
 * own caller.
 */
export function createGroupWrite<T>(writeMany: (items: T[]) => Promise<void>, maxItems = 500): (item: T) => Promise<void> {
  let waiting: Waiting<T>[] = [];
  let running = false;

  async function writeBatch(batch: Waiting<T>[]) {
    try {
      await writeMany(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await writeMany([w.item]).then(w.resolve, w.reject);
    }
  }

  async function drain() {
    running = true;
    try {
      while (waiting.length) {
        const batch = waiting.length <= maxItems ? waiting : waiting.slice(0, maxItems);
        waiting = waiting.length <= maxItems ? [] : waiting.slice(maxItems);
        await writeBatch(batch);
      }
    } finally {
      running = false;
    }
  }

  return (item: T) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
