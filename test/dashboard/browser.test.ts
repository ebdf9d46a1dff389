/**
 * The dashboard in a real headless Chromium: the static file written by `sesam dashboard`
 * loads, its numbers equal the SQLite ledger's, an axe-core audit finds no serious or critical
 * violation, and a reject is recycled from the page served by a tiny local HTTP server that
 * implements the recycle POST (Bearer token) against the same real SQLite ledger. Screenshots go
 * to test-artifacts/dashboard/.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/money/index';
import { loadDashboardModel, renderDashboardHtml } from '../../src/dashboard/index';
import type { LedgerStore, LedgerSummary } from '../../src/ledger/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { runDashboard } from '../../src/cli/commands/dashboard';
import { createTempDir } from '../ledger/tempDb';
import type { Page } from 'playwright-core';
import { launchBrowser, runAxe, SKIP_REASON } from './browser';
import { fillScenario, TODAY } from './fixtures';
import type { Scenario } from './fixtures';

const ARTIFACTS = resolve('test-artifacts/dashboard');
const TOKEN = 'test-token-3f9a';
const clock = (): string => '2025-04-30T12:00:00+02:00';

if (SKIP_REASON !== undefined) console.warn(SKIP_REASON);

async function expectLedgerNumbers(page: Page, summary: LedgerSummary): Promise<void> {
  for (const part of ['amo', 'amc'] as const) {
    for (const k of ['expected', 'paid', 'rejected', 'awaiting', 'shortfall'] as const) {
      expect(await page.locator(`[data-cell="${part}-${k}"]`).textContent(), `${part} ${k}`).toBe(formatMoney(summary[part][k]));
    }
    expect(await page.locator(`[data-cell="${part}-count"]`).textContent()).toBe(String(summary[part].count));
  }
}

function serious(violations: Awaited<ReturnType<typeof runAxe>>): string[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(SKIP_REASON !== undefined)('dashboard in headless Chromium', () => {
  const tmp = createTempDir('sesam-dashboard-');
  let ledger: LedgerStore;
  let scenario: Scenario;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let server: Server;
  let base = '';
  const posts: { id: string; auth: string | undefined }[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ledger = await createSqliteLedger({ path: tmp.path('ledger.sqlite'), clock });
    scenario = await fillScenario(ledger);
    server = createServer((req, res) => {
      void (async () => {
        const send = (status: number, type: string, body: string): void => {
          res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
          res.end(body);
        };
        const recycle = /^\/invoices\/([^/]+)\/recycle$/.exec(req.url ?? '');
        if (req.method === 'GET' && req.url === '/dashboard') {
          const model = await loadDashboardModel(ledger, { today: TODAY, extra: { names: { patients: scenario.patients } } });
          const html = model.ok ? renderDashboardHtml(model.value, { lang: 'fr', actions: { recycleUrl: '/invoices/{id}/recycle', token: TOKEN } }) : model;
          if (!html.ok) return send(500, 'text/plain', html.issues.map((i) => i.code).join(','));
          return send(200, 'text/html; charset=utf-8', html.value);
        }
        if (req.method === 'POST' && recycle?.[1] !== undefined) {
          const id = decodeURIComponent(recycle[1]);
          posts.push({ id, auth: req.headers.authorization });
          if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, 'application/json', '{"code":"UNAUTHORIZED"}');
          const r = await ledger.recycleInvoice(id, {}, { at: '2025-04-30T14:00:00+02:00' });
          if (!r.ok) return send(409, 'application/json', JSON.stringify({ code: r.issues[0]?.code }));
          return send(200, 'application/json', JSON.stringify({ id: r.value.id, numero: r.value.numero }));
        }
        send(404, 'text/plain', 'not found');
      })().catch((e: unknown) => {
        res.writeHead(500);
        res.end(String(e));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    await ledger?.close();
    tmp.remove();
  });

  it('loads the static file written by sesam dashboard, with the ledger numbers and no serious axe violation', async () => {
    const out = tmp.path('tableau.html');
    const lines: string[] = [];
    const code = await runDashboard({ data: tmp.dir, out, today: TODAY }, { out: (s) => lines.push(s), err: (s) => lines.push(s) });
    expect(code, lines.join('')).toBe(0);
    expect(lines.join('')).toBe(`${out}\n`);
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(out).href);
    expect(await page.title()).toBe('Suivi du tiers payant au 30/04/2025');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectLedgerNumbers(page, await ledger.summarize());
    expect(await page.locator('script').count()).toBe(0);
    expect(requests).toEqual([pathToFileURL(out).href]); // nothing but the file itself
    // The page's CSP forbids any script: injecting one fails in the normal context…
    await expect(page.addScriptTag({ content: 'window.injected = 1' })).rejects.toThrow(/Content Security Policy/);
    await page.screenshot({ path: join(ARTIFACTS, 'static.png'), fullPage: true });
    await page.close();
    // …so the audit runs in a context that bypasses the CSP.
    const audit = await browser.auditContext.newPage();
    await audit.goto(pathToFileURL(out).href);
    expect(serious(await runAxe(audit))).toEqual([]);
    await audit.close();
  }, 120_000);

  it('shows a failure and keeps the button when the server refuses the token', async () => {
    const model = await loadDashboardModel(ledger, { today: TODAY });
    expect(model.ok).toBe(true);
    if (!model.ok) return;
    const bad = renderDashboardHtml(model.value, { lang: 'fr', actions: { recycleUrl: '/invoices/{id}/recycle', token: 'wrong-token' } });
    if (!bad.ok) throw new Error('render failed');
    const page = await browser.context.newPage();
    // Same origin as the recycle endpoint: the page is served by a route of the test page.
    await page.route(`${base}/bad-token`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: bad.value }));
    await page.goto(`${base}/bad-token`);
    const button = page.getByRole('button', { name: /^Recycler la facture/ }).first();
    expect(await button.count()).toBe(1);
    await button.click();
    await page.locator('[data-status]').filter({ hasText: 'Échec du recyclage (HTTP 401)' }).first().waitFor({ timeout: 20_000 });
    expect(await button.isEnabled()).toBe(true);
    expect(posts.at(-1)?.auth).toBe('Bearer wrong-token');
    expect((await ledger.getInvoice(scenario.rejectedId))?.parts.amo.state).toBe('rejetee'); // nothing changed
    await page.close();
  }, 120_000);
  it('recycles a reject from the served page (Bearer token), then shows the ledger after it', async () => {
    const audit = await browser.auditContext.newPage();
    await audit.goto(`${base}/dashboard`);
    expect(serious(await runAxe(audit))).toEqual([]);
    await audit.close();
    const page = await browser.context.newPage();
    await page.goto(`${base}/dashboard`);
    await expectLedgerNumbers(page, await ledger.summarize());
    const old = await ledger.getInvoice(scenario.rejectedId);
    const button = page.getByRole('button', { name: `Recycler la facture n° ${old?.numero} (AMO)` });
    await expect.poll(() => button.count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'served-before-recycle.png'), fullPage: true });
    await button.click();
    const row = page.locator(`tr[data-invoice="${scenario.rejectedId}"]`);
    await row.locator('[data-status]').filter({ hasText: /^Recyclée : nouvelle facture n° \d+$/ }).waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-state')).toBe('recyclee');
    expect(await button.count()).toBe(0);
    expect(posts.at(-1)).toEqual({ id: scenario.rejectedId, auth: `Bearer ${TOKEN}` });
    const recycled = await ledger.getInvoice(scenario.rejectedId);
    expect(recycled?.parts.amo.state).toBe('recyclee');
    const fresh = await ledger.getInvoice(recycled?.recycledInto ?? '');
    expect(await row.locator('[data-status]').textContent()).toBe(`Recyclée : nouvelle facture n° ${fresh?.numero}`);
    await page.screenshot({ path: join(ARTIFACTS, 'served-after-recycle.png'), fullPage: true });
    await page.reload();
    await expectLedgerNumbers(page, await ledger.summarize());
    expect(await page.locator(`tr[data-invoice="${scenario.rejectedId}"]`).count()).toBe(0);
    await page.close();
  }, 120_000);

});
