// What the mail-send benchmark's processes share: the configuration the sender
// runs with (the sink on loopback as SMTP server, no rate limit of its own) and
// the bare loop it is compared with.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { parseConfig, type Config } from '../../../src/config.js';

export function senderConfig(smtpPort: number, concurrency: number, databaseUrl?: string): Config {
  return parseConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'par-bench-mail-')),
    JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), PUBLIC_BASE_URL: 'https://khaosat.example.gov.vn',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_RATE: '100000', MAIL_CONCURRENCY: String(concurrency),
  });
}

/** One pre-rendered message sent `count` times through a pooled transport; messages/s. */
export async function bareLoop(port: number, message: SendMailOptions, count: number, concurrency: number) {
  const transport = nodemailer.createTransport({ pool: true, host: '127.0.0.1', port, secure: false, ignoreTLS: true, maxConnections: concurrency, maxMessages: Infinity, maxRequeues: 0 });
  const inflight = new Set<Promise<unknown>>();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    while (inflight.size >= concurrency * 2) await Promise.race(inflight);
    const p = transport.sendMail({ ...message, messageId: `<bare-${i}@localhost>` }).finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return count / seconds;
}
