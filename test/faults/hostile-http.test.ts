// Hostile traffic on a real socket, where app.inject cannot reach: a body that
// streams past the limit without a length, a length that lies, oversized
// headers, raw invalid bytes in the path, a flood of junk connections. Each is
// refused with a 4xx (or the socket closed), and the service answers normally after.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { listeningApp, migratedDatabase, type ListeningApp } from './helpers/service.js';

let pg: PrivatePostgres;
let s: ListeningApp;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  s = await listeningApp(await migratedDatabase(pg));
  await s.services.accounts.createUser({ username: 'moha', role: 'admin', password: TEST_PASSWORD }, 'test');
});
afterAll(async () => {
  await s?.close();
  await pg?.destroy();
});

/** Writes raw bytes to the server and returns what it answered before closing. */
function raw(request: Buffer | string, { endAfterMs = 2_000 } = {}): Promise<string> {
  const { port } = s.app.server.address() as { port: number };
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(request);
    setTimeout(() => socket.destroy(), endAfterMs).unref();
  });
}

const statusOf = (answer: string) => Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);

async function healthy() {
  expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
  const res = await fetch(`${s.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'moha', password: TEST_PASSWORD }) });
  expect(res.status).toBe(200);
}

describe('hostile traffic over HTTP', () => {
  it('refuses a chunked body that streams past the limit with 413 and a clear message', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let body = '';
    for (let i = 0; i < 40; i++) body += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    const answer = await raw(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${body}0\r\n\r\n`);
    expect(statusOf(answer)).toBe(413);
    expect(answer).toMatch(/problem\+json/);
    expect(Buffer.from(answer, 'latin1').toString('utf8')).toContain('quá lớn');
    await healthy();
  });

  it('refuses a declared length over the limit before reading the body', async () => {
    const answer = await raw(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{"a":`);
    expect(statusOf(answer)).toBe(413);
    await healthy();
  });

  it('survives a body shorter than its declared length and a client that hangs up', async () => {
    await raw(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"username":"moha"`, { endAfterMs: 300 });
    await healthy();
  });

  it('refuses oversized headers and raw invalid bytes in the path with a 4xx', async () => {
    expect(statusOf(await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Junk: ${'a'.repeat(64 * 1024)}\r\n\r\n`))).toBe(431);
    const badPath = Buffer.concat([Buffer.from('GET /s/'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]);
    const status = statusOf(await raw(badPath));
    expect(status === 0 || (status >= 400 && status < 500)).toBe(true);
    const encoded = await fetch(`${s.base}/s/%FF%FE%C3%28`);
    expect(encoded.status).toBeGreaterThanOrEqual(400);
    expect(encoded.status).toBeLessThan(500);
    await healthy();
  });

  it('stays responsive after a flood of junk connections', async () => {
    const junk = Array.from({ length: 200 }, (_, i) => raw(i % 2 ? 'NOT HTTP AT ALL\r\n\r\n' : `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{`, { endAfterMs: 200 }));
    await Promise.all(junk);
    await healthy();
  });
});
