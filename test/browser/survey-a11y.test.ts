// The questionnaire with a keyboard on a phone (390×844): no focused answer is
// ever hidden behind the sticky "Lưu / Gửi phiếu" bar (WCAG 2.2 SC 2.4.11), the
// grid form names every radio by question, unit and option, and axe-core finds
// nothing against WCAG 2.2 AA, on a one-unit form and on a grid.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formForGroup } from '../../src/modules/campaigns/campaign-config.js';
import { ratedUnits } from '../../src/modules/survey/questionnaire.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from '../helpers/seed.js';
import { expectAccessible } from './helpers/axe.js';

const GRID = '2025-noi-bo';
let t: TestApp;
let browser: Browser;
let base: string;
let single: SeededInvitation[];
let grid: SeededInvitation[];

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  await t.services.campaigns.create({ preset: '2025-province-internal', id: GRID, listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  single = await seedSubmittedList(t, '2023-tinh', '22', [{ email: 'a@quangninh.gov.vn', group: 'hdnd' }, { email: 'b@quangninh.gov.vn', group: 'hdnd' }]);
  grid = await seedSubmittedList(t, GRID, '22', [{ email: 'c@quangninh.gov.vn', group: 'hdnd' }]);
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

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'vi-VN' };

type Stop = { what: string; top: number; bottom: number; barTop: number; inBar: boolean };

/** Tabs from the top of the page to its end, measuring each focused element against the bar. */
async function tabThrough(page: Page): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate<Stop | null>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const bar = document.querySelector('.bar').getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { what: el.tagName + ' ' + (el.getAttribute('name') ?? el.textContent.trim().slice(0, 40)), top: r.top, bottom: r.bottom, barTop: bar.top, inBar: !!el.closest('.bar') };
    })()`);
    if (!stop || stops.some((s) => s.what === stop.what)) break;
    stops.push(stop);
  }
  return stops;
}

describe('the questionnaire at 390×844 with a keyboard', () => {
  it.each([
    ['a one-unit form', () => single[0]!.token],
    ['a grid of units', () => grid[0]!.token],
  ])('keeps every focused stop of %s clear of the sticky bar', async (_kind, token) => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/s/${token()}`);
      await expectAccessible(page, 'questionnaire on a phone');
      // The longest status the autosave writes makes the bar its tallest.
      await page.evaluate(`document.getElementById('status').textContent = 'Mất kết nối; câu trả lời sẽ được lưu khi có mạng lại.'`);
      await expectAccessible(page, 'questionnaire on a phone, autosave status shown');
      const stops = await tabThrough(page);
      expect(stops.length).toBeGreaterThan(20);
      const hidden = stops.filter((s) => !s.inBar && s.bottom > s.barTop);
      expect(hidden, 'focused elements overlapping the bar').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the grid form', () => {
  it('names each radio by question, unit and option, under labelled column heads', async () => {
    const config = await t.services.campaigns.config(GRID);
    const form = formForGroup(config, 'hdnd')!;
    const units = ratedUnits(config, form, { code: '22', name: 'Tỉnh Quảng Ninh' });
    const first = form.sections[0]!.questions[0]!;
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    try {
      await page.goto(`${base}/s/${grid[0]!.token}`);
      const group = page.getByRole('group', { name: `Câu 1. ${first.text}` });
      const table = group.getByRole('table');
      for (const o of first.options) await expect(table.getByRole('columnheader', { name: `${o.code}. ${o.label}`, exact: true }).count(), o.code).resolves.toBe(1);
      const unit = units[1]!;
      const option = first.options[2]!;
      const radio = group.getByRole('radio', { name: `Câu 1. ${unit.name} ${option.code}. ${option.label}`, exact: true });
      await expect(radio.count()).resolves.toBe(1);
      await expect(radio.getAttribute('name')).resolves.toBe(`${unit.code}:${first.id}`);
      await expectAccessible(page, 'grid questionnaire on a PC');
    } finally {
      await page.close();
    }
  });
});

describe('the report page', () => {
  it('passes axe-core on a phone, before and after a report', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/s/${single[1]!.token}/report`);
      await expectAccessible(page, 'report page');
      await page.getByRole('radio', { name: 'Việc khác' }).check();
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.waitForLoadState('load');
      await expectAccessible(page, 'report sent');
    } finally {
      await context.close();
    }
  });
});
