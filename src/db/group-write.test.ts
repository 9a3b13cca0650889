import { describe, expect, it } from 'vitest';
import { createGroupWrite } from './group-write.js';

/** A store whose writes finish when the test says so, recording each batch. */
function slowStore(refuse: (n: number) => boolean = () => false) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const writeMany = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items);
      pending.push(() => (items.some(refuse) ? reject(new Error(`refused ${items.join(',')}`)) : resolve(items.map((n) => n * 10))));
    });
  const finishAll = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { batches, writeMany, finishAll };
}

describe('group writes', () => {
  it('writes a lone item at once, and the items that arrive meanwhile together in the next statement', async () => {
    const store = slowStore();
    const write = createGroupWrite(store.writeMany, { inFlight: 1 });
    const first = write(1);
    expect(store.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map(write);
    expect(store.batches).toEqual([[1]]);
    await store.finishAll();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(store.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('settles each caller only when its own batch is stored', async () => {
    const store = slowStore();
    const write = createGroupWrite(store.writeMany, { inFlight: 1 });
    const settled: number[] = [];
    write(1).then(() => settled.push(1));
    write(2).then(() => settled.push(2));
    expect(settled).toEqual([]);
    await store.finishAll();
    expect(settled).toEqual([1, 2]);
  });

  it('keeps batches to the size asked for', async () => {
    const store = slowStore();
    const write = createGroupWrite(store.writeMany, { maxItems: 2, inFlight: 1 });
    const all = [1, 2, 3, 4, 5, 6].map(write);
    await store.finishAll();
    await Promise.all(all);
    expect(store.batches).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it('writes a refused batch again item by item, so only the bad item fails', async () => {
    const store = slowStore((n) => n === 3);
    const write = createGroupWrite(store.writeMany, { inFlight: 1 });
    const first = write(1);
    const results = [2, 3, 4].map((n) => write(n).then(String, (e: Error) => e.message));
    await store.finishAll();
    await first;
    expect(await Promise.all(results)).toEqual(['20', 'refused 3', '40']);
    expect(store.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('runs as many batches at once as asked, the rest waiting for the next', async () => {
    const store = slowStore();
    const write = createGroupWrite(store.writeMany, { inFlight: 2 });
    const all = [1, 2, 3, 4, 5].map(write);
    expect(store.batches).toEqual([[1], [2]]);
    await store.finishAll();
    await Promise.all(all);
    expect(store.batches).toEqual([[1], [2], [3, 4, 5]]);
  });

  it('goes on writing after a failure', async () => {
    const store = slowStore((n) => n === 1);
    const write = createGroupWrite(store.writeMany, { inFlight: 1 });
    const failed = write(1).catch((e: Error) => e.message);
    await store.finishAll();
    expect(await failed).toBe('refused 1');
    const next = write(2);
    await store.finishAll();
    await next;
    expect(store.batches).toEqual([[1], [2]]);
  });
});
