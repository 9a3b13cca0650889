// An officer urges non-respondents and fixes a bounced address from the body
// progress page, in Chromium, against the real app and a loopback SMTP server.
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../../src/db/schema/index.js';
import { addUser, createTestApp, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { startTestSmtp, submitList, type TestSmtp } from '../helpers/mail.js';
import { expectAccessible } from './helpers/axe.js';

let t: TestApp;
let server: TestSmtp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = await startTestSmtp(({ to }) => (to === 'nguoi2.01@tinh.gov.vn' ? { code: 550, message: '5.1.1 User unknown' } : undefined));
  t = await createTestApp({ SMTP_URL: server.url, MAIL_RETRY_SECONDS: '0.05', MAIL_RATE: '500' });
  await seedProvinceCampaign(t);
  await addUser(t, 'hanoi', 'body', '01');
  await submitList(t.db, t.config, { campaignId: '2023-tinh', bodyCode: '01', n: 4 });
  await t.services.mail.dispatch({ campaignId: '2023-tinh', untilIdle: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.services.mail.close();
  await t?.close();
  await server?.close();
});

async function officerPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${base}/c/2023-tinh/b/01`);
  await expectAccessible(page, 'login page');
  await page.fill('#username', 'hanoi');
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/c\/2023-tinh\/b\/01/), page.click('button[type=submit]')]);
  return page;
}

describe('mail actions on the body progress page', () => {
  it('urges those who have not answered, once a day', async () => {
    const page = await officerPage();
    await page.click('#urge summary:text("Đôn đốc 3 người")');
    const button = page.locator('#urge button', { hasText: 'Gửi thư đôn đốc đến 3 người' });
    await expect(button.count()).resolves.toBe(1);
    await expectAccessible(page, 'body page with non-respondents to urge');
    await Promise.all([page.waitForURL(/done=urge/), button.click()]);
    expect(await page.locator('.notice.ok').textContent()).toMatch(/thư đôn đốc/);
    expect(await page.locator('#urge').textContent()).toMatch(/Có thể đôn đốc lại từ/);
    await expect(page.locator('#urge button').count()).resolves.toBe(0);
    await expectAccessible(page, 'body page after urging');
    const before = server.received.length;
    await t.services.mail.dispatch({ campaignId: '2023-tinh', untilIdle: true });
    expect(server.received.slice(before).map((r) => r.parsed.subject)).toEqual(Array(3).fill(expect.stringMatching(/^Nhắc trả lời/)));
    await page.close();
  });

  it('fixes a bounced address and sends a new invitation there', async () => {
    const page = await officerPage();
    const row = page.locator('#bounced tr', { hasText: 'nguoi2.01@tinh.gov.vn' });
    await expect(row.count()).resolves.toBe(1);
    await expectAccessible(page, 'body page with a bounced address');
    await row.locator('input[name=email]').fill('dung.dia.chi@tinh.gov.vn');
    await Promise.all([page.waitForURL(/done=email/), row.locator('button', { hasText: 'Lưu và gửi lại' }).click()]);
    expect(await page.locator('.notice.ok').textContent()).toMatch(/Đã sửa địa chỉ/);
    expect(await page.locator('#bounced').textContent()).toMatch(/Chưa có thư nào bị trả lại/);
    await expectAccessible(page, 'body page after fixing an address');
    await t.services.mail.dispatch({ campaignId: '2023-tinh', untilIdle: true });
    expect(server.received.filter((r) => r.to[0] === 'dung.dia.chi@tinh.gov.vn')).toHaveLength(1);
    const [inv] = await t.db.select({ mailStatus: invitations.mailStatus, version: invitations.version }).from(invitations).where(eq(invitations.emailNorm, 'dung.dia.chi@tinh.gov.vn'));
    expect(inv).toEqual({ mailStatus: 'sent', version: 2 });
    await page.close();
  });

  it('shows a mistyped address as an error the officer can act on', async () => {
    await t.db.update(invitations).set({ mailStatus: 'bounced', bounceReason: '550 test' }).where(eq(invitations.emailNorm, 'nguoi3.01@tinh.gov.vn'));
    const page = await officerPage();
    const row = page.locator('#bounced tr', { hasText: 'nguoi3.01@tinh.gov.vn' });
    await row.locator('input[name=email]').evaluate((el) => el.setAttribute('type', 'text'));
    await row.locator('input[name=email]').fill('nguoi3 at tinh');
    await row.locator('button').click();
    await page.waitForLoadState();
    expect(await page.locator('[role=alert]').textContent()).toMatch(/không phải là địa chỉ thư điện tử hợp lệ/);
    await expectAccessible(page, 'body page with a mistyped address');
    await page.close();
  });
});
