import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { unwrap } from '../../src/core/issues/index';
import type { DashboardModel } from '../../src/dashboard/index';
import { DASHBOARD_GENERATOR, loadDashboardModel, renderDashboardHtml } from '../../src/dashboard/index';
import { escapeHtml } from '../../src/dashboard/html/escape';
import { createMemoryLedger } from '../../src/ledger/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { junkArb, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';
import { PS1 } from '../ledger/fixtures';
import { fillScenario, HOSTILE_PATIENT, HOSTILE_PS, TODAY } from './fixtures';

async function scenarioModel(): Promise<DashboardModel> {
  const ledger = createMemoryLedger({ clock: () => '2025-04-30T12:00:00+02:00' });
  const s = await fillScenario(ledger);
  return unwrap(await loadDashboardModel(ledger, { today: TODAY, extra: { names: { patients: s.patients, ps: { [PS1]: HOSTILE_PS } } } }));
}

describe('renderDashboardHtml', () => {
  it('writes one self-contained French page without script when no action is given', async () => {
    const html = expectOk(renderDashboardHtml(await scenarioModel(), { lang: 'fr' }));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain(`<meta name="generator" content="${DASHBOARD_GENERATOR}">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/); // no external resource: only in-page anchors
    expect(html).toContain("default-src 'none'");
    for (const landmark of ['<header>', '<nav ', '<main', '<footer>']) expect(html).toContain(landmark);
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/); // every header cell has a scope
  });

  it('escapes hostile patient and PS names', async () => {
    const html = expectOk(renderDashboardHtml(await scenarioModel(), { lang: 'fr', actions: { recycleUrl: '/invoices/{id}/recycle', token: 'Zq9x-7' } }));
    expect(html).toContain(escapeHtml(HOSTILE_PATIENT));
    expect(html).toContain(escapeHtml(HOSTILE_PS));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    // exactly one script: the recycle script, with no caller value inside it
    expect(html.match(/<script/g)).toHaveLength(1);
    const script = html.slice(html.indexOf('<script>'), html.indexOf('</script>'));
    expect(script).not.toContain('Zq9x-7');
    expect(html).toContain('data-token="Zq9x-7"');
  });

  it('refuses bad options and models with issues', async () => {
    const model = await scenarioModel();
    expectIssue(renderDashboardHtml(model, { lang: 'en' } as never), 'INPUT_ENUM', ['options', 'lang']);
    expectIssue(renderDashboardHtml(model, { lang: 'fr', actions: { recycleUrl: 'javascript:alert(1)/{id}' } }), 'INPUT_TYPE', ['options', 'actions', 'recycleUrl']);
    expectIssue(renderDashboardHtml(model, { lang: 'fr', actions: { recycleUrl: '/recycle' } }), 'INPUT_TYPE', ['options', 'actions', 'recycleUrl']);
    expectIssue(renderDashboardHtml(model, { lang: 'fr', actions: { recycleUrl: '/r/{id}', token: 'a"b' } }), 'INPUT_TYPE', ['options', 'actions', 'token']);
    expectIssue(renderDashboardHtml({ ...model, rejects: [{ ...model.rejects[0], patient: 5 }] } as never, { lang: 'fr' }), 'INPUT_TYPE', ['model', 'rejects', 0, 'patient']);
  });

  it('escapes every character that matters in text and attributes', () => {
    expect(escapeHtml(`<a href='x' title="y">&\`</a>`)).toBe('&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&#96;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\ud800')).toBe('a\ufffdb\ufffd');
  });
});

describe('properties', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })], { numRuns: runs(100) })('any patient or PS name comes out escaped (no tag from caller text)', async (patient, ps) => {
    const base = await modelOnce();
    const model = { ...base, rejects: base.rejects.map((r) => ({ ...r, patient, psName: ps })) };
    const html = expectOk(renderDashboardHtml(model, { lang: 'fr' }));
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]?.toLowerCase()));
    for (const t of tags) expect(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'p', 'time', 'nav', 'ul', 'li', 'a', 'main', 'section', 'h2', 'table', 'caption', 'thead', 'tr', 'th', 'tbody', 'td', 'figure', 'svg', 'line', 'rect', 'text', 'desc', 'figcaption', 'span', 'footer', 'strong']).toContain(t);
    expect(html).toContain(escapeHtml(patient));
  });

  test.prop([junkArb, junkArb], { numRuns: runs(200) })('never throws on junk', async (model, options) => {
    expect((await outcomeOf(renderDashboardHtml as (...a: unknown[]) => unknown, [model, options])).kind).toBe('value');
  });
});

let cached: DashboardModel | undefined;
async function modelOnce(): Promise<DashboardModel> {
  cached ??= await scenarioModel();
  return cached;
}
