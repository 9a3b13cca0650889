// Deadline traps, walked in Chromium: a mistyped extension is refused on the
// page; reopening a list asks once and says what it does; after the deadline a
// reopen carries a new deadline, so the body can send its list again; and the
// Lists page says the deadline has passed instead of offering an upload.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList } from '../helpers/seed.js';
import { ARTIFACTS, expectAccessible, loggedIn, openSession, type Session } from './session.js';

let t: TestApp;
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22', '79'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'hn', 'body', '01');
  await seedSubmittedList(t, '2023-tinh', '22', [{ email: 'a@quangninh.gov.vn', group: 'hdnd', name: 'Nguyễn Văn A' }]);
  await seedSubmittedList(t, '2023-tinh', '79', [{ email: 'b@tphcm.gov.vn', group: 'hdnd', name: 'Trần Thị B' }]);
  s = await openSession(t);
});
afterAll(async () => {
  await s?.close();
  await t?.close();
});

const listState = async (body: string) => (await t.services.campaigns.getBody('2023-tinh', body)).listState;

describe('extending a body’s list deadline on its page', () => {
  it('refuses a date before the campaign’s own deadline, says why, and keeps what was typed', async () => {
    const { context, page } = await loggedIn(s, 'moha');
    await page.goto(`${s.base}/c/2023-tinh/b/01`);
    await page.fill('#listDeadline', '01/01/2020');
    await Promise.all([page.waitForNavigation(), page.click('#moha button:text-is("Lưu thời hạn")')]);
    expect(await page.locator('.notice.bad').textContent()).toMatch(/đã qua/);
    expect(await page.inputValue('#listDeadline')).toBe('01/01/2020');
    expect((await t.services.campaigns.getBody('2023-tinh', '01')).listDeadlineExtended).toBe(false);
    await context.close();
  });
});

