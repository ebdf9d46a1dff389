/**
 * Real headless Chromium (Debian `chromium`) driven by playwright-core, with the flags this
 * machine needs (no background networking; playwright starts it on a new empty profile). Tests skip with a reason when
 * the binary is absent.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** The system Chromium. */
export const CHROMIUM = process.env['SESAM_CHROMIUM'] ?? '/usr/bin/chromium';
/** Why the browser tests are skipped, or `undefined` when they run. */
export const SKIP_REASON = existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM} (Debian package chromium): browser tests skipped`;

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the browser (playwright gives it a new empty --user-data-dir of its own) with two
 * contexts: `context` enforces the page's Content-Security-Policy; `auditContext` bypasses it so
 * the axe-core script can be injected.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; auditContext: BrowserContext; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const auditContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  return { context, auditContext, close: () => browser.close() };
}

/** One axe-core violation, as reported. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { target: readonly string[] }[];
}

/**
 * Runs an axe-core audit (WCAG 2 A/AA rules and best practices) in the page.
 *
 * @returns The violations.
 */
export async function runAxe(page: Page): Promise<readonly AxeViolation[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}
