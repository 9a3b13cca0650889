// A loopback SMTP server that counts what it accepts by Message-ID (so a
// message delivered twice shows up) and can refuse every message for a while,
// as a real server does when it is overloaded or restarting.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CountingSink = {
  port: number;
  url: string;
  accepted: number;
  refused: number;
  unique(): number;
  duplicates(): number;
  /** Answers 421 to every message until the time is up. */
  refuseFor(ms: number): void;
  close(): Promise<void>;
};

export async function startCountingSink(): Promise<CountingSink> {
  const seen = new Map<string, number>();
  let refuseUntil = 0;
  const state = { accepted: 0, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onMailFrom(_address, _session, callback) {
      if (Date.now() < refuseUntil) {
        state.refused++;
        const error = Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = head.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? `(none ${state.accepted})`;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        state.accepted++;
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    get accepted() {
      return state.accepted;
    },
    get refused() {
      return state.refused;
    },
    unique: () => seen.size,
    duplicates: () => state.accepted - seen.size,
    refuseFor(ms) {
      refuseUntil = Date.now() + ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
