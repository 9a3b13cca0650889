import { defineConfig } from 'vitest/config';

// The faults suite: a private PostgreSQL cluster per file that the tests stop,
// crash and restart, spawned `par-survey` processes killed with SIGKILL. One
// file at a time, so the machine's two cores are not oversubscribed.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
