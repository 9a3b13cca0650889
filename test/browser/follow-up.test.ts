// Following up in Chromium: every non-respondent on a paged page with filters,
// as CSV for Excel set to Vietnamese and as .xlsx; urging shows the message and
// asks once, and stops after the response deadline; bounce reasons read in
// Vietnamese with the server's reply behind a detail, and the new-address box
// stays on an office screen; voided answers are counted as voided.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList } from '../helpers/seed.js';
import { ARTIFACTS, expectAccessible, loggedIn, openSession, type Session } from './session.js';

const GROUPS = ['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen'];
const N = 2_050;
const ANSWERED = 40;
const BOUNCE = '550 5.1.1 <nguoi7@quangninh.gov.vn>: Recipient address rejected: User unknown in virtual mailbox table';

let t: TestApp;
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'moha', 'admin');
  const people = Array.from({ length: N }, (_, i) => ({
    email: `nguoi${i}@quangninh.gov.vn`,
    group: GROUPS[i % 4]!,
    name: `Đặng Thị Ánh ${String(i).padStart(4, '0')}`,
    phone: i % 2 ? '0912 345 678' : '0203.3835.123',
    organisation: 'Sở Tư pháp; phòng "Hành chính"',
  }));
  await seedSubmittedList(t, '2023-tinh', '22', people);
  await t.db.execute(sql`update invitations set mail_status = 'sent' where campaign_id = '2023-tinh'`);
  await t.db.execute(sql`update invitations set status = 'completed', mail_status = 'sent'
    where campaign_id = '2023-tinh' and email_norm in (select 'nguoi' || g || '@quangninh.gov.vn' from generate_series(1000, ${1000 + ANSWERED - 1}) g)`);
  await t.db.execute(sql`update invitations set mail_status = 'bounced', bounce_reason = ${BOUNCE} where email_norm = 'nguoi7@quangninh.gov.vn'`);
  s = await openSession(t);
}, 300_000);
afterAll(async () => {
  await s?.close();
  await t?.close();
});

const waitingRows = (page: Page) => page.locator('#waiting-table tbody tr');

