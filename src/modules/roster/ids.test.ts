import { describe, expect, it } from 'vitest';
import { newIds } from './ids.js';

describe('newIds', () => {
  it('answers distinct version-4 UUIDs', () => {
    const ids = newIds(2000);
    expect(ids).toHaveLength(2000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(2000);
  });

  it('answers nothing for an empty list', () => {
    expect(newIds(0)).toEqual([]);
  });
});
