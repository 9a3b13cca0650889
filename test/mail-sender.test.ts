import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { invitations, outbox } from '../src/db/schema/index.js';
import { createMailService } from '../src/modules/mail/mail.service.js';
import { tokenHash, TOKEN_PATTERN } from '../src/modules/mail/links.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { startTestSmtp, submitList, type TestSmtp } from './helpers/mail.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(smtpUrl: string, extra: Record<string, string> = {}) {
  const t = await createTestApp({ SMTP_URL: smtpUrl, MAIL_RETRY_SECONDS: '0.05', MAIL_RATE: '500', ...extra });
  cleanups.push(() => t.close());
  cleanups.push(() => t.services.mail.close());
  const campaignId = await seedProvinceCampaign(t);
  return { t, campaignId };
}

async function smtp(behaviour?: Parameters<typeof startTestSmtp>[0], port?: number): Promise<TestSmtp> {
  const s = await startTestSmtp(behaviour, port);
  cleanups.push(() => s.close());
  return s;
}

const statuses = async (t: TestApp) => (await t.db.select({ status: outbox.status, attempts: outbox.attempts, lastReply: outbox.lastReply }).from(outbox));

describe('mail sender', () => {
  it('delivers every invitation of a submitted list once, with a working link', async () => {
    const server = await smtp();
    const { t, campaignId } = await setup(server.url);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 12 });
    const total = await t.services.mail.dispatch({ campaignId, untilIdle: true });
    expect(total.sent).toBe(12);
    expect(server.received).toHaveLength(12);
    expect(new Set(server.received.map((r) => r.to[0])).size).toBe(12);
    const mail = server.received[0]!.parsed;
    expect(mail.messageId).toMatch(/^<.+@localhost>$/);
    expect(mail.text).toContain('Nguyễn Văn');
    expect(mail.html).toContain('Trả lời phiếu khảo sát');
    expect(mail.html).not.toMatch(/<img/i);
    const link = mail.text!.match(/http:\/\/khaosat\.test\/s\/(\S+)/)![1]!;
    expect(link).toMatch(TOKEN_PATTERN);
    const [inv] = await t.db.select({ id: invitations.id, mailStatus: invitations.mailStatus }).from(invitations).where(eq(invitations.tokenHash, tokenHash(link)));
    expect(inv?.mailStatus).toBe('sent');
    expect((await statuses(t)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    // Nothing is sent twice.
    expect((await t.services.mail.sendPending()).claimed).toBe(0);
  });

  it('retries a 451 (greylisting) and then delivers', async () => {
    const server = await smtp(({ attempt }) => (attempt === 1 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : undefined));
    const { t, campaignId } = await setup(server.url);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 3 });
    const first = await t.services.mail.sendPending();
    expect(first.retried).toBe(3);
    expect((await statuses(t)).map((r) => r.lastReply)).toEqual(Array(3).fill(expect.stringContaining('Greylisted')));
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    expect(server.received).toHaveLength(3);
    expect((await statuses(t)).every((r) => r.status === 'sent' && r.attempts === 2)).toBe(true);
  });

  it('marks a 550 reply as a bounce with the reply text', async () => {
    const server = await smtp(({ to }) => (to.startsWith('nguoi2.') ? { code: 550, message: '5.1.1 Mailbox does not exist' } : undefined));
    const { t, campaignId } = await setup(server.url);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 3 });
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    const rows = await t.db.select({ email: invitations.emailNorm, mailStatus: invitations.mailStatus, reason: invitations.bounceReason }).from(invitations).orderBy(invitations.emailNorm);
    expect(rows.map((r) => r.mailStatus)).toEqual(['sent', 'bounced', 'sent']);
    expect(rows[1]!.reason).toContain('Mailbox does not exist');
    expect(server.received).toHaveLength(2);
  });

  it('retries a connection dropped in the middle of a message', async () => {
    const server = await smtp(({ attempt }) => (attempt === 1 ? 'drop' : undefined));
    const { t, campaignId } = await setup(server.url);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 2 });
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    expect(server.received).toHaveLength(2);
    expect((await statuses(t)).every((r) => r.status === 'sent' && r.attempts >= 2)).toBe(true);
  });

  it('delays but loses nothing while the SMTP server is down at start', async () => {
    const probe = await startTestSmtp();
    const port = probe.port;
    await probe.close();
    const { t, campaignId } = await setup(`smtp://127.0.0.1:${port}`);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 20 });
    const down = await t.services.mail.sendPending();
    expect(down.sent).toBe(0);
    expect(down.paused).toBe(true);
    // The pause gave claims back without spending their attempts.
    expect((await statuses(t)).filter((r) => r.status === 'queued').length).toBe(20);
    const server = await smtp(undefined, port);
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    expect(server.received).toHaveLength(20);
    expect((await statuses(t)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('waits for a slow server without sending twice', async () => {
    const server = await smtp(async () => {
      await new Promise((r) => setTimeout(r, 300));
      return undefined;
    });
    const { t, campaignId } = await setup(server.url, { MAIL_CONCURRENCY: '2' });
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 6 });
    const total = await t.services.mail.dispatch({ campaignId, untilIdle: true });
    expect(total.sent).toBe(6);
    expect(server.received).toHaveLength(6);
  });

  it('never lets a CR/LF in a name create a header', async () => {
    const server = await smtp();
    const { t, campaignId } = await setup(server.url);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 1, names: () => 'Lê Thị B\r\nBcc: ke-gian@evil.example\r\nX-Injected: 1' });
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    expect(server.received).toHaveLength(1);
    const r = server.received[0]!;
    expect(r.to).toEqual(['nguoi1.01@tinh.gov.vn']);
    expect(r.parsed.headers.has('bcc')).toBe(false);
    expect(r.parsed.headers.has('x-injected')).toBe(false);
    const head = r.raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^(Bcc|X-Injected):/im);
  });

  it('lets two senders share the outbox without sending any message twice', async () => {
    const server = await smtp();
    const { t, campaignId } = await setup(server.url);
    await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 60 });
    await submitList(t.db, t.config, { campaignId, bodyCode: '22', n: 60 });
    const second = createMailService({ db: t.db, config: t.config, campaigns: t.services.campaigns });
    cleanups.push(() => second.close());
    const both = await Promise.all([
      t.services.mail.dispatch({ campaignId, untilIdle: true }),
      second.dispatch({ campaignId, untilIdle: true }),
    ]);
    expect(both[0].sent + both[1].sent).toBe(120);
    expect(server.received).toHaveLength(120);
    expect(new Set(server.received.map((r) => r.parsed.messageId)).size).toBe(120);
  });
});
