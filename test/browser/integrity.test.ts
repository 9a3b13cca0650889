// MOHA reviews an interference flag in a real browser: logs in, reads the
// evidence, confirms it with a reason, and sees the decision recorded.
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
  await insertResponses(
    t.db,
    C,
    '22',
    Array.from({ length: 6 }, (_, i) => ({ submittedAt: new Date(T0 + i * 5 * 60_000), answers: { '22': { q01: 'ABCD'[i % 4]! } }, secondsSpent: 700, ipHash: 'pc', uaHash: 'ua', netHash: 'net' })),
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
  it('confirms a flag with a reason and voids the responses in its evidence', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/admin/campaigns/${C}/flags`);
    await expectAccessible(page, 'login before the flags page');
    await page.fill('input[name="username"]', 'moha');
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`**/admin/campaigns/${C}/flags`), page.click('button[type="submit"]')]);
    const flag = page.locator('section.flag[data-rule="shared_device"]');
    await expect(flag.textContent()).resolves.toContain('6 phiếu gửi từ cùng một thiết bị');
    await expectAccessible(page, 'flags page');
    await flag.locator('select[name="decision"]').selectOption('void_responses');
    await flag.locator('input[name="reason"]').fill('Một người nhập hộ nhiều phiếu');
    await Promise.all([page.waitForURL('**/flags?done=decided'), flag.locator('button[type="submit"]').click()]);
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('Đã ghi nhận quyết định');
    await expectAccessible(page, 'flags page after a decision');
    expect(await t.db.$count(responses, sql`${responses.voidedAt} is not null`)).toBe(6);
    await page.goto(`${base}/admin/campaigns/${C}/flags?status=confirmed`);
    await expect(page.locator('section.flag').textContent()).resolves.toContain('Một người nhập hộ nhiều phiếu');
    await expectAccessible(page, 'confirmed flags');
    await page.close();
  });
});
