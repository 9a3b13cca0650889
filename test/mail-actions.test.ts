import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, outbox, respondents } from '../src/db/schema/index.js';
import { linkToken, tokenHash } from '../src/modules/mail/links.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { startTestSmtp, submitList, type TestSmtp } from './helpers/mail.js';

const INBOUND = 'i'.repeat(40);
let t: TestApp;
let server: TestSmtp;
let campaignId: string;
let admin: string;
let hanoi: string;
let haGiang: string;

beforeAll(async () => {
  server = await startTestSmtp(({ to }) => (to === 'nguoi3.01@tinh.gov.vn' ? { code: 550, message: '5.1.1 User unknown' } : undefined));
  t = await createTestApp({ SMTP_URL: server.url, MAIL_RETRY_SECONDS: '0.05', MAIL_RATE: '500', INBOUND_MAIL_TOKEN: INBOUND });
  campaignId = await seedProvinceCampaign(t);
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'hanoi', 'body', '01');
  await addUser(t, 'hagiang', 'body', '22');
  [admin, hanoi, haGiang] = await Promise.all([login(t.app, 'moha'), login(t.app, 'hanoi'), login(t.app, 'hagiang')]);
  await submitList(t.db, t.config, { campaignId, bodyCode: '01', n: 5 });
  await t.services.mail.dispatch({ campaignId, untilIdle: true });
});
afterAll(async () => {
  await t.services.mail.close();
  await t.close();
  await server.close();
});

const invitationOf = async (email: string) => (await t.db.select().from(invitations).where(eq(invitations.emailNorm, email)))[0]!;
const receivedBy = (email: string) => server.received.filter((r) => r.to[0] === email);

describe('reminders', () => {
  it('remind only those who have not answered and whose address did not bounce, once per round', async () => {
    await t.db.update(invitations).set({ status: 'completed' }).where(eq(invitations.emailNorm, 'nguoi1.01@tinh.gov.vn'));
    const campaign = await t.services.campaigns.requireCampaign(campaignId);
    const sevenDaysBefore = new Date(campaign.responseDeadline.getTime() - 7 * 86400_000 + 3600_000);
    const first = await t.services.mail.remind({ campaignId, now: sevenDaysBefore });
    expect(first.rounds).toEqual([{ campaignId, label: 'd-7', queued: 3 }]);
    expect((await t.services.mail.remind({ campaignId, now: sevenDaysBefore })).rounds).toEqual([]);
    const before = server.received.length;
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    const reminders = server.received.slice(before);
    expect(reminders.map((r) => r.to[0]).sort()).toEqual(['nguoi2.01@tinh.gov.vn', 'nguoi4.01@tinh.gov.vn', 'nguoi5.01@tinh.gov.vn']);
    expect(reminders[0]!.parsed.subject).toMatch(/^Nhắc trả lời phiếu khảo sát/);
    await t.db.update(invitations).set({ status: 'active' }).where(eq(invitations.emailNorm, 'nguoi1.01@tinh.gov.vn'));
  });
});

describe('urging (đôn đốc)', () => {
  const url = (body: string) => `/api/v1/campaigns/${campaignId}/bodies/${body}/urge`;

  it('lets the officer urge their body once per 24 hours', async () => {
    const status = await t.app.inject({ method: 'GET', url: url('01'), headers: bearer(hanoi) });
    expect(status.json()).toMatchObject({ canUrge: true, waiting: 4, listSubmitted: true });
    const res = await t.app.inject({ method: 'POST', url: url('01'), headers: bearer(hanoi) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ queued: 4, canUrge: false });
    const again = await t.app.inject({ method: 'POST', url: url('01'), headers: bearer(admin) });
    expect(again.statusCode).toBe(429);
    expect(again.json().detail).toMatch(/một lần trong 24 giờ/);
    expect((await t.db.select().from(outbox).where(eq(outbox.kind, 'reminder'))).length).toBe(3 + 4);
  });

  it('refuses a body whose list is not submitted', async () => {
    const res = await t.app.inject({ method: 'POST', url: url('22'), headers: bearer(haGiang) });
    expect(res.statusCode).toBe(409);
  });

  it("hides another body's urging from an officer", async () => {
    expect((await t.app.inject({ method: 'GET', url: url('01'), headers: bearer(haGiang) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: url('01'), headers: bearer(haGiang) })).statusCode).toBe(404);
  });
});