describe('reopening a list', () => {
  it('asks once, saying what it will do, before reopening from the national page', async () => {
    const { context, page } = await loggedIn(s, 'moha');
    await page.goto(`${s.base}/c/2023-tinh/national`);
    const row = page.locator('#bodies-table tr[data-body="79"]');
    await row.locator('summary:text("Mở lại danh sách")').click();
    expect(await listState('79')).toBe('submitted');
    expect(await row.locator('.reopen-box').textContent()).toMatch(/Thành phố Hồ Chí Minh.*sửa và gửi lại/s);
    await Promise.all([page.waitForNavigation(), row.locator('button:text-is("Mở lại danh sách")').click()]);
    expect(await listState('79')).toBe('draft');
    expect(await page.locator('.notice.ok').textContent()).toMatch(/Đã mở lại danh sách/);
    await context.close();
  });

  it('after the deadline, reopens together with a new deadline, so the body can send again', async () => {
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '1 day' where id = '2023-tinh'`);
    const moha = await loggedIn(s, 'moha');
    await moha.page.goto(`${s.base}/c/2023-tinh/b/22`);
    await moha.page.click('#moha summary:text("Mở lại danh sách")');
    const box = moha.page.locator('#moha .reopen-box');
    expect(await box.textContent()).toMatch(/đã hết hạn/);
    expect(await box.locator('input[name=listDeadline]').getAttribute('required')).not.toBeNull();
    await box.locator('input[name=listDeadline]').fill('20/12/2099');
    await box.screenshot({ path: `${ARTIFACTS}reopen-after-deadline.png` });
    await expectAccessible(moha.page, 'reopening after the deadline');
    await Promise.all([moha.page.waitForNavigation(), box.locator('button:text-is("Mở lại danh sách")').click()]);
    expect(await moha.page.locator('.notice.ok').textContent()).toMatch(/Đã mở lại danh sách.*23:59 ngày 20\/12\/2099/);
    expect(await listState('22')).toBe('draft');
    await moha.context.close();

    const officer = await loggedIn(s, 'qn');
    await officer.page.goto(`${s.base}/c/2023-tinh/b/22/lists`);
    expect(await officer.page.locator('#upload').isVisible()).toBe(true);
    await officer.page.click('#submit summary');
    const [response] = await Promise.all([officer.page.waitForNavigation(), officer.page.click('#confirm-submit')]);
    expect(response!.status()).toBe(200);
    expect(await listState('22')).toBe('submitted');
    await officer.context.close();
  });

  it('refuses a reopen after the deadline without a new deadline, and keeps the list locked', async () => {
    await t.db.execute(sql`update campaign_bodies set list_deadline = null where campaign_id = '2023-tinh' and code = '22'`);
    const { context, page } = await loggedIn(s, 'moha');
    await page.goto(`${s.base}/c/2023-tinh/b/22`);
    await page.click('#moha summary:text("Mở lại danh sách")');
    await page.locator('#moha .reopen-box input[name=listDeadline]').evaluate((el) => el.removeAttribute('required'));
    await Promise.all([page.waitForNavigation(), page.locator('#moha .reopen-box button').click()]);
    expect(await page.locator('.notice.bad').textContent()).toMatch(/hạn gửi danh sách mới/);
    expect(await listState('22')).toBe('submitted');
    await context.close();
  });
});

describe('the campaign-wide response deadline', () => {
  it('is extended from a page of its own, and a date already past is refused with the reason', async () => {
    const { context, page } = await loggedIn(s, 'moha');
    await page.goto(`${s.base}/c/2023-tinh/national`);
    await Promise.all([page.waitForNavigation(), page.click('#deadlines-link')]);
    await page.fill('#responseDeadline', '01/01/2020');
    await Promise.all([page.waitForNavigation(), page.click('#change button[type=submit]')]);
    // The list deadline (moved to yesterday above) is named first: the new date falls before it.
    expect(await page.locator('[role=alert]').textContent()).toMatch(/phải trước thời hạn trả lời phiếu \(23:59 ngày 01\/01\/2020\)|23:59 ngày 01\/01\/2020 đã qua/);
    expect(await page.inputValue('#responseDeadline')).toBe('01/01/2020');
    expect((await t.services.campaigns.get('2023-tinh')).responseDeadline.text).toBe('23:59 ngày 10/01/2100');
    await page.fill('#responseDeadline', '17:00 ngày 20/01/2100');
    await Promise.all([page.waitForNavigation(), page.click('#change button[type=submit]')]);
    expect(await page.locator('.notice.ok').textContent()).toMatch(/Đã lưu thời hạn/);
    expect(await page.locator('#response-deadline').textContent()).toBe('17:00 ngày 20/01/2100');
    expect(await page.locator('header').textContent()).toContain('Hạn trả lời phiếu: 17:00 ngày 20/01/2100');
    await page.screenshot({ path: `${ARTIFACTS}campaign-deadlines.png`, fullPage: true });
    await expectAccessible(page, 'the campaign deadlines page');
    await context.close();
  });
});

describe('the Lists page after the deadline', () => {
  it('hides the upload, add and submit forms and says why and whom to ask', async () => {
    const { context, page } = await loggedIn(s, 'hn');
    await page.goto(`${s.base}/c/2023-tinh/b/01/lists`);
    expect(await page.locator('#upload').count()).toBe(0);
    expect(await page.locator('#add').count()).toBe(0);
    expect(await page.locator('#submit').count()).toBe(0);
    expect(await page.locator('#deadline-passed').textContent()).toMatch(/Đã quá hạn gửi danh sách.*Bộ Nội vụ/s);
    await page.screenshot({ path: `${ARTIFACTS}lists-after-deadline.png`, fullPage: true });
    await expectAccessible(page, 'the Lists page after the deadline');
    await context.close();
  });

  it('made no request to another origin', () => {
    expect(s.foreign).toEqual([]);
  });
});
