// What an SMTP outcome means for a message: delivered, retried later (4xx,
// greylisting, a dropped or refused connection) or bounced for good (5xx).
// Retries back off exponentially with jitter so a recovering server is not
// hit by every message at once, and give up after a bounded number of tries.

export type SmtpFailure = { responseCode?: number | undefined; code?: string | undefined; message: string; response?: string | undefined };

export type Outcome =
  | { kind: 'sent'; reply: string }
  | { kind: 'retry'; reply: string; delaySeconds: number }
  | { kind: 'bounced'; reply: string }
  | { kind: 'failed'; reply: string };

/** A failure that says nothing about the recipient: the server is unreachable. */
export function isConnectionFailure(f: SmtpFailure): boolean {
  return f.responseCode === undefined && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET'].includes(f.code ?? '');
}

export function replyText(f: SmtpFailure): string {
  return (f.response ?? f.message).replace(/\s+/g, ' ').trim().slice(0, 500);
}

export function backoffSeconds(attempt: number, baseSeconds: number, random: () => number): number {
  const exp = baseSeconds * 2 ** Math.min(Math.max(attempt - 1, 0), 10);
  return exp * (0.75 + random() * 0.5);
}

export function classifyFailure(f: SmtpFailure, attempt: number, o: { baseSeconds: number; maxAttempts: number; random: () => number }): Outcome {
  const reply = replyText(f);
  if (f.responseCode !== undefined && f.responseCode >= 500) return { kind: 'bounced', reply };
  if (attempt >= o.maxAttempts) return { kind: 'failed', reply };
  return { kind: 'retry', reply, delaySeconds: backoffSeconds(attempt, o.baseSeconds, o.random) };
}

/**
 * Paces sends to a rate the sender enforces itself: each send takes the next
 * slot on a clock, so several pooled connections together never exceed it.
 */
export function createPacer(perSecond: number, now: () => number = () => performance.now()) {
  const gap = 1000 / perSecond;
  let next = now();
  return {
    /** Milliseconds to wait before the next send may start. */
    take(): number {
      const t = now();
      const slot = Math.max(next, t); // an idle pacer saves up no burst
      next = slot + gap;
      return slot - t;
    },
  };
}
