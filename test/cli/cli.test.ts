import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsFor, runCli } from '../../src/cli/main';
import { demoNir } from '../../src/cli/demo/practice';
import type { PlainDate } from '../../src/core/date/index';
import { unwrap } from '../../src/core/issues/index';
import { rebuildFile } from '../../src/fse/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { createDemoCards, readCarteVitale } from '../../src/reader/index';
import { DEMO_DAY } from '../../src/rules/index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

describe('sesam CLI: which command modules a command line loads', () => {
  const names = (argv: string[]) => commandsFor(argv).map(([name]) => name);
  it('only the command named, also after options and through `help <command>`', () => {
    expect(names(['price', 'f.json'])).toEqual(['price']);
    expect(names(['fse', 'build', 'x.json', '--record'])).toEqual(['fse']);
    expect(names(['help', 'lot'])).toEqual(['lot']);
    expect(names(['--json', 'watchdog'])).toEqual(['watchdog']);
  });
  it('none for --version; all for the help list, an unknown command or nothing', () => {
    expect(names(['--version'])).toEqual([]);
    expect(names(['-V'])).toEqual([]);
    const all = names([]);
    expect(all).toContain('demo');
    expect(all.length).toBeGreaterThanOrEqual(13);
    expect(names(['--help'])).toEqual(all);
    expect(names(['--version', '--help'])).toEqual(all);
    expect(names(['help'])).toEqual(all);
    expect(names(['nope'])).toEqual(all);
  });
  it('the version and a command\'s help work with only that command loaded', async () => {
    const v = capture();
    expect(await runCli(['--version'], v.io)).toBe(0);
    expect(v.out()).toMatch(/^\d+\.\d+\.\d+/);
    const h = capture();
    expect(await runCli(['help', 'price'], h.io)).toBe(0);
    expect(h.out()).toMatch(/Usage: sesam price/);
  });
});

