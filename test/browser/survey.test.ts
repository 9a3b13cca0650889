// A respondent in headless Chromium, on a PC and on a phone: open the link,
// answer half, save, come back and find the answers, finish, submit, and find
// the link closed afterwards; the same form also works with JavaScript off.
import { sql } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { formForGroup, type Form } from '../../src/modules/campaigns/campaign-config.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from '../helpers/seed.js';
import { answerAll } from '../helpers/survey.js';
import { expectAccessible, expectAccessibleWithoutScripts } from './helpers/axe.js';

let t: TestApp;
let browser: Browser;
let base: string;
let people: SeededInvitation[];
let form: Form;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  people = await seedSubmittedList(t, '2023-tinh', '22', Array.from({ length: 4 }, (_, i) => ({ email: `db${i}@quangninh.gov.vn`, group: 'hdnd' })));
  form = formForGroup(await t.services.campaigns.config('2023-tinh'), 'hdnd')!;
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const viewports = {
  pc: { viewport: { width: 1366, height: 850 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

async function answer(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

async function expectChecked(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked(), name).toBe(true);
}

/** Responses after the deadline's mixing has released every answer waiting in the ballot box. */
const responsesCount = async (where = '') => {
  await t.services.mixer.run({ final: true });
  return Number(rowsOf<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from responses ${where}`)))[0]!.n);
};

describe.each([
  ['pc', 0],
  ['phone', 1],
] as const)('a respondent on a %s', (kind, who) => {
  it('answers half, saves, comes back, finishes, submits once and finds the link closed', async () => {
    const context = await browser.newContext({ ...viewports[kind], locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.url().includes('/assets/') && r.status() >= 400 && errors.push(`${r.url()} ${r.status()}`));
    const url = `${base}/s/${people[who]!.token}`;
    try {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(form.title);
      await expectAccessible(page, `questionnaire on a ${kind}`);
      const all = answerAll(form, ['22'], (i) => (i * 7) % 5);
      const entries = Object.entries(all);
      const half = Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2)));
      await answer(page, half);
      await page.getByRole('button', { name: 'Lưu để trả lời tiếp sau' }).click();
      await page.waitForURL(/\?luu=1$/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã lưu câu trả lời');
      await expectAccessible(page, `questionnaire saved, on a ${kind}`);

      await page.goto(url);
      await expectChecked(page, half);
      await expect(page.locator('#count').textContent()).resolves.toContain(`Đã trả lời ${Object.keys(half).length}/${entries.length}`);

      await answer(page, Object.fromEntries(entries.slice(Object.keys(half).length)));
      await expect(page.locator('#count').textContent()).resolves.toContain(`Đã trả lời ${entries.length}/${entries.length}`);
      const before = await responsesCount();
      const withJs = await responsesCount('where js_enabled');
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã trả lời phiếu' }).waitFor();
      await expectAccessible(page, `thanks page on a ${kind}`);
      expect(await responsesCount()).toBe(before + 1);
      expect(await responsesCount('where js_enabled')).toBe(withJs + 1);

      const again = await page.goto(url);
      expect(again!.status()).toBe(410);
      await page.getByRole('heading', { name: 'Phiếu đã được trả lời' }).waitFor();
      await expectAccessible(page, `closed link on a ${kind}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the questionnaire with JavaScript', () => {
  it('autosaves a few seconds after each answer, so a reload keeps them', async () => {
    const context = await browser.newContext(viewports.phone);
    const page = await context.newPage();
    try {
      const url = `${base}/s/${people[2]!.token}`;
      await page.goto(url);
      const some = answerAll(form, ['22'], () => 2, 0.2);
      await answer(page, some);
      await page.locator('#status', { hasText: 'Đã tự động lưu' }).waitFor({ timeout: 10_000 });
      await expectAccessible(page, 'questionnaire autosaved');
      await page.reload();
      await expectChecked(page, some);
    } finally {
      await context.close();
    }
  });
});

describe('the questionnaire for keyboard and screen-reader users', () => {
  it('names each question as a group and each option as a radio, and answers with the arrow keys', async () => {
    const context = await browser.newContext(viewports.pc);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/s/${people[2]!.token}`);
      const first = form.sections[0]!.questions[0]!;
      const group = page.getByRole('group', { name: `Câu 1. ${first.text}` });
      await expect(group.count()).resolves.toBe(1);
      const options = group.getByRole('radio');
      await expect(options.count()).resolves.toBe(first.options.length);
      await group.getByRole('radio', { name: `A. ${first.options[0]!.label}` }).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      expect(await group.getByRole('radio', { name: `B. ${first.options[1]!.label}` }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      const focused = await page.locator(':focus').getAttribute('name');
      expect(focused).toBe(`22:${form.sections[0]!.questions[1]!.id}`);
      await expectAccessible(page, 'questionnaire answered with the keyboard');
    } finally {
      await context.close();
    }
  });
});

describe('the questionnaire without JavaScript', () => {
  it('shows what is missing and then submits with plain form posts', async () => {
    const context = await browser.newContext({ ...viewports.pc, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      const url = `${base}/s/${people[3]!.token}`;
      const withoutJs = await responsesCount('where not js_enabled');
      await page.goto(url);
      const all = answerAll(form, ['22']);
      const [skipped, ...rest] = Object.entries(all);
      await answer(page, Object.fromEntries(rest));
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: '1 câu cần trả lời hoặc chọn lại' }).waitFor();
      await expectAccessibleWithoutScripts(page, 'questionnaire with a missing answer');
      await expectChecked(page, Object.fromEntries(rest));
      await page.getByRole('link', { name: 'Câu 1' }).click();
      await answer(page, { [skipped![0]]: skipped![1] });
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã trả lời phiếu' }).waitFor();
      await expectAccessibleWithoutScripts(page, 'thanks page');
      expect(await responsesCount('where not js_enabled')).toBe(withoutJs + 1);
    } finally {
      await context.close();
    }
  });
});