describe('all non-respondents', { timeout: 300_000 }, () => {
  it('counts them in Vietnamese figures on the body page and opens a paged page of all of them', async () => {
    const { context, page } = await loggedIn(s, 'qn');
    await page.goto(`${s.base}/c/2023-tinh/b/22`);
    const waiting = N - ANSWERED;
    expect(await page.locator('#waiting h2').textContent()).toBe(`Chưa trả lời (${waiting.toLocaleString('vi-VN')})`);
    // The one whose mail bounced is not urged: 2,009 of the 2,010.
    expect(await page.locator('#urge').textContent()).toContain('2.009 người');
    expect(await page.locator('#urge').textContent()).not.toContain('2009');
    expect(await page.content()).not.toContain('limit=1000');
    await Promise.all([page.waitForNavigation(), page.click('#waiting a:text("Xem tất cả")')]);
    expect(page.url()).toContain('/c/2023-tinh/b/22/waiting');
    expect(await waitingRows(page).count()).toBe(100);
    expect(await page.locator('#waiting-summary').textContent()).toMatch(/1–100 trong 2\.010 người/);
    await Promise.all([page.waitForNavigation(), page.click('a:text-is("Trang sau")')]);
    expect(await page.locator('#waiting-summary').textContent()).toMatch(/101–200 trong 2\.010/);
    await page.selectOption('#group', 'hdnd');
    await page.fill('#q', '0004');
    const [res] = await Promise.all([page.waitForNavigation(), page.click('button:text-is("Lọc")')]);
    expect(res!.status()).toBe(200);
    expect(await waitingRows(page).count()).toBe(1);
    expect(await waitingRows(page).first().textContent()).toContain('Đặng Thị Ánh 0004');
    await page.selectOption('#group', '');
    await page.fill('#q', '');
    const [all] = await Promise.all([page.waitForNavigation(), page.click('button:text-is("Lọc")')]);
    expect(all!.status()).toBe(200);
    expect(await page.locator('#waiting-summary').textContent()).toMatch(/trong 2\.010 người/);
    expect(await waitingRows(page).first().textContent()).toMatch(/0203\.3835\.123|0912 345 678/);
    await page.screenshot({ path: `${ARTIFACTS}waiting-page.png`, fullPage: false });
    await expectAccessible(page, 'the page of non-respondents');
    await context.close();
  });

  it('downloads all of them as CSV that Excel set to Vietnamese reads into columns, UTF-8 by its BOM', async () => {
    const { context, page } = await loggedIn(s, 'qn');
    await page.goto(`${s.base}/c/2023-tinh/b/22/waiting`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    // Excel opens a .csv with the list separator of Windows' regional settings: ";" for vi-VN.
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Họ và tên', 'Nhóm', 'Cơ quan/đơn vị', 'Chức vụ', 'Email', 'Điện thoại', 'Trạng thái']);
    expect(rows.length - 1).toBe(N - ANSWERED);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    expect(rows[1]![2]).toBe('Sở Tư pháp; phòng "Hành chính"');
    expect(rows.some((r) => r[5] === '0203.3835.123')).toBe(true);
    expect(text.split('\r\n')[0]!.split(',').length).toBe(1);
    await context.close();
  });

  it('downloads all of them as an Excel workbook', async () => {
    const { context, page } = await loggedIn(s, 'qn');
    await page.goto(`${s.base}/c/2023-tinh/b/22/waiting?group=hdnd`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    // Every fourth person (513 of 2,050) is a delegate; 10 of the 40 who answered are.
    expect(sheet.rowCount - 1).toBe(513 - 10);
    expect(sheet.getRow(2).getCell(2).value).toBe('Đại biểu Hội đồng nhân dân cấp tỉnh');
    await context.close();
  });
});

describe('urging', () => {
  it('shows the message and asks once before queuing anything', async () => {
    const { context, page } = await loggedIn(s, 'qn');
    await page.goto(`${s.base}/c/2023-tinh/b/22`);
    await page.click('#urge summary');
    const preview = page.frameLocator('#urge iframe');
    expect(await preview.locator('body').textContent()).toMatch(/Kính gửi/);
    expect(await page.locator('#urge').textContent()).toMatch(/Nhắc trả lời phiếu khảo sát/);
    expect((await t.services.mail.urgeStatus({ campaignId: '2023-tinh', bodyCode: '22' })).lastUrgedAt).toBeNull();
    await page.locator('#urge').screenshot({ path: `${ARTIFACTS}urge-preview.png` });
    await expectAccessible(page, 'urging, with the message shown');
    await Promise.all([page.waitForNavigation(), page.click('#urge button:text("Gửi thư đôn đốc")')]);
    expect(await page.locator('.notice.ok').textContent()).toMatch(/thư đôn đốc/);
    expect((await t.services.mail.urgeStatus({ campaignId: '2023-tinh', bodyCode: '22' })).lastUrgedAt).not.toBeNull();
    await context.close();
  });

  it('is not offered after the response deadline, and is refused if posted', async () => {
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '2 days', response_deadline = now() - interval '1 day' where id = '2023-tinh'`);
    await t.db.execute(sql`update campaign_bodies set last_urged_at = null`);
    const { context, page } = await loggedIn(s, 'qn');
    await page.goto(`${s.base}/c/2023-tinh/b/22`);
    expect(await page.locator('#urge').textContent()).toMatch(/Đã hết hạn trả lời phiếu/);
    expect(await page.locator('#urge form').count()).toBe(0);
    await expect(t.services.mail.urge({ campaignId: '2023-tinh', bodyCode: '22', actor: 'qn' })).rejects.toThrow(/hết hạn trả lời phiếu/);
    await context.close();
    await t.db.execute(sql`update campaigns set list_deadline = '2099-12-15', response_deadline = '2100-01-10' where id = '2023-tinh'`);
  });
});

describe('bounces', () => {
  it('gives the reason in Vietnamese with the raw reply behind a detail, and keeps the address box on a 1366 px screen', async () => {
    const { context, page } = await loggedIn(s, 'qn', { width: 1366, height: 768 });
    await page.goto(`${s.base}/c/2023-tinh/b/22#bounced`);
    const row = page.locator('#bounced tbody tr').first();
    expect(await row.locator('.bounce-reason').textContent()).toMatch(/Hộp thư không tồn tại/);
    expect(await row.locator('details').textContent()).toContain(BOUNCE);
    expect(await row.locator('details').getAttribute('open')).toBeNull();
    const input = row.locator('input[type=email]');
    const button = row.locator('button:text("Lưu và gửi lại")');
    // Scrolled down to the row only: nothing may need a sideways scroll to be reached.
    await page.evaluate("window.scrollTo(0, document.querySelector('#bounced').getBoundingClientRect().top + window.scrollY)");
    expect(await page.locator('#bounced .table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const box of [await input.boundingBox(), await button.boundingBox()]) {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    }
    await page.locator('#bounced').screenshot({ path: `${ARTIFACTS}bounces-1366.png` });
    await expectAccessible(page, 'the body page with a bounce');
    await context.close();
  });
});

describe('voided answers', () => {
  it('counts answers voided by MOHA as voided on the body page, and says what that means', async () => {
    await t.db.execute(sql`insert into responses (campaign_id, body_code, group_code, form_code, submitted_at, answers, voided_at, void_reason)
      select '2023-tinh', '22', 'hdnd', 'phieu-hdnd', now(), '{}'::jsonb, case when g <= 9 then now() end, case when g <= 9 then 'can thiệp' end from generate_series(1, ${ANSWERED}) g`);
    const { context, page } = await loggedIn(s, 'qn');
    await page.goto(`${s.base}/c/2023-tinh/b/22`);
    expect(await page.locator('#voided').textContent()).toMatch(/9 phiếu.*hủy/s);
    expect(await page.locator('#voided').textContent()).toMatch(/không được tính điểm/);
    expect(await page.locator('.stat:has-text("Phiếu hợp lệ") b').textContent()).toBe('31');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#progress-xlsx')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const total = book.worksheets[0]!.getSheetValues().find((r) => Array.isArray(r) && r[5] === 'Cộng đơn vị') as unknown[];
    expect(total.slice(1, 3)).toEqual(['22', 'Tỉnh Quảng Ninh']);
    expect(total[11]).toBe(ANSWERED);
    await context.close();
  });

  it('made no request to another origin', () => {
    expect(s.foreign).toEqual([]);
  });
});