describe('fixing an address', () => {
  const url = (body: string, id: string) => `/api/v1/campaigns/${campaignId}/bodies/${body}/respondents/${id}/email`;

  it('gives the bounced person a new link at the new address and kills the old one', async () => {
    const bounced = await invitationOf('nguoi3.01@tinh.gov.vn');
    expect(bounced.mailStatus).toBe('bounced');
    const oldHash = bounced.tokenHash;
    const res = await t.app.inject({ method: 'PATCH', url: url('01', bounced.respondentId!), headers: bearer(hanoi), payload: { email: ' Tran.Thi.C@Tinh.Gov.VN ' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'tran.thi.c@tinh.gov.vn', queued: 1 });
    const fixed = (await t.db.select().from(invitations).where(eq(invitations.id, bounced.id)))[0]!;
    expect(fixed).toMatchObject({ version: 2, mailStatus: 'queued', bounceReason: null, emailNorm: 'tran.thi.c@tinh.gov.vn' });
    expect(fixed.tokenHash.equals(oldHash)).toBe(false);
    expect(fixed.tokenHash.equals(tokenHash(linkToken(t.config.tokenSecret, bounced.id, 2)))).toBe(true);
    const [person] = await t.db.select({ email: respondents.email }).from(respondents).where(eq(respondents.id, bounced.respondentId!));
    expect(person!.email).toBe('Tran.Thi.C@Tinh.Gov.VN');
    await t.services.mail.dispatch({ campaignId, untilIdle: true });
    const mail = receivedBy('tran.thi.c@tinh.gov.vn');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.parsed.text).toContain(`/s/${linkToken(t.config.tokenSecret, bounced.id, 2)}`);
    expect((await invitationOf('tran.thi.c@tinh.gov.vn')).mailStatus).toBe('sent');
  });

  it('refuses an address that is not one, or already listed', async () => {
    const inv = await invitationOf('nguoi4.01@tinh.gov.vn');
    const bad = await t.app.inject({ method: 'PATCH', url: url('01', inv.respondentId!), headers: bearer(hanoi), payload: { email: 'khong-phai-dia-chi' } });
    expect(bad.statusCode).toBe(422);
    const taken = await t.app.inject({ method: 'PATCH', url: url('01', inv.respondentId!), headers: bearer(hanoi), payload: { email: 'nguoi5.01@tinh.gov.vn' } });
    expect(taken.statusCode).toBe(409);
  });

  it("does not let an officer touch another body's respondent", async () => {
    const inv = await invitationOf('nguoi4.01@tinh.gov.vn');
    expect((await t.app.inject({ method: 'PATCH', url: url('01', inv.respondentId!), headers: bearer(haGiang), payload: { email: 'x@tinh.gov.vn' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: url('22', inv.respondentId!), headers: bearer(haGiang), payload: { email: 'x@tinh.gov.vn' } })).statusCode).toBe(404);
  });
});

describe('bounce reports', () => {
  const dsn = (messageId: string, returned: 'headers' | 'message') => Buffer.from(
    [
      'From: MAILER-DAEMON@mx.tinh.gov.vn',
      'To: khaosat-cchc@localhost',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.tinh.gov.vn>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your message could not be delivered.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.tinh.gov.vn',
      '',
      'Final-Recipient: rfc822; nguoi5.01@tinh.gov.vn',
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
      '',
      '--B',
      `Content-Type: ${returned === 'headers' ? 'text/rfc822-headers' : 'message/rfc822'}`,
      '',
      'From: Khao sat <khaosat-cchc@localhost>',
      `Message-ID: ${messageId}`,
      'Subject: Moi tra loi phieu khao sat',
      '',
      ...(returned === 'message' ? ['Noi dung thu.', ''] : []),
      '--B--',
      '',
    ].join('\r\n'),
  );

  it('marks the right respondent bounced from a delivery status notification', async () => {
    const target = await invitationOf('nguoi5.01@tinh.gov.vn');
    const [message] = await t.db.select({ messageId: outbox.messageId }).from(outbox).where(eq(outbox.invitationId, target.id)).limit(1);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/bounces', headers: { authorization: `Bearer ${INBOUND}`, 'content-type': 'message/rfc822' }, payload: dsn(message!.messageId, 'headers') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ matched: 1, bounced: true, status: '5.2.2' });
    const after = await invitationOf('nguoi5.01@tinh.gov.vn');
    expect(after.mailStatus).toBe('bounced');
    expect(after.bounceReason).toContain('Mailbox full');
    expect((await invitationOf('nguoi4.01@tinh.gov.vn')).mailStatus).toBe('sent');
  });

  it('reads a report that returns the whole message', async () => {
    const target = await invitationOf('nguoi2.01@tinh.gov.vn');
    const [message] = await t.db.select({ messageId: outbox.messageId }).from(outbox).where(eq(outbox.invitationId, target.id)).limit(1);
    const result = await t.services.mail.ingestBounce(dsn(message!.messageId, 'message'));
    expect(result).toMatchObject({ matched: 1, bounced: true });
    expect((await invitationOf('nguoi2.01@tinh.gov.vn')).mailStatus).toBe('bounced');
  });

  it('accepts reports only with the inbound token or as an admin', async () => {
    const payload = dsn('<unknown@localhost>', 'headers');
    const headers = { 'content-type': 'message/rfc822' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/bounces', headers, payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/bounces', headers: { ...headers, authorization: `Bearer ${'x'.repeat(40)}` }, payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/bounces', headers: { ...headers, ...bearer(hanoi) }, payload })).statusCode).toBe(403);
    const asAdmin = await t.app.inject({ method: 'POST', url: '/api/v1/bounces', headers: { ...headers, ...bearer(admin) }, payload });
    expect(asAdmin.json()).toMatchObject({ matched: 0, bounced: false });
  });
});

describe('outbox', () => {
  it('shows the outbox to an admin only', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/outbox?status=bounced`, headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.length).toBeGreaterThanOrEqual(2);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/outbox`, headers: bearer(hanoi) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/outbox/retry-failed`, headers: bearer(hanoi) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/outbox/retry-failed`, headers: bearer(admin) })).json()).toEqual({ requeued: 0 });
  });
});
