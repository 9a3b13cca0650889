// Guessing links is made useless by counting, per client address, the links
// that matched nothing: past the limit within the window, the address is
// refused before any lookup until the window moves on. Valid links cost
// nothing, so a whole office behind one address is not slowed down.
export type BadTokenLimiter = ReturnType<typeof createBadTokenLimiter>;

export function createBadTokenLimiter({ limit, windowMs, clock = Date.now, maxKeys = 100_000 }: { limit: number; windowMs: number; clock?: () => number; maxKeys?: number }) {
  const misses = new Map<string, { count: number; since: number }>();
  const current = (key: string) => {
    const entry = misses.get(key);
    if (entry && clock() - entry.since >= windowMs) {
      misses.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    blocked(key: string): boolean {
      return (current(key)?.count ?? 0) >= limit;
    },
    miss(key: string): void {
      const entry = current(key);
      if (entry) entry.count += 1;
      else {
        if (misses.size >= maxKeys) misses.delete(misses.keys().next().value!);
        misses.set(key, { count: 1, since: clock() });
      }
    },
  };
}
