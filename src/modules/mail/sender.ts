// The outbox sender: claims due messages, sends them through one pooled SMTP
// transport at a rate it paces itself, and records each outcome in small
// batches as it goes, so a crash re-sends at most what was in flight. After a
// run of connection failures (server down) it gives its claims back and pauses
// instead of spending every message's attempts.
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Db } from '../../db/client.js';
import { classifyFailure, createPacer, isConnectionFailure, type SmtpFailure } from './delivery.js';
import { claimDue, recordResults, releaseClaims, type ClaimedMessage, type Result } from './outbox.queries.js';

export type OutgoingMail = { from: string; to: { name: string; address: string }; subject: string; html: string; text: string; messageId: string };
export type MailLog = { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
export type SendCounts = { claimed: number; sent: number; retried: number; bounced: number; failed: number; cancelled: number; paused: boolean };

export type SenderOptions = {
  db: Db;
  worker: string;
  transport: () => Promise<Transporter<SMTPPool.SentMessageInfo>>;
  compose: (m: ClaimedMessage) => Promise<OutgoingMail | null>;
  ratePerSecond: number;
  concurrency: number;
  leaseSeconds: number;
  retrySeconds: number;
  maxAttempts: number;
  log: MailLog;
  random?: () => number;
  /** Consecutive connection failures before pausing. */
  pauseAfter?: number;
};

/** Outcomes are written at least this often: what a crash can re-send is bounded by it. */
const FLUSH_EVERY = 50;
const FLUSH_MS = 250;

export function createSender(o: SenderOptions) {
  const pacer = createPacer(o.ratePerSecond);
  const random = o.random ?? Math.random;
  const pauseAfter = o.pauseAfter ?? 8;
  let pausedUntil = 0;
  let consecutiveFailures = 0;
  // A batch must end well inside its lease, or another sender could take it over.
  const maxBatch = Math.max(1, Math.floor((o.ratePerSecond * o.leaseSeconds) / 2));

  function outcomeOf(m: ClaimedMessage, error: unknown): Result {
    const failure = error as SmtpFailure;
    if (isConnectionFailure(failure)) consecutiveFailures++;
    else consecutiveFailures = 0;
    const outcome = classifyFailure(failure, m.attempts, { baseSeconds: o.retrySeconds, maxAttempts: o.maxAttempts, random });
    if (outcome.kind === 'retry') return { id: m.id, status: 'queued', reply: outcome.reply, delaySeconds: outcome.delaySeconds };
    return { id: m.id, status: outcome.kind === 'bounced' ? 'bounced' : 'failed', reply: outcome.reply, delaySeconds: 0 };
  }

  async function sendPending({ limit = 500, campaignId, signal }: { limit?: number; campaignId?: string | undefined; signal?: AbortSignal } = {}): Promise<SendCounts> {
    const counts: SendCounts = { claimed: 0, sent: 0, retried: 0, bounced: 0, failed: 0, cancelled: 0, paused: false };
    if (Date.now() < pausedUntil) return { ...counts, paused: true };
    const claimed = await claimDue(o.db, { worker: o.worker, limit: Math.min(limit, maxBatch), leaseSeconds: o.leaseSeconds, campaignId });
    counts.claimed = claimed.length;
    if (claimed.length === 0) return counts;
    const transport = await o.transport();

    let pending: Result[] = [];
    let flushing: Promise<void> = Promise.resolve();
    let flushedAt = Date.now();
    const flush = () => {
      const part = pending;
      pending = [];
      flushedAt = Date.now();
      flushing = flushing.then(() => recordResults(o.db, o.worker, part));
      return flushing;
    };
    const settle = (r: Result) => {
      if (r.status === 'sent') counts.sent++;
      else if (r.status === 'queued') counts.retried++;
      else counts[r.status]++;
      pending.push(r);
      if (pending.length >= FLUSH_EVERY || Date.now() - flushedAt >= FLUSH_MS) void flush().catch(() => {});
    };

    const inflight = new Set<Promise<void>>();
    let next = 0;
    for (; next < claimed.length; next++) {
      if (signal?.aborted || Date.now() < pausedUntil) break;
      const m = claimed[next]!;
      const mail = await o.compose(m);
      if (!mail) {
        settle({ id: m.id, status: 'cancelled', reply: null, delaySeconds: 0 });
        continue;
      }
      const wait = pacer.take();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (inflight.size >= o.concurrency * 2) await Promise.race(inflight);
      const p: Promise<void> = transport.sendMail(mail).then(
        (info) => {
          consecutiveFailures = 0;
          settle({ id: m.id, status: 'sent', reply: String(info.response ?? '').slice(0, 500), delaySeconds: 0 });
        },
        (error: unknown) => {
          settle(outcomeOf(m, error));
          if (consecutiveFailures >= pauseAfter && Date.now() >= pausedUntil) {
            const seconds = Math.max(o.retrySeconds, 1);
            pausedUntil = Date.now() + seconds * 1000;
            o.log.warn(`Máy chủ thư không kết nối được sau ${consecutiveFailures} lần liên tiếp (${(error as Error).message}); tạm dừng gửi ${seconds} giây.`);
          }
        },
      ).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    const unsent = claimed.slice(next).map((m) => m.id);
    await flush();
    if (unsent.length > 0) {
      await releaseClaims(o.db, o.worker, unsent, Math.max(0, (pausedUntil - Date.now()) / 1000));
      counts.paused = Date.now() < pausedUntil;
    }
    return counts;
  }

  return { sendPending, isPaused: () => Date.now() < pausedUntil };
}

export type Sender = ReturnType<typeof createSender>;
