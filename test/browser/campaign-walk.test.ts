// A whole campaign from the pages alone, in Chromium: MOHA creates it from a
// preset and the body accounts, two provinces upload and send their lists,
// respondents answer from the links mailed to them, and after the response
// deadline MOHA seals and publishes the scores a province then reads.
// Only the clock is moved outside the pages (the deadline set to the past),
// and the mail queue is sent as the background job would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formForGroup } from '../../src/modules/campaigns/campaign-config.js';
import { csvText, header } from '../fixtures/roster-files.js';
import { addUser, createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { startTestSmtp, type TestSmtp } from '../helpers/mail.js';
import { answerAll } from '../helpers/survey.js';
import { expectAccessible } from './helpers/axe.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const C = 'dot-walk';
const PROVINCES = ['01', '22'] as const;

let t: TestApp;
let smtp: TestSmtp;
let base: string;
let browser: Browser;
let dir: string;
const passwords = new Map<string, { username: string; password: string }>();

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_RATE: '500', MAIL_RETRY_SECONDS: '0.05' });
  await addUser(t, 'moha', 'admin');
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  dir = mkdtempSync(join(tmpdir(), 'par-walk-'));
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

async function logIn(username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await expectAccessible(page, 'login page');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  return page;
}

describe('a campaign walked from the pages alone', () => {
  let moha: Page;

  it('MOHA creates the campaign from a preset and the body accounts', async () => {
    moha = await logIn('moha', TEST_PASSWORD);
    await expectAccessible(moha, 'MOHA home');
    await moha.click('text=Tạo đợt khảo sát');
    await expectAccessible(moha, 'new campaign page');
    await moha.check('#source-2023-province');
    await moha.fill('#id', C);
    await moha.fill('#listDeadline', '15/12/2099');
    await moha.fill('#responseDeadline', '10/01/2100');
    await moha.fill('#bodies', PROVINCES.join(', '));
    await Promise.all([moha.waitForURL(`${base}/c/${C}/national`), moha.click('button:has-text("Tạo đợt khảo sát")')]);
    await expectAccessible(moha, 'national progress, new campaign');

    await moha.goto(`${base}/`);
    await Promise.all([moha.waitForURL(`${base}/admin/accounts`), moha.click('text=Quản lý tài khoản đơn vị')]);
    await expectAccessible(moha, 'accounts page');
    await moha.selectOption('#bulk-campaign', C);
    await moha.selectOption('#bulk-format', 'csv');
    await Promise.all([moha.waitForLoadState('load'), moha.click('button:has-text("Xem các tài khoản sẽ tạo")')]);
    await expectAccessible(moha, 'bulk accounts confirmation');
    const [download] = await Promise.all([moha.waitForEvent('download'), moha.click('button:has-text("Tạo 2 tài khoản")')]);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    for (const line of lines) {
      const [code, , username, password] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
      passwords.set(code!, { username: username!, password: password! });
    }
    expect([...passwords.keys()].sort()).toEqual([...PROVINCES]);
  });

  it('two provinces each upload a list on the Lists page and send it', async () => {
    for (const code of PROVINCES) {
      const account = passwords.get(code)!;
      const officer = await logIn(account.username, account.password);
      await Promise.all([officer.waitForURL(`${base}/c/${C}/b/${code}`), officer.click(`a[href="/c/${C}"]`)]);
      await expectAccessible(officer, `body page of ${code}`);
      await Promise.all([officer.waitForURL(`${base}/c/${C}/b/${code}/lists`), officer.click('text=Danh sách người được khảo sát')]);
      await expectAccessible(officer, `lists page of ${code}, empty`);
      const path = join(dir, `ds-${code}.csv`);
      writeFileSync(path, csvText([[...header], ...[1, 2].map((i) => [`Người ${i} ${code}`, `nguoi${i}.${code}@tinh${code}.gov.vn`, '', 'HĐND tỉnh', 'Đại biểu'])]));
      await officer.selectOption('#group', 'hdnd');
      await officer.setInputFiles('#file', path);
      await officer.setChecked('input[name=dryRun]', false);
      await Promise.all([officer.waitForLoadState('load'), officer.click('#upload-button')]);
      expect(await officer.textContent('#group-hdnd')).toContain(`nguoi1.${code}@tinh${code}.gov.vn`);
      await expectAccessible(officer, `lists page of ${code}, imported`);
      await officer.click('#submit summary');
      await Promise.all([officer.waitForURL(/done=submitted/), officer.click('#confirm-submit')]);
      expect(await officer.textContent('#list-state')).toBe('Đã gửi');
      await expectAccessible(officer, `lists page of ${code}, sent`);
      await officer.context().close();
    }
  });

  it('respondents answer from the links mailed to them', async () => {
    await t.services.mail.dispatch({ campaignId: C, untilIdle: true });
    const links = smtp.received.map((m) => /\/s\/[A-Za-z0-9_-]+/.exec(m.parsed.text ?? '')?.[0]).filter((l): l is string => !!l);
    expect(links).toHaveLength(4);
    const form = formForGroup(await t.services.campaigns.config(C), 'hdnd')!;
    const answered = [links[0]!, links[2]!];
    for (const link of answered) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${base}${link}`);
      await expectAccessible(page, 'questionnaire');
      const unit = (await page.locator('input[type=radio]').first().getAttribute('name'))!.split(':')[0]!;
      for (const [name, value] of Object.entries(answerAll(form, [unit], (i) => i % 3))) await page.locator(`input[name="${name}"][value="${value}"]`).check();
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã trả lời phiếu' }).waitFor();
      await expectAccessible(page, 'thanks page');
      await context.close();
    }
  });

  it('after the response deadline MOHA seals and publishes, and a province reads the scores', async () => {
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '2 minutes', response_deadline = now() - interval '1 minute' where id = ${C}`);
    await moha.goto(`${base}/`);
    await Promise.all([moha.waitForURL(`${base}/c/${C}/national`), moha.click(`a[href="/c/${C}"]`)]);
    await moha.click('text=Bảng điểm, niêm phong và công bố');
    await expectAccessible(moha, 'national scores, provisional');
    await moha.click('text=Niêm phong điểm…');
    await expectAccessible(moha, 'seal confirmation');
    await moha.click('button:has-text("Xác nhận")');
    await expect(moha.locator('[role=status]').first().textContent()).resolves.toContain('Đã niêm phong');
    await moha.click('text=Công bố kết quả…');
    await expectAccessible(moha, 'publish confirmation');
    await moha.click('button:has-text("Xác nhận")');
    await expect(moha.getByTestId('basis').textContent()).resolves.toContain('Đã công bố (phiên bản 1)');
    const counted = await moha.$$eval('#scores-table tbody tr td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent!.replace(/\./g, ''))));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(2);
    await expectAccessible(moha, 'national scores, published');

    const account = passwords.get('22')!;
    const officer = await logIn(account.username, account.password);
    await Promise.all([officer.waitForURL(`${base}/c/${C}/b/22`), officer.click(`a[href="/c/${C}"]`)]);
    await Promise.all([officer.waitForURL(`${base}/c/${C}/b/22/scores`), officer.click('text=Điểm khảo sát (khi đã công bố)')]);
    const text = (await officer.textContent('main'))!;
    expect(text).not.toContain('chưa được Bộ Nội vụ công bố');
    expect(text).not.toContain('Tạm tính');
    expect(text).toContain('phiên bản 1');
    await expectAccessible(officer, 'province scores, published');
  });
});
