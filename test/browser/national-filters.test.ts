// MOHA filters the national table as a person would: type part of a name and
// press "Lọc" with every dropdown left at "Tất cả", then narrow by list state,
// sort, and download what is shown.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList } from '../helpers/seed.js';
import { ARTIFACTS, expectAccessible, loggedIn, openSession, type Session } from './session.js';

let t: TestApp;
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22', '79', '51'] });
  await addUser(t, 'moha', 'admin');
  await seedSubmittedList(t, '2023-tinh', '22', [{ email: 'a@quangninh.gov.vn', group: 'hdnd', name: 'Người Quảng Ninh' }]);
  s = await openSession(t);
});
afterAll(async () => {
  await s?.close();
  await t?.close();
});

const shown = (page: Page) => page.locator('#bodies-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-body')));

describe('national filters', () => {
  it('finds bodies by a typed name with every dropdown left at "Tất cả"', async () => {
    const { context, page } = await loggedIn(s, 'moha');
    await page.goto(`${s.base}/c/2023-tinh/national`);
    await page.fill('#q', 'Quảng');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button:text-is("Lọc")')]);
    expect(response!.status()).toBe(200);
    expect((await shown(page)).sort()).toEqual(['22', '51']);
    expect(await page.locator('#filter-summary').textContent()).toMatch(/2\/4 đơn vị/);
    await page.screenshot({ path: `${ARTIFACTS}national-filter-q.png`, fullPage: true });
    await expectAccessible(page, 'the national page, filtered');
    await context.close();
  });

  it('narrows by list state, keeps the filter when sorting, and clears back to all', async () => {
    const { context, page } = await loggedIn(s, 'moha');
    await page.goto(`${s.base}/c/2023-tinh/national`);
    await page.selectOption('#listState', 'submitted');
    await Promise.all([page.waitForNavigation(), page.click('button:text-is("Lọc")')]);
    expect(await shown(page)).toEqual(['22']);
    await page.selectOption('#listState', 'draft');
    await page.fill('#q', 'quang');
    await Promise.all([page.waitForNavigation(), page.click('button:text-is("Lọc")')]);
    expect(await shown(page)).toEqual(['51']);
    await Promise.all([page.waitForNavigation(), page.click('#bodies-table th a:text-is("Đơn vị")')]);
    expect(await shown(page)).toEqual(['51']);
    expect(await page.inputValue('#q')).toBe('quang');
    expect(await page.inputValue('#listState')).toBe('draft');
    await page.fill('#q', '');
    await page.selectOption('#listState', '');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button:text-is("Lọc")')]);
    expect(response!.status()).toBe(200);
    expect((await shown(page)).length).toBe(4);
    await context.close();
  });

  it('answers an empty filter in the address like no filter, also in the API and the downloads', async () => {
    const { context, page } = await loggedIn(s, 'moha');
    for (const url of [
      '/c/2023-tinh/national?q=&listState=&sort=&order=',
      '/api/v1/campaigns/2023-tinh/progress?q=&listState=&sort=&order=&body=',
    ]) {
      const res = await page.goto(`${s.base}${url}`);
      expect(res!.status(), url).toBe(200);
    }
    await page.goto(`${s.base}/c/2023-tinh/national?q=Qu%E1%BA%A3ng&listState=`);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), (await page.locator('#download-csv').getAttribute('href'))!);
    expect(csv.split('\r\n').filter((l) => l.includes('Cộng đơn vị')).map((l) => l.split(',')[0])).toEqual(['22', '51']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    expect(download.suggestedFilename()).toBe('tien-do-2023-tinh.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Đơn vị');
    const totals = sheet.getSheetValues().filter((r) => Array.isArray(r) && r[5] === 'Cộng đơn vị') as unknown[][];
    expect(totals.map((r) => r[1])).toEqual(['22', '51']);
    expect(totals[0]![12]).toBe(0);
    await context.close();
  });

  it('made no request to another origin', () => {
    expect(s.foreign).toEqual([]);
  });
});
