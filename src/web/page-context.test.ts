import { describe, expect, it } from 'vitest';
import { safeNext } from './page-context.js';

describe('safeNext', () => {
  it.each([
    ['/c/2023-tinh/b/22', '/c/2023-tinh/b/22'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
    ['javascript:alert(1)', '/'],
  ])('follows %j to %s', (next, expected) => expect(safeNext(next)).toBe(expected));
});
