/**
 * `sesam demo`, stage "Droits" (issue #13 §4): INSi, ADRi, the Vitale app (apCV), the mutuelle's
 * attestation, Annuaire AMC, IDB and CLC against the local HTTPS services (real TLS with a client
 * certificate from an openssl-made test PKI; only the services' answers are scripted: the
 * contracts are modeled). The guarantee ids reach the DREs; no full NIR is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { formatAttestationText, readAttestation } from '../../src/cli/demo/attestation';
import { dreOf, runGuaranteeStep, withRights } from '../../src/cli/demo/guarantee';
import { demoNir, fseInputOf, psOf } from '../../src/cli/demo/practice';
import { runPricingStage } from '../../src/cli/demo/pricing';
import type { RightsStage } from '../../src/cli/demo/rights';
import { APCV_PATIENT, NON_GARANTI_PATIENT, runRightsStage } from '../../src/cli/demo/rights';
import type { PlainDate } from '../../src/core/date/index';
import { unwrap } from '../../src/core/issues/index';
import { buildFseFromDecompte } from '../../src/fse/index';
import { createDemoCards, readCarteVitale } from '../../src/reader/index';
import { computeFacture, DEMO_DAY } from '../../src/rules/index';
import { hasOpenssl } from '../../src/simulator/services/index';
import { expectIssue } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

const DAY = DEMO_DAY[0]!.input.dateFacturation as PlainDate;
const NIRS = DEMO_DAY.map((x, i) => demoNir(x.input.beneficiaire.dateNaissance as PlainDate, i));
const PATIENTS = DEMO_DAY.map((x, i) => {
  const d = computeFacture(x.input);
  return { nir: NIRS[i]!, dateNaissance: x.input.beneficiaire.dateNaissance as PlainDate, ps: psOf(x.input).numeroFacturation, tiersPayantAmc: d.ok && d.value.tiersPayantAmc, mutuelle: x.input.amc !== undefined };
});
const TP = PATIENTS.flatMap((p, i) => (p.tiersPayantAmc ? [i] : []));

describe.skipIf(!hasOpenssl())('demo stage Droits against the local services (mutual TLS)', () => {
  let rights: RightsStage | undefined;
  const stage = capture();

  beforeAll(async () => {
    rights = await runRightsStage(stage.io, { day: DAY, patients: PATIENTS });
  }, 120_000);
  afterAll(async () => {
    await rights?.close();
  });

  it('prints a compact French section: INSi, ADRi, apCV, attestation, Annuaire, IDB', () => {
    const out = stage.out();
    expect(stage.err()).toBe('');
    expect(out).toMatch(/━━ 1 bis\. Droits : INSi, ADRi/);
    expect(out).toMatch(/Services locaux https:\/\/127\.0\.0\.1:\d+ \(HTTPS, certificat client/);
    expect(out.match(/01 751 0001, MT déclaré/g)?.length).toBe(DEMO_DAY.length);
    expect(out).toMatch(/apCV APCV-DEMO-1 \(QR, valable jusqu’à 09:15\)/);
    expect(out).toMatch(/INSi par traits \(identité de test du service local\) : 00 INS \d{5}\*{8}\d{2}/);
    // The first guaranteed patient hands over the attestation's picture (DataMatrix), the others its text.
    expect(out.match(/attestation \(image\) AMC 99999990 adh\. 10000001 → AMC DE TEST ; IDB droits ouverts/g)?.length).toBe(1);
    expect(out.match(/attestation \((texte|image)\) AMC 99999990 adh\. \d{8} → AMC DE TEST ; IDB droits ouverts/g)?.length).toBe(TP.length + 1);
    expect(out).not.toContain('demo-token'); // the apCV token is a credential
  });

  it('CLC: a guarantee for the tiers-payant patients, none for one (the patient pays the AMC part); the ids reach the DREs', async () => {
    const r = rights!;
    const c = capture();
    const priced = runPricingStage(c.io, DEMO_DAY, { explain: false, quiet: true });
    await runGuaranteeStep(c.io, r, priced);
    expect(c.out()).toMatch(new RegExp(`facture ${NON_GARANTI_PATIENT + 1} : part AMC 21,00 € ; CLC non garanti : .* → pas de tiers payant AMC : le patient règle la part AMC \\(21,00 €\\)`));
    expect(r.guarantees.get(NON_GARANTI_PATIENT)?.statut).toBe('non_garanti');
    const at = `${DAY}T18:00:00+01:00`;
    const notes: string[] = [];
    for (const i of TP) {
      const g = r.guarantees.get(i);
      expect(g?.statut).toBe('garanti');
      const p = priced[i]!;
      const input = withRights(fseInputOf(p.input, p.decompte, i, NIRS[i]!), i, r, at, (l) => notes.push(l));
      // ADRi's rights are in the FSE input (guaranteed): régime / caisse / centre of the answer.
      expect(input.amo).toMatchObject({ grandRegime: '01', caisse: '751', centre: '0001' });
      const fse = unwrap(buildFseFromDecompte(input, p.decompte));
      const dre = unwrap(dreOf(fse, i, r, DAY));
      expect(dre.garantie?.id).toBe(g?.id);
      expect(dre.montantAmc).toEqual(g?.montantGaranti);
      expect(dre.amc.numero).toBe('99999990');
      expect(dre.routageDecision?.source).toBe('annuaire');
      if (i === APCV_PATIENT) expect(input.securisation).toMatchObject({ mode: 'F', sourceDroits: 'apcv', referenceDroits: 'APCV-DEMO-2' });
    }
    expect(notes.join('')).toMatch(/contexte apCV APCV-DEMO-1 expiré à la sécurisation → appli relue, nouveau contexte APCV-DEMO-2/);
    // The non-guaranteed patient gets no DRE: DRE_NON_GARANTI, the patient pays the AMC part.
    const p = priced[NON_GARANTI_PATIENT]!;
    const fse = unwrap(buildFseFromDecompte({ ...fseInputOf(p.input, p.decompte, NON_GARANTI_PATIENT, NIRS[NON_GARANTI_PATIENT]!), amc: { numero: '99999990', numeroAdherent: '10000002', indicateurTraitement: '32' } }, p.decompte));
    expectIssue(dreOf(fse, NON_GARANTI_PATIENT, r, DAY), 'DRE_NON_GARANTI');
  });

  it('never prints a full NIR', () => {
    const text = stage.out() + stage.err();
    for (const nir of NIRS) {
      expect(text).not.toContain(nir);
      expect(text).not.toContain(nir.slice(0, 13));
    }
    expect(text.match(/(?<![0-9])[0-9]{13}(?:[0-9]{2})?(?![0-9])/g) ?? []).toEqual([]);
  });
});

describe.skipIf(!hasOpenssl())('sesam demo with the rights stage', () => {
  it('runs the day: rights first, CLC guarantees carried into the DREs, no full NIR printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesam-demo-rights-'));
    try {
      const c = capture();
      expect(await runCli(['demo', '--data', dir], c.io)).toBe(0);
      const out = c.out();
      expect(c.err()).toBe('');
      expect(out.indexOf('1 bis. Droits')).toBeGreaterThan(out.indexOf('1. Cartes'));
      expect(out.indexOf('1 bis. Droits')).toBeLessThan(out.indexOf('2. Tarification'));
      const granted = [...out.matchAll(/facture (\d+) : part AMC [^;]+; CLC garanti [^(]+\(garantie (CLC-\d+)\) → DRE/g)].map((m) => [m[1], m[2]]);
      const carried = [...out.matchAll(/DRE de la facture (\d+) : garantie CLC (CLC-\d+) \([^)]+\) portée dans la DRE/g)].map((m) => [m[1], m[2]]);
      expect(granted.length).toBe(TP.length);
      expect(carried).toEqual(granted);
      expect(out).toMatch(/le patient règle la part AMC \(21,00 €\)/);
      expect(out).toMatch(/DRE → 99999990 /);
      expect(out).toMatch(/2 DRE sécurisée\(s\)/);
      const demo = await createDemoCards();
      const carte = unwrap(await readCarteVitale(demo.vitale.access));
      const text = out + c.err();
      for (const nir of [...carte.beneficiaires.map((b) => b.nir), ...NIRS]) expect(text).not.toContain(nir);
      expect(text.match(/(?<![0-9])[0-9]{13}(?:[0-9]{2})?(?![0-9])/g) ?? []).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('demo stage Droits without openssl', () => {
  it('is skipped with a printed reason (nothing started)', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const c = capture();
      expect(await runRightsStage(c.io, { day: DAY, patients: PATIENTS })).toBeUndefined();
      expect(c.out()).toMatch(/étape sautée : openssl est absent/);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('without the stage, a DRE is routed by the card data, without a guarantee', () => {
    const i = TP[0]!;
    const p = DEMO_DAY[i]!;
    const d = unwrap(computeFacture(p.input));
    const fse = unwrap(buildFseFromDecompte(withRights(fseInputOf(p.input, d, i, NIRS[i]!), i, undefined, `${DAY}T18:00:00+01:00`), d));
    const dre = unwrap(dreOf(fse, i, undefined, DAY));
    expect(dre.garantie).toBeUndefined();
    expect(dre.routageDecision?.source).toBe('carte');
  });
});

describe('properties', () => {
  const field = (max: number) => fc.stringMatching(new RegExp(`^[0-9A-Z]{1,${max}}$`));
  prop.prop([field(10), field(4), fc.option(field(10), { nil: undefined }), field(8), fc.integer({ min: 2000, max: 2098 })], { numRuns: runs(200) })('attestation text round trip', (numeroAmc, typeConvention, csr, numeroAdherent, year) => {
    const a = { numeroAmc, typeConvention, numeroAdherent, ...(csr ? { critereSecondaireRoutage: csr } : {}), periodeValidite: { debut: `${year}-01-01` as PlainDate, fin: `${year + 1}-02-28` as PlainDate } };
    const r = readAttestation({ text: formatAttestationText(a) });
    expect(r).toEqual({ ok: true, support: 'texte', value: a });
  });

  prop.prop([fc.anything()], { numRuns: runs(300) })('reading junk never throws', (junk) => {
    const r = readAttestation(junk as never);
    expect(typeof r.ok).toBe('boolean');
    const t = readAttestation({ text: junk as never });
    expect(typeof t.ok).toBe('boolean');
  });
});
