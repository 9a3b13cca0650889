// Every reply carries the security headers, whatever produced it: a page, the
// API, a file, a 404, a refused request, and a link that is not a link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const replies: [string, { method: 'GET' | 'POST'; url: string; payload?: unknown }][] = [
  ['the sign-in page', { method: 'GET', url: '/dang-nhap' }],
  ['an API call without a session', { method: 'GET', url: '/api/campaigns' }],
  ['a stylesheet', { method: 'GET', url: '/assets/survey.css' }],
  ['an address that does not exist', { method: 'GET', url: '/khong-co-trang-nay' }],
  ['a body the API refuses', { method: 'POST', url: '/api/auth/login', payload: { username: 1 } }],
  ['a survey link that is not one', { method: 'GET', url: '/s/khong-phai-duong-dan' }],
];

describe('security headers', () => {
  it.each(replies)('are on %s', async (_what, request) => {
    const res = await t.app.inject(request as never);
    const policy = new Map(String(res.headers['content-security-policy']).split(';').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(Object.fromEntries(policy)).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'object-src': "'none'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
    });
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
