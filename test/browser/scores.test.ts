// A body's own published scores in Chromium, on an office screen and a phone:
// the totals, the sub-criteria table, the group detail with small figures
// hidden, and another body's page refused.
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { insertUniformResponses } from '../helpers/responses.js';
import { expectAccessible } from './helpers/axe.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let t: TestApp;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { id: 'diem', bodies: ['01', '22'], listDeadline: '2023-12-15', responseDeadline: '2024-01-10' });
  const config = await t.services.campaigns.config('diem');
  // Quảng Ninh: 6 delegates answer A, 5 department heads B, 2 division heads C (under the minimum of 5):
  // each sub-criterion on both forms is M_k × (1 + 0.6)/2 = 0.8 M_k; 5.2 (not on the delegates' form) 0.6 × 1.5.
  // Total 0.8 × 37 + 0.9 = 30.50 of 38.5 = 79.22 %.
  await insertUniformResponses(t, config, { campaignId: 'diem', bodyCode: '22', groupCode: 'hdnd', option: 'A', count: 6 });
  await insertUniformResponses(t, config, { campaignId: 'diem', bodyCode: '22', groupCode: 'lanh_dao_so', option: 'B', count: 5 });
  await insertUniformResponses(t, config, { campaignId: 'diem', bodyCode: '22', groupCode: 'lanh_dao_phong', option: 'C', count: 2 });
  await t.services.scoring.seal('diem', 'test');
  await t.services.scoring.publish('diem', 'test');
  await addUser(t, 'qn', 'body', '22');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function loggedIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await expectAccessible(page, 'login page');
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  return page;
}

describe("a body's scores page", () => {
  it.each([
    ['an office screen', { width: 1280, height: 800 }],
    ['a phone', { width: 375, height: 740 }],
  ])('shows the published total and sub-criteria on %s', async (_name, viewport) => {
    const page = await loggedIn('qn', viewport);
    const res = await page.goto(`${base}/c/diem/b/22/scores`);
    expect(res!.status()).toBe(200);
    await expect(page.getByTestId('points').textContent()).resolves.toBe('30,50');
    await expect(page.getByTestId('percentage').textContent()).resolves.toBe('79,22%');
    await expectAccessible(page, `scores page on ${_name}`);
    const row = page.locator('tr', { hasText: '5.2.' });
    await expect(row.locator('td').last().textContent()).resolves.toBe('0,90');
    await page.click('summary');
    const small = page.locator('tr', { hasText: 'Lãnh đạo các phòng' }).first();
    await expect(small.isVisible()).resolves.toBe(true);
    await expect(small.locator('td').nth(5).textContent()).resolves.toBe('ẩn');
    await expectAccessible(page, `scores page with groups open on ${_name}`);
    const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(scrollWidth).toBeLessThanOrEqual(viewport.width + 1);
    await page.context().close();
  });

  it("refuses another body's page", async () => {
    const page = await loggedIn('qn', { width: 1280, height: 800 });
    const res = await page.goto(`${base}/c/diem/b/01/scores`);
    expect(res!.status()).toBe(404);
    await expectAccessible(page, "another body's scores refused");
    await page.context().close();
  });
});
