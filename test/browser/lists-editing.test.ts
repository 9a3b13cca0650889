// An officer edits the list one person at a time in Chromium: adding someone
// already listed says it was merged and with whom; a mistake keeps what was
// typed and the chosen group; deleting asks once; phones read as typed; the
// header names the body, not the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { ARTIFACTS, expectAccessible, loggedIn, openSession, type Session } from './session.js';

let t: TestApp;
let s: Session;
const lists = '/c/2023-tinh/b/22/lists';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'canbo.qn', 'body', '22');
  await t.services.roster.addRespondent({
    campaignId: '2023-tinh',
    bodyCode: '22',
    actor: 'test',
    input: { name: 'Phạm Văn Đức', email: 'duc.pv@quangninh.gov.vn', phone: '0912.345.678', group: 'lanh_dao_so', organisation: 'Sở Tài chính' },
  });
  s = await openSession(t);
});
afterAll(async () => {
  await s?.close();
  await t?.close();
});

async function addPerson(page: import('playwright-core').Page, person: { name: string; email: string; phone?: string; group: string }) {
  await page.fill('#add-name', person.name);
  await page.fill('#add-email', person.email);
  await page.fill('#add-phone', person.phone ?? '');
  await page.selectOption('#add-group', person.group);
  await Promise.all([page.waitForNavigation(), page.click('#add button[type=submit]')]);
}

describe('editing the list on the Lists page', () => {
  it('names the body in the header, not the account, and shows phones as typed', async () => {
    const { context, page } = await loggedIn(s, 'canbo.qn');
    await page.goto(`${s.base}${lists}`);
    const who = await page.locator('header .who').textContent();
    expect(who).toContain('Tỉnh Quảng Ninh');
    expect(who).not.toContain('canbo.qn');
    expect(await page.locator('tr[data-email="duc.pv@quangninh.gov.vn"]').textContent()).toContain('0912.345.678');
    expect(await page.content()).not.toContain('+84912345678');
    await context.close();
  });

  it('says a person already listed was merged, and with whom', async () => {
    const { context, page } = await loggedIn(s, 'canbo.qn');
    await page.goto(`${s.base}${lists}`);
    await addPerson(page, { name: 'Phạm Văn Đức', email: 'DUC.PV@quangninh.gov.vn', group: 'lanh_dao_phong' });
    const notice = await page.locator('.notice.ok').textContent();
    expect(notice).not.toMatch(/^Đã thêm/);
    expect(notice).toMatch(/gộp/);
    expect(notice).toContain('Phạm Văn Đức');
    expect(notice).toContain('duc.pv@quangninh.gov.vn');
    expect(notice).toContain('Lãnh đạo các cơ quan chuyên môn');
    await page.screenshot({ path: `${ARTIFACTS}lists-merged-add.png` });
    await expectAccessible(page, 'the Lists page after a merged addition');
    await context.close();
  });

  it('keeps what was typed and the chosen group after a mistake', async () => {
    const { context, page } = await loggedIn(s, 'canbo.qn');
    await page.goto(`${s.base}${lists}`);
    await page.locator('#add-email').evaluate((el) => el.setAttribute('type', 'text'));
    await addPerson(page, { name: 'Lê Thị Hoa', email: 'hoa ở quangninh', phone: '0203 3835 123', group: 'lanh_dao_huyen' });
    expect(await page.locator('[role=alert]').textContent()).toBeTruthy();
    expect(await page.inputValue('#add-group')).toBe('lanh_dao_huyen');
    expect(await page.inputValue('#add-name')).toBe('Lê Thị Hoa');
    expect(await page.inputValue('#add-phone')).toBe('0203 3835 123');
    await page.fill('#add-email', 'hoa.lt@quangninh.gov.vn');
    await Promise.all([page.waitForNavigation(), page.click('#add button[type=submit]')]);
    expect(await page.locator('.notice.ok').textContent()).toMatch(/Đã thêm Lê Thị Hoa vào nhóm/);
    expect(await page.locator('#group-lanh_dao_huyen').textContent()).toContain('0203 3835 123');
    await context.close();
  });

  it('asks once before deleting someone', async () => {
    const { context, page } = await loggedIn(s, 'canbo.qn');
    await page.goto(`${s.base}${lists}`);
    const row = page.locator('tr[data-email="hoa.lt@quangninh.gov.vn"]');
    await row.locator('summary:text("Sửa / xóa")').click();
    await row.locator('summary:text("Xóa khỏi danh sách")').click();
    expect(await row.locator('.confirm-remove').textContent()).toMatch(/Xóa Lê Thị Hoa khỏi danh sách/);
    await expectAccessible(page, 'deleting someone, asked once');
    expect((await t.services.roster.list({ campaignId: '2023-tinh', bodyCode: '22' })).total).toBe(2);
    await Promise.all([page.waitForNavigation(), row.locator('button:text("Xóa Lê Thị Hoa")').click()]);
    expect(await page.locator('.notice.ok').textContent()).toMatch(/Đã xóa/);
    expect((await t.services.roster.list({ campaignId: '2023-tinh', bodyCode: '22' })).total).toBe(1);
    await context.close();
  });

  it('made no request to another origin', () => {
    expect(s.foreign).toEqual([]);
  });
});
