// axe-core in a real page: every rule of WCAG 2.0/2.1/2.2 levels A and AA.
// The script is evaluated through the browser's debugging protocol, so the
// pages' Content-Security-Policy does not need to allow it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** The violations on the page as it is now, one readable line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<Violation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${v.help}: ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

/** Fails with every violation listed; `state` names the page state in the message. */
export async function expectAccessible(page: Page, state: string) {
  expect(await axeViolations(page), `axe-core, ${state} (${page.url()})`).toEqual([]);
}

/**
 * The same check for a page shown with JavaScript off, where axe itself cannot
 * run: its HTML, scripts removed, is opened at the same address in a fresh
 * page that runs only axe (stylesheets and images still come from the server).
 */
export async function expectAccessibleWithoutScripts(page: Page, state: string) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const url = page.url();
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(url);
    expect(await axeViolations(copy), `axe-core, ${state}, without JavaScript (${url})`).toEqual([]);
  } finally {
    await context.close();
  }
}
