// MOHA in Chromium: opens a campaign from a preset on the creation page, reads
// the national scores table marked "tạm tính", seals and publishes from the
// page after reading what each step does, and downloads the table.
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { insertUniformResponses } from '../helpers/responses.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let t: TestApp;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'moha', 'admin');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
  page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#username', 'moha');
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('MOHA runs the scores from the pages', () => {
  it('creates a campaign from a preset, seeing that its content is illustrative', async () => {
    await page.click('text=Tạo đợt khảo sát');
    await expect(page.getByTestId('notice-2023-province').textContent()).resolves.toContain('minh họa');
    await page.check('#source-2023-province');
    await page.fill('#id', 'dot-2023');
    await page.fill('#listDeadline', '15/12/2023');
    await page.fill('#responseDeadline', '10/01/2024');
    await page.fill('#bodies', '01, 22');
    await Promise.all([page.waitForURL(`${base}/c/dot-2023/national`), page.click('button:has-text("Tạo đợt khảo sát")')]);
  });

  it('reads the table as tạm tính, seals and publishes after confirming', async () => {
    const config = await t.services.campaigns.config('dot-2023');
    await insertUniformResponses(t, config, { campaignId: 'dot-2023', bodyCode: '22', groupCode: 'hdnd', option: 'A', count: 6 });
    await insertUniformResponses(t, config, { campaignId: 'dot-2023', bodyCode: '22', groupCode: 'lanh_dao_so', option: 'D', count: 5 });
    await page.click('text=Bảng điểm, niêm phong và công bố');
    await expect(page.getByTestId('basis').textContent()).resolves.toContain('Tạm tính');
    await expect(page.locator('tr[data-unit="22"] [data-testid=points]').textContent()).resolves.toBe('18,50');
    await expect(page.locator('tr[data-unit="01"] [data-testid=points]').textContent()).resolves.toBe('chưa đủ phiếu');
    await page.click('th >> text=Điểm');
    await expect(page.locator('tbody tr').first().getAttribute('data-unit')).resolves.toBe('22');

    await page.click('text=Niêm phong điểm…');
    await expect(page.getByTestId('explanation').textContent()).resolves.toContain('phiên bản 1');
    await page.click('button:has-text("Xác nhận")');
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('Đã niêm phong');
    await page.click('text=Công bố kết quả…');
    await page.click('button:has-text("Xác nhận")');
    await expect(page.getByTestId('basis').textContent()).resolves.toContain('Đã công bố (phiên bản 1)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải bảng điểm (Excel)')]);
    expect(download.suggestedFilename()).toBe('bang-diem-dot-2023-v1.xlsx');
  });
});
