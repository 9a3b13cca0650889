import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGate, PoolExhaustedError } from './gate.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('the pool gate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets in as many as it has slots and queues the rest in order', async () => {
    const gate = createGate(2, 1000);
    const work = [deferred(), deferred(), deferred()];
    const order: number[] = [];
    const runs = work.map((w, i) => gate.run(async () => (await w.promise, order.push(i))));
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.stats()).toEqual({ size: 2, inUse: 2, waiting: 1 });
    work[1]!.resolve();
    work[2]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual([1, 2]);
    work[0]!.resolve();
    await Promise.all(runs);
    expect(gate.stats()).toEqual({ size: 2, inUse: 0, waiting: 0 });
  });

  it('refuses a caller that waited past the acquisition timeout, and forgets it', async () => {
    const gate = createGate(1, 1000);
    const held = deferred();
    const first = gate.run(() => held.promise);
    const second = gate.run(async () => 'never');
    const refused = expect(second).rejects.toBeInstanceOf(PoolExhaustedError);
    await vi.advanceTimersByTimeAsync(1000);
    await refused;
    expect(gate.stats()).toEqual({ size: 1, inUse: 1, waiting: 0 });
    held.resolve();
    await first;
    await expect(gate.run(async () => 'served')).resolves.toBe('served');
  });

  it('frees the slot when the work fails', async () => {
    const gate = createGate(1, 1000);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.stats().inUse).toBe(0);
  });
});
