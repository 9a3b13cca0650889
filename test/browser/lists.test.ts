// An officer does the whole list job in Chromium: uploads a Windows-1258
// semicolon file (checked, then confirmed), reads a bad file's report line by
// line, reviews a merge, submits; cannot reach another body; MOHA reopens.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, encodeAs, header, sampleRows } from '../fixtures/roster-files.js';
import { addUser, createTestApp, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { expectAccessible } from './helpers/axe.js';

let t: TestApp;
let browser: Browser;
let origin: string;
let dir: string;
const artefacts = join(process.cwd(), 'test-artifacts');
const lists = '/c/2023-tinh/b/22/lists';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'moha', 'admin');
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  dir = mkdtempSync(join(tmpdir(), 'par-lists-'));
  mkdirSync(artefacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function loginAs(username: string, next: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${origin}/login?next=${encodeURIComponent(next)}`);
  await expectAccessible(page, 'login page');
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${origin}${next}`), page.click('button[type=submit]')]);
  return page;
}

function file(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function upload(page: Page, path: string, group: string, dryRun: boolean) {
  await page.selectOption('#group', group);
  await page.setInputFiles('#file', path);
  await page.setChecked('input[name=dryRun]', dryRun);
  await Promise.all([page.waitForLoadState('load'), page.click('#upload-button')]);
}

describe('lists page in Chromium', () => {
  let officer: Page;

  it('uploads a Windows-1258 semicolon file, checks it and imports it on confirmation', async () => {
    officer = await loginAs('qn', lists);
    await expectAccessible(officer, 'lists page, empty');
    expect(await officer.getAttribute('#template-link', 'href')).toBe('/api/v1/campaigns/2023-tinh/template.csv');
    const path = file('ds-so.csv', encodeAs(csvText([header, ...sampleRows], { delimiter: ';' }), 'windows-1258'));
    await upload(officer, path, 'lanh_dao_so', true);
    await expect.poll(() => officer.textContent('#report')).toContain('windows-1258');
    await expectAccessible(officer, 'lists page, checked file');
    await Promise.all([officer.waitForLoadState('load'), officer.click('#confirm-import')]);
    expect(await officer.textContent('[role=status]')).toContain('Đã nhập 3 người');
    const group = await officer.textContent('#group-lanh_dao_so');
    for (const name of ['Nguyễn Văn Ấn', 'Trần Thị Bình', 'Lê Hoàng Dũng']) expect(group).toContain(name);
    await expectAccessible(officer, 'lists page, imported');
  });

  it('shows a bad file line by line and stores nothing', async () => {
    const path = file('sai.csv', Buffer.from(csvText([['Họ và tên', 'Email'], ['Phạm Minh Đức', 'pham.minh.duc@@quangninh'], ['', 'x@quangninh.gov.vn']])));
    await upload(officer, path, 'hdnd', false);
    const rows = await officer.$$eval('#report-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toEqual([
      ['2', 'Email', 'Lỗi', expect.stringContaining('không phải địa chỉ email hợp lệ')],
      ['3', 'Họ và tên', 'Lỗi', expect.stringContaining('thiếu họ và tên')],
    ]);
    expect(await officer.textContent('#group-hdnd')).toContain('Chưa có ai');
    await expectAccessible(officer, 'lists page, bad file report');
    await officer.screenshot({ path: join(artefacts, 'lists-report.png'), fullPage: true });
  });

  it('reviews a merge: a department leader also listed as a delegate stays a delegate', async () => {
    const path = file('hdnd.csv', Buffer.from(csvText([[...header], ['Nguyễn Văn Ấn', 'Nguyen.Van.An@QUANGNINH.gov.vn', '+84 912 345 678', 'HĐND tỉnh', 'Đại biểu']])));
    await upload(officer, path, 'hdnd', false);
    expect(await officer.textContent('#merges')).toContain('Nguyễn Văn Ấn');
    expect(await officer.textContent('#merges')).toContain('trùng email và số điện thoại');
    expect(await officer.textContent('#group-hdnd')).toContain('nguyen.van.an@quangninh.gov.vn');
    expect(await officer.textContent('#group-lanh_dao_so')).not.toContain('nguyen.van.an@quangninh.gov.vn');
    await expectAccessible(officer, 'lists page, merge review');
  });

  it('submits after a confirmation that says what locks, then the list is read-only', async () => {
    await officer.click('#submit summary');
    expect(await officer.textContent('#submit')).toContain('Sau khi gửi, danh sách bị khóa');
    await expectAccessible(officer, 'lists page, submit confirmation open');
    await Promise.all([officer.waitForURL(/done=submitted/), officer.click('#confirm-submit')]);
    expect(await officer.textContent('#list-state')).toBe('Đã gửi');
    expect(await officer.$('#upload')).toBeNull();
    expect(await officer.$('#group-hdnd details')).toBeNull();
    await expectAccessible(officer, 'lists page, submitted');
    await officer.screenshot({ path: join(artefacts, 'lists-submitted.png'), fullPage: true });
  });

  it("cannot open another body's lists", async () => {
    const res = await officer.goto(`${origin}/c/2023-tinh/b/01/lists`);
    expect(res!.status()).toBe(404);
    await expectAccessible(officer, "another body's lists refused");
  });

  it('lets MOHA reopen the list', async () => {
    const admin = await loginAs('moha', lists);
    expect(await admin.textContent('#list-state')).toBe('Đã gửi');
    await admin.click('#moha summary');
    await Promise.all([admin.waitForURL(/done=reopened/), admin.click('#moha button:text-is("Mở lại danh sách")')]);
    expect(await admin.textContent('#list-state')).toBe('Chưa gửi');
    await expectAccessible(admin, 'lists page reopened, MOHA');
    await officer.goto(`${origin}${lists}`);
    expect(await officer.$('#upload')).not.toBeNull();
  });
});
