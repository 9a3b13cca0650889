import { describe, expect, it } from 'vitest';
import { nextDelay } from './jobs.js';

describe('the pause before a background job runs again', () => {
  it.each([
    [300_000, 0, 300_000],
    [300_000, 1, 5_000],
    [300_000, 2, 10_000],
    [300_000, 4, 40_000],
    [300_000, 10, 300_000],
    [2_000, 1, 2_000],
    [300_000, 1_000, 300_000],
  ])('is %i ms interval after %i failures in a row: %i ms', (interval, failures, expected) => {
    expect(nextDelay(interval, failures)).toBe(expected);
  });
});
