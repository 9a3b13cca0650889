// MOHA reviews an interference flag in a real browser: logs in, filters with
// everything left at "Tất cả", reads the evidence in sentences, voids after
// the confirmation step says what will happen, and reopens from the button.
import { chromium, type Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '../../src/db/schema/index.js';
import { addUser, createTestApp, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { insertResponses } from '../helpers/responses.js';
import { expectAccessible } from './helpers/axe.js';

let t: TestApp;
let browser: Browser;
let base: string;
const C = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  const T0 = Date.parse('2023-12-20T02:00:00Z');
  await insertResponses(t.db, C, '01', Array.from({ length: 30 }, (_, i) => ({ submittedAt: new Date(T0 + i * 3_600_000), answers: { '01': { q01: 'ABCD'[i % 4]! } }, secondsSpent: 650 + i, ipHash: 'pc', uaHash: 'ua', netHash: 'net' })));
  await insertResponses(
    t.db,
    C,
    '22',
    Array.from({ length: 6 }, (_, i) => ({ submittedAt: new Date(T0 + i * 5 * 60_000), answers: { '22': { q01: 'ABCD'[i % 4]! } }, secondsSpent: 40, ipHash: 'pc', uaHash: 'ua', netHash: 'net' })),
  );
  await t.services.integrity.run({ campaignId: C });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('interference review in the browser', () => {
  it('filters at "Tất cả", voids after one confirmation, and reopens', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/admin/campaigns/${C}/flags`);
    await expectAccessible(page, 'login before the flags page');
    await page.fill('input[name="username"]', 'moha');
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`**/admin/campaigns/${C}/flags`), page.click('button[type="submit"]')]);
    await Promise.all([page.waitForURL('**/flags?status=open&severity=&rule='), page.click('form[aria-label="Lọc cảnh báo"] button')]);
    const flag = page.locator('section.flag[data-rule="speeders"]');
    await expect(flag.textContent()).resolves.toContain('6 trên 6 phiếu được làm trong chưa đến 25%');
    await expectAccessible(page, 'flags page');
    await flag.locator('select[name="decision"]').selectOption('void_responses');
    await flag.locator('input[name="reason"]').fill('Một người nhập hộ nhiều phiếu');
    await flag.locator('button[type="submit"]').click();
    const confirm = page.locator('section.confirm');
    await expect(confirm.textContent()).resolves.toContain('Hủy 6 phiếu trong bằng chứng của Tỉnh Quảng Ninh');
    expect(await t.db.$count(responses, sql`${responses.voidedAt} is not null`)).toBe(0);
    await Promise.all([page.waitForURL('**/flags?done=decided'), confirm.locator('button[type="submit"]').click()]);
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('Đã ghi nhận quyết định');
    await expectAccessible(page, 'flags page after a decision');
    expect(await t.db.$count(responses, sql`${responses.voidedAt} is not null`)).toBe(6);
    await page.goto(`${base}/admin/campaigns/${C}/flags?status=confirmed`);
    const decided = page.locator('section.flag');
    await expect(decided.textContent()).resolves.toContain('Một người nhập hộ nhiều phiếu');
    await expectAccessible(page, 'confirmed flags');
    await decided.locator('input[name="reason"]').fill('Người trả lời xác nhận tự làm');
    await decided.locator('button', { hasText: 'Mở lại cảnh báo' }).click();
    await Promise.all([page.waitForURL('**/flags?done=reopened'), page.locator('section.confirm button[type="submit"]').click()]);
    expect(await t.db.$count(responses, sql`${responses.voidedAt} is not null`)).toBe(0);
    await page.close();
  });
});
