// The development and demo mail server: a real SMTP server on loopback that
// keeps each message as an .eml file, so mail takes the same SMTP path as in
// production and can be opened with any mail reader.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SMTPServer } from 'smtp-server';

export type MailSink = { host: string; port: number; dir: string; close(): Promise<void> };

export async function startMailSink(dir: string, port = 0): Promise<MailSink> {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      pipeline(stream, createWriteStream(file)).then(() => callback(), (err: Error) => callback(err));
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return { host: '127.0.0.1', port: address.port, dir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
