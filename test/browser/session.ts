// Chromium against the real app on loopback: launch once per file, log in
// through the login form, and note any request that leaves this origin.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

export { expectAccessible } from './helpers/axe.js';
