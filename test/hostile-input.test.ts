// Sends every route the inputs an attacker or a broken client would: oversized
// and deeply nested bodies, wrong content types, invalid UTF-8, path- and
// script-like values. None may cause a 5xx or a stack trace (a route that
// ignores its body may accept it), and the server must stay healthy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t);
  await addUser(t, 'moha', 'admin');
  admin = await login(t.app, 'moha');
});
afterAll(() => t?.close());

const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const invalidUtf8 = Buffer.concat([Buffer.from('{"username":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('","password":"x"}')]);

function fill(url: string) {
  return url.replace(':campaign', '2023-tinh').replace(':body', '22').replace(':token', 'A'.repeat(43)).replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
}

const BOUNDARY = '----par-hostile';
const csvHeaderLine = 'Họ và tên,Email,Số điện thoại,Cơ quan/đơn vị,Chức vụ,Nhóm';
const multipartCsv = (fileName: string, content: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`;

const payloads: { name: string; type: string; body: string | Buffer }[] = [
  { name: 'an oversized JSON body', type: 'application/json', body: JSON.stringify({ junk: 'x'.repeat(3 * 1024 * 1024) }) },
  { name: 'deeply nested JSON', type: 'application/json', body: deepJson(50_000) },
  { name: 'truncated JSON', type: 'application/json', body: '{"a": [1, 2' },
  { name: 'invalid UTF-8', type: 'application/json', body: invalidUtf8 },
  { name: 'a content type nobody accepts', type: 'application/x-unknown', body: 'hello' },
  { name: 'XML', type: 'application/xml', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>' },
  { name: 'a CSV with one huge line', type: 'text/csv; charset=utf-8', body: `${csvHeaderLine}\n${'Nguyễn Văn A'.repeat(70_000)},a@hanoi.gov.vn\n` },
  { name: 'a multipart CSV with a huge line and a path-like file name', type: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartCsv('../../../etc/passwd', `${csvHeaderLine}\n${'x'.repeat(900_000)}\n`) },
  { name: 'a multipart CSV with a script-like file name', type: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartCsv('<script>alert(1)</script>.csv', `${csvHeaderLine}\n"<img src=x onerror=alert(1)>",a@hanoi.gov.vn\n`) },
  { name: 'a multipart body that never ends', type: `multipart/form-data; boundary=${BOUNDARY}`, body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc` },
  { name: 'a urlencoded body with invalid percent escapes', type: 'application/x-www-form-urlencoded', body: 'action=submit&%E0%A4%A=%FF%FE&a=%' },
  { name: 'script-like values', type: 'application/json', body: JSON.stringify({ username: '<script>alert(1)</script>', name: '"><img src=x onerror=alert(1)>', id: '../../etc/passwd' }) },
];

describe('hostile input', () => {
  for (const p of payloads) {
    it(`answers ${p.name} on every route without a server error`, async () => {
      const failures: string[] = [];
      for (const route of t.app.routeCatalog) {
        if (route.method === 'GET' || route.method === 'HEAD') continue;
        // Logging out ends, on every process, the very session this walk uses.
        if (route.url.endsWith('/logout')) continue;
        const res = await t.app.inject({ method: route.method as 'POST', url: fill(route.url), headers: { ...bearer(admin), 'content-type': p.type }, payload: p.body });
        if (res.statusCode >= 500 || /\bat .*\.(ts|js):\d+/.test(res.body) || (res.statusCode >= 400 && !/problem\+json|text\/html/.test(String(res.headers['content-type'] ?? '')))) failures.push(`${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
      expect((await t.app.inject('/healthz')).statusCode).toBe(200);
      expect((await t.app.inject('/readyz')).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: bearer(admin) })).statusCode).toBe(200);
    });
  }

  it('answers path-like and script-like addresses with a 4xx', async () => {
    for (const url of ['/api/v1/campaigns/..%2F..%2Fetc%2Fpasswd', '/api/v1/campaigns/%3Cscript%3E', `/api/v1/campaigns/${'x'.repeat(5000)}`, '/s/..%2F..%2Fetc', '/assets/..%2F..%2Fpackage.json', '/%00']) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(admin) });
      expect.soft(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect.soft(res.statusCode, url).toBeLessThan(500);
      expect.soft(res.body).not.toContain('"name": "par-survey"');
    }
  });

  it('escapes script-like names wherever pages show them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/login?next=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
  });
});
