/**
 * The dashboard served by the local agent (`sesam agent`, GET /dashboard) in a real headless
 * Chromium: the page loads for a caller holding the install's token, its numbers equal the SQLite
 * ledger's, no serious axe violation, and a reject is recycled through the agent's own
 * POST /v1/invoices/{id}/recycle (the agent's origin is allowed once it listens). Screenshot in
 * test-artifacts/dashboard/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/money/index';
import type { LedgerStore } from '../../src/ledger/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { createTempDir } from '../ledger/tempDb';
import { startAgent } from '../agent/helpers';
import type { TestAgent } from '../agent/helpers';
import { launchBrowser, runAxe, SKIP_REASON } from './browser';
import { fillScenario } from './fixtures';
import type { Scenario } from './fixtures';

const ARTIFACTS = resolve('test-artifacts/dashboard');
const clock = (): string => '2025-04-30T12:00:00+02:00';

describe.skipIf(SKIP_REASON !== undefined)('dashboard served by the agent, in headless Chromium', () => {
  const tmp = createTempDir('sesam-dashboard-agent-');
  let ledger: LedgerStore;
  let scenario: Scenario;
  let t: TestAgent;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ledger = await createSqliteLedger({ path: tmp.path('ledger.sqlite'), clock });
    scenario = await fillScenario(ledger);
    t = await startAgent({ ledger, clock });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await ledger?.close();
    tmp.remove();
  });

  it('needs the token: 401 without it', async () => {
    expect((await t.call('GET', '/dashboard', { auth: false })).status).toBe(401);
  });

  it('loads with the ledger numbers, passes axe, and recycles a reject through the agent', async () => {
    const audit = await browser.auditContext.newPage();
    await audit.setExtraHTTPHeaders({ authorization: `Bearer ${t.token}` });
    await audit.goto(`${t.url}/dashboard`);
    const serious = (await runAxe(audit)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual([]);
    await audit.close();

    const page = await browser.context.newPage();
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${t.token}` });
    await page.goto(`${t.url}/dashboard`);
    const summary = await ledger.summarize();
    for (const part of ['amo', 'amc'] as const) {
      expect(await page.locator(`[data-cell="${part}-expected"]`).textContent()).toBe(formatMoney(summary[part].expected));
      expect(await page.locator(`[data-cell="${part}-paid"]`).textContent()).toBe(formatMoney(summary[part].paid));
    }
    const old = await ledger.getInvoice(scenario.rejectedId);
    const button = page.getByRole('button', { name: `Recycler la facture n° ${old?.numero} (AMO)` });
    await expect.poll(() => button.count()).toBe(1);
    await button.click();
    const row = page.locator(`tr[data-invoice="${scenario.rejectedId}"]`);
    await row.locator('[data-status]').filter({ hasText: /^Recyclée : nouvelle facture n° \d+$/ }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'agent-after-recycle.png'), fullPage: true });
    const recycled = await ledger.getInvoice(scenario.rejectedId);
    expect(recycled?.parts.amo.state).toBe('recyclee');
    await page.close();
  }, 120_000);

  it('the recycle route refuses an unknown invoice with 422 and the ledger issue', async () => {
    const r = await t.call('POST', '/v1/invoices/nope/recycle', { body: {} });
    expect(r.status).toBe(422);
  });
});
