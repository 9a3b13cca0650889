// The progress pages in Chromium: the officer's page with its charts on an
// office screen and a phone, confined to their body; MOHA's national table,
// sorting and drill-down. Pages must load nothing from another origin.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { seedSubmittedList } from '../helpers/seed.js';
import { expectAccessible } from './helpers/axe.js';
import { completeInvitations } from '../helpers/survey.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let t: TestApp;
let base: string;
let browser: Browser;
const foreign: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22', '79'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  const people = Array.from({ length: 40 }, (_, i) => ({
    email: `nguoi${i}@quangninh.gov.vn`,
    group: ['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen'][i % 4]!,
    name: `Cán bộ Quảng Ninh ${i}`,
  }));
  await seedSubmittedList(t, '2023-tinh', '22', people);
  await seedSubmittedList(t, '2023-tinh', '79', [{ email: 'a@tphcm.gov.vn', group: 'hdnd', name: 'Người Thành phố Hồ Chí Minh' }]);
  // Completions spread over a week, so the chart has a line to draw.
  for (let i = 0; i < 24; i++) {
    const who = sql`campaign_id = '2023-tinh' and email_norm = ${`nguoi${i}@quangninh.gov.vn`}`;
    await t.db.execute(sql`update invitations set mail_status = 'sent' where ${who}`);
    await completeInvitations(t.db, who, `2023-12-${20 + Math.floor(i / 4)}`);
  }
  await t.db.execute(sql`update invitations set mail_status = 'bounced', bounce_reason = '550 5.1.1 không có hộp thư' where email_norm = 'nguoi39@quangninh.gov.vn'`);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function loggedIn(username: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(`${base}/login`);
  await expectAccessible(page, 'login page');
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  return { context, page };
}

const overflows = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');

describe('officer progress page', () => {
  it('draws the completion charts on an office screen, with the countdown and who has not answered', async () => {
    const { context, page } = await loggedIn('qn', { width: 1366, height: 768 });
    await page.goto(`${base}/c/2023-tinh`);
    expect(page.url()).toBe(`${base}/c/2023-tinh/b/22`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tỉnh Quảng Ninh');
    expect(await page.locator('header .who').textContent()).toContain('Tỉnh Quảng Ninh');
    const chart = page.locator('svg.chart');
    expect(await chart.isVisible()).toBe(true);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.height).toBeGreaterThan(100);
    expect(await chart.locator('path.line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){5}$/);
    expect(await page.locator('ul.bars li').count()).toBe(4);
    expect(await page.locator('ul.bars .bar-fill').first().evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(10);
    expect(await page.locator('#countdown').textContent()).toMatch(/còn \d+ ngày/);
    expect(await page.locator('#waiting').textContent()).toContain('Cán bộ Quảng Ninh 39');
    expect(await page.locator('#bounced').textContent()).toContain('550 5.1.1 không có hộp thư');
    expect(await overflows(page)).toBe(false);
    await expectAccessible(page, 'body progress page, office screen');
    await chart.screenshot({ path: `${ARTIFACTS}progress-chart.png` });
    await page.screenshot({ path: `${ARTIFACTS}body-page-1366.png`, fullPage: true });
    await context.close();
  });

  it('fits a phone screen without sideways scrolling of the page', async () => {
    const { context, page } = await loggedIn('qn', { width: 390, height: 844 });
    await page.goto(`${base}/c/2023-tinh/b/22`);
    expect(await page.locator('svg.chart').isVisible()).toBe(true);
    expect(await overflows(page)).toBe(false);
    await expectAccessible(page, 'body progress page, phone');
    await page.screenshot({ path: `${ARTIFACTS}body-page-phone.png`, fullPage: true });
    await context.close();
  });

  it("sees only their own body: another body's page and the national page are refused", async () => {
    const { context, page } = await loggedIn('qn', { width: 1366, height: 768 });
    const other = await page.goto(`${base}/c/2023-tinh/b/79`);
    expect(other!.status()).toBe(404);
    expect(await page.content()).not.toContain('Hồ Chí Minh');
    await expectAccessible(page, "another body's page refused");
    const national = await page.goto(`${base}/c/2023-tinh/national`);
    expect(national!.status()).toBe(403);
    await expectAccessible(page, 'national page refused');
    const api = await page.goto(`${base}/api/v1/campaigns/2023-tinh/progress`);
    const report = JSON.parse((await api!.text()) || '{}');
    expect(report.bodies.map((b: { bodyCode: string }) => b.bodyCode)).toEqual(['22']);
    await context.close();
  });
});

describe('national page', () => {
  it('shows MOHA every body, sorts by completion and drills down to a body', async () => {
    const { context, page } = await loggedIn('moha', { width: 1366, height: 768 });
    await page.goto(`${base}/c/2023-tinh`);
    expect(page.url()).toBe(`${base}/c/2023-tinh/national`);
    const rows = page.locator('#bodies-table tbody tr');
    expect(await rows.count()).toBe(3);
    await expectAccessible(page, 'national page');
    expect(await page.locator('#groups tbody tr').count()).toBe(4);
    expect(await page.locator('svg.chart').isVisible()).toBe(true);
    await page.click('#bodies-table th a:text-is("Tỷ lệ")');
    await page.click('#bodies-table th a:text-is("Tỷ lệ")');
    expect(page.url()).toContain('sort=completionRate&order=desc');
    expect(await rows.first().getAttribute('data-body')).toBe('22');
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Tỷ lệ');
    await expectAccessible(page, 'national page sorted');
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}national-page-1366.png`, fullPage: true });
    await Promise.all([page.waitForURL(`${base}/c/2023-tinh/b/22`), page.click('#bodies-table a:text-is("Tỉnh Quảng Ninh")')]);
    expect(await page.locator('h1').textContent()).toBe('Tỉnh Quảng Ninh');
    expect(await page.locator('#moha').isVisible()).toBe(true);
    await expectAccessible(page, 'body page seen by MOHA');
    await page.goto(`${base}/c/2023-tinh/b/79`);
    expect(await page.locator('h1').textContent()).toBe('Thành phố Hồ Chí Minh');
    await expectAccessible(page, 'another body page seen by MOHA');
    await context.close();
  });

  it('made no request to another origin', () => {
    expect(foreign).toEqual([]);
  });
});