describe('sesam CLI', () => {
  it('prints help and refuses unknown commands', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/demo/);
    const d = capture();
    expect(await runCli(['nope'], d.io)).toBe(64);
    expect(d.err()).toMatch(/unknown command/);
    const e = capture();
    expect(await runCli(['demo', '--help'], e.io)).toBe(0);
    expect(e.out()).toMatch(/--explain/);
  });

  it('prices a JSON invoice, and reports issues with paths for a bad one', async () => {
    const c = capture();
    expect(await runCli(['price', 'test/fixtures/cli/g-secteur1.json', '--explain'], c.io)).toBe(0);
    expect(c.out()).toMatch(/AMO net 19,00 €/);
    expect(c.out()).toMatch(/taux\.medecin/);
    const j = capture();
    expect(await runCli(['price', 'test/fixtures/cli/g-secteur1.json', '--json'], j.io)).toBe(0);
    expect(JSON.parse(j.out()).result.total.netAmo).toEqual({ centimes: 1900 });
    const b = capture();
    expect(await runCli(['price', 'test/fixtures/cli/bad.json'], b.io)).toBe(65);
    expect(b.err()).toMatch(/RULES_/);
    const m = capture();
    expect(await runCli(['price', 'test/fixtures/cli/missing.json'], m.io)).toBe(66);
    const n = capture();
    expect(await runCli(['price'], n.io)).toBe(64);
  });

  it('runs the whole demo day: cards, pricing, FSE files in a SQLite ledger, returns reconciled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesam-demo-'));
    try {
      const c = capture();
      expect(await runCli(['demo', '--days', '1', '--data', dir, '--explain'], c.io)).toBe(0);
      const out = c.out();
      expect(c.err()).toBe('');
      expect(out).toMatch(/Carte Vitale : 2 bénéficiaire/);
      expect(out).toMatch(/PIN vérifié une fois/);
      expect(out).toMatch(/13 FSE contrôlées/);
      expect(out).toMatch(/LEDGER_DUPLICATE/);
      expect(out).toMatch(/enregistrement 2 — B2 2/);
      expect(out).toMatch(/Suivi tiers payant/);
      expect(out).toMatch(/Surveillance/);
      const b2 = readdirSync(join(dir, 'fichiers')).filter((f) => f.endsWith('.b2'));
      expect(b2.length).toBeGreaterThanOrEqual(5);
      // Issue #10 §1: number → secureNumbered → serializeLottedFile; every file written is what
      // rebuildFile gives from the ledger (the real SQLite file the demo left), byte for byte.
      expect(out).toMatch(/Reconstruction du fichier \d{6} depuis le ledger \(rebuildFile\) : \d+ octets, identiques au fichier écrit/);
      expect(out).toMatch(/2 DRE sécurisée\(s\) avec la même CPS/);
      expect(out).not.toMatch(/DIFFÉRENTS/);
      const ledger = await createSqliteLedger({ path: join(dir, 'ledger.sqlite') });
      try {
        for (const name of b2) {
          const fileId = /_([0-9A-Z]{6})\.b2$/.exec(name)?.[1] ?? '';
          const rebuilt = unwrap(await rebuildFile(ledger, fileId));
          expect(Buffer.from(rebuilt).equals(readFileSync(join(dir, 'fichiers', name))), name).toBe(true);
        }
      } finally {
        await ledger.close?.();
      }
      // Issue #10 §3: French labels, no internal state names, S/F/D explained, rows sorted.
      expect(out).not.toMatch(/partiellement_payee|_payee|\(1 parts\)|\b1 alertes\b/);
      expect(out).toMatch(/partiellement payée/);
      expect(out).toMatch(/mode de sécurisation : S = carte Vitale lue ; F = sans Vitale .* D = dégradé/);
      const fseRows = [...out.matchAll(/^ +(\d+) {2}(\d{9}) {2}[SFD] /gm)].map((m) => [m[2] ?? '', Number(m[1])] as const);
      expect(fseRows.length).toBe(13);
      const sorted = [...fseRows].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
      expect(fseRows).toEqual(sorted);
      for (const block of out.split('▸ PS ').slice(1)) {
        const numeros = [...block.matchAll(/^ {4}facture (\d+) /gm)].map((m) => m[1] ?? '');
        expect(numeros).toEqual([...numeros].sort());
      }
      // Running it again starts from a fresh ledger (no duplicate from the previous run).
      const again = capture();
      expect(await runCli(['demo', '--days', '1', '--data', dir], again.io)).toBe(0);
      expect(again.out()).toMatch(/13 FSE contrôlées/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('never prints a full NIR (issue #10 §5: house rule, masked with maskNir)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesam-demo-nir-'));
    try {
      const c = capture();
      expect(await runCli(['demo', '--days', '1', '--data', dir, '--explain'], c.io)).toBe(0);
      const text = c.out() + c.err();
      // The NIRs the demo handles: the virtual Vitale's bénéficiaires and the day's patients.
      const demo = await createDemoCards();
      const carte = unwrap(await readCarteVitale(demo.vitale.access));
      const nirs = [...carte.beneficiaires.map((b) => b.nir), ...DEMO_DAY.map((x, i) => demoNir(x.input.beneficiaire.dateNaissance as PlainDate, i))];
      expect(nirs.length).toBeGreaterThan(2);
      for (const nir of nirs) {
        expect(text).not.toContain(nir);
        expect(text).not.toContain(nir.slice(0, 13)); // the B2 records carry the 13-digit body
      }
      // Nor any NIR-shaped run: exactly 13 or 15 digits on their own (masked ones read 18001********68).
      expect(text.match(/(?<![0-9])[0-9]{13}(?:[0-9]{2})?(?![0-9])/g) ?? []).toEqual([]);
      expect(text).toMatch(/NIR \d{5}\*{8}\d{2} \(clé vérifiée\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
