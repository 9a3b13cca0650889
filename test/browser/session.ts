// Chromium against the real app on loopback: launch once per file, log in
// through the login form, and note any request that leaves this origin.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD, type TestApp } from '../helpers/app.js';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type Session = { browser: Browser; base: string; foreign: string[]; close(): Promise<void> };

export async function openSession(t: TestApp): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  return { browser, base, foreign: [], close: () => browser.close() };
}

export async function loggedIn(s: Session, username: string, viewport = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await s.browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(s.base) && !r.url().startsWith('data:')) s.foreign.push(r.url());
  });
  await page.goto(`${s.base}/login`);
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${s.base}/`), page.click('button[type=submit]')]);
  return { context, page };
}

/** Clicks and waits for the navigation the click causes (a form post or a link). */
export async function clickAndWait(page: Page, selector: string) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 A/AA violations on the page as it is now, one line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate<{ id: string; help: string; targets: string[] }[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
  return found.flatMap((v) => v.targets.map((target) => `${v.id} ${v.help}: ${target}`));
}

export async function expectAccessible(page: Page, state: string) {
  expect(await axeViolations(page), `axe-core, ${state}`).toEqual([]);
}
