// A real SMTP server on loopback whose replies a test chooses, and submitted
// lists with invitations queued, made directly (the list workflow is its own module).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { sql } from 'drizzle-orm';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Db } from '../../src/db/client.js';
import { campaignBodies, respondents } from '../../src/db/schema/index.js';
import { issueInvitations, mailDomain } from '../../src/modules/mail/invitations.service.js';
import type { Config } from '../../src/config.js';
import { and, eq } from 'drizzle-orm';

export type Received = { parsed: ParsedMail; raw: Buffer; to: string[] };
/** Decides the reply to a message: undefined accepts, an error with responseCode refuses. */
export type Behaviour = (ctx: { to: string; attempt: number }) => { code: number; message: string } | 'drop' | undefined | Promise<{ code: number; message: string } | 'drop' | undefined>;

export type TestSmtp = { port: number; url: string; received: Received[]; close(): Promise<void> };

export async function startTestSmtp(behaviour: Behaviour = () => undefined, port = 0): Promise<TestSmtp> {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const key = to.join(',');
        const attempt = (attempts.get(key) ?? 0) + 1;
        attempts.set(key, attempt);
        const verdict = await behaviour({ to: key, attempt });
        if (verdict === 'drop') {
          // Hang up in the middle of the message, as a failing server would.
          for (const c of (server as unknown as { connections: Set<{ session: unknown; _socket: { destroy(): void } }> }).connections) {
            if (c.session === session) c._socket.destroy();
          }
          return;
        }
        if (verdict) {
          const err = Object.assign(new Error(verdict.message), { responseCode: verdict.code });
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        received.push({ raw, to, parsed: await simpleParser(raw) });
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return { port: actual, url: `smtp://127.0.0.1:${actual}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Lists `n` respondents in a body, submits the list and issues invitations. */
export async function submitList(db: Db, config: Config, o: { campaignId: string; bodyCode: string; n: number; group?: string; names?: (i: number) => string }) {
  const rows = Array.from({ length: o.n }, (_, i) => {
    const email = `nguoi${i + 1}.${o.bodyCode}@tinh.gov.vn`;
    return { campaignId: o.campaignId, bodyCode: o.bodyCode, groupCode: o.group ?? 'hdnd', fullName: o.names?.(i) ?? `Nguyễn Văn ${i + 1}`, email, emailNorm: email };
  });
  await db.insert(respondents).values(rows);
  await db.update(campaignBodies).set({ listState: 'submitted', listSubmittedAt: sql`now()` }).where(and(eq(campaignBodies.campaignId, o.campaignId), eq(campaignBodies.code, o.bodyCode)));
  return issueInvitations(db, { campaignId: o.campaignId, bodyCode: o.bodyCode, tokenSecret: config.tokenSecret, mailDomain: mailDomain(config.mailFrom) });
}
