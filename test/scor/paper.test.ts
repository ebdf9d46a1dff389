/**
 * Paper fallbacks: the feuille de soins duplicata (dégradé mode) and the bordereau for the AMC,
 * as PDF/A-1b with the amounts of computeFacture's Decompte. PDFBox Preflight validates every
 * document (one JVM for the whole file), including a property over random priced invoices.
 */
import { describe, expect, test, afterAll } from 'vitest';
import { fc } from '@fast-check/vitest';
import { PDFDocument } from 'pdf-lib';
import { computeFacture } from '../../src/rules/index';
import type { Decompte } from '../../src/rules/index';
import { formatMoney } from '../../src/core/money/index';
import { buildBordereauAmc, buildDuplicataFeuilleSoins, validatePdfA } from '../../src/scor/index';
import { toFontText } from '../../src/scor/paper/font';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { PREFLIGHT, preflight } from '../helpers/preflight';
import { runs } from '../helpers/runs';
import { arbFacture } from '../arbitraries/facture';
import { bordereauFactures, decomptePlain, decompteTp, factureTp, PATIENT, PS } from './paperData';

const AT = '2026-03-10T18:00:00+01:00';
/** Every document made here, validated by Preflight at the end of the file. */
const made: Record<string, Uint8Array> = {};

function duplicataInput(over: Record<string, unknown> = {}) {
  return { ps: PS, beneficiaire: PATIENT, numeroFacture: 42, dateFacturation: '2025-03-11', decompte: decompteTp(), ...over };
}

/** The text pdf-lib wrote: hex glyph strings are not searchable, so look at what we can (title). */
async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

describe('buildDuplicataFeuilleSoins', () => {
  test('makes a PDF/A-1b duplicata, deterministic with at + documentId', async () => {
    const a = expectOk(await buildDuplicataFeuilleSoins(duplicataInput(), { at: AT }));
    const b = expectOk(await buildDuplicataFeuilleSoins(duplicataInput(), { at: AT }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    made['duplicata'] = a;
    const s = Buffer.from(a).toString('latin1');
    expect(s).toContain('/FontFile2');
    expect(s).toContain('/GTS_PDFA1');
    const report = expectOk(await validatePdfA(a));
    expect(report.pageCount).toBe(1);
    const fixedId = expectOk(await buildDuplicataFeuilleSoins(duplicataInput(), { at: AT, documentId: 'ab'.repeat(16) }));
    expect(Buffer.from(fixedId).toString('latin1')).toContain('<ABABABABABABABABABABABABABABABAB>');
    expect(Buffer.from(fixedId).equals(Buffer.from(a))).toBe(false);
  });

  test('the content changes the default document id', async () => {
    const a = expectOk(await buildDuplicataFeuilleSoins(duplicataInput(), { at: AT }));
    const b = expectOk(await buildDuplicataFeuilleSoins(duplicataInput({ numeroFacture: 43 }), { at: AT }));
    const id = (p: Uint8Array) => /\/ID \[ <([0-9A-F]+)>/.exec(Buffer.from(p).toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^[0-9A-F]{32}$/);
    expect(id(a)).not.toBe(id(b));
  });

  test('many acts run over several pages', async () => {
    const d = decompteTp();
    const lignes = Array.from({ length: 90 }, (_, i) => d.lignes[i % d.lignes.length]!);
    const sumOf = (k: 'montantFacture' | 'partAmo' | 'partAmc') => ({ centimes: lignes.reduce((s, l) => s + l[k].centimes, 0) });
    const decompte = { ...d, lignes, total: { ...d.total, montantFacture: sumOf('montantFacture'), partAmo: sumOf('partAmo'), partAmc: sumOf('partAmc') } };
    const pdf = expectOk(await buildDuplicataFeuilleSoins(duplicataInput({ decompte })));
    expect(await pageCount(pdf)).toBeGreaterThan(1);
    made['duplicata-long'] = pdf;
  });

  test('totals that are not the sum of the lines are refused', async () => {
    const d = decompteTp();
    const decompte = { ...d, total: { ...d.total, partAmc: { centimes: d.total.partAmc.centimes + 1 } } };
    const r = await buildDuplicataFeuilleSoins(duplicataInput({ decompte }));
    expectIssue(r, 'SCOR_PAPER_TOTAL_MISMATCH', ['decompte', 'total', 'partAmc']);
  });

  test('a décompte without acts, a bad NIR, junk options: typed issues, the NIR masked', async () => {
    expectIssue(await buildDuplicataFeuilleSoins(duplicataInput({ decompte: { ...decompteTp(), lignes: [] } })), 'SCOR_PAPER_NO_LINE', ['decompte', 'lignes']);
    const badNir = await buildDuplicataFeuilleSoins(duplicataInput({ beneficiaire: { ...PATIENT, nir: `${PATIENT.nir!.slice(0, 14)}X` } }));
    expectIssue(badNir, 'INPUT_TYPE', ['beneficiaire', 'nir']);
    expect(JSON.stringify(badNir)).not.toContain(PATIENT.nir!.slice(0, 13));
    expectIssue(await buildDuplicataFeuilleSoins(duplicataInput(), { at: 'hier' }), 'INPUT_TYPE', ['options', 'at']);
  });

  test('names outside Latin-1 are drawn with the letters the font has', async () => {
    expect(toFontText('Łukasz Dvořák 王')).toBe('?ukasz Dvorák ?');
    expect(toFontText('Œuvre – 1\u202f234,50\u00a0€')).toBe('Œuvre – 1\u202f234,50\u00a0€');
    const pdf = expectOk(await buildDuplicataFeuilleSoins(duplicataInput({ beneficiaire: { ...PATIENT, nom: 'DVOŘÁK', prenom: 'Łucja Ø' } }), { at: AT }));
    made['duplicata-names'] = pdf;
  });
});

describe('buildBordereauAmc', () => {
  const input = (factures = bordereauFactures(3)) => ({ ps: PS, amc: { nom: 'Mutuelle Fictive', numero: '99999999' }, numeroBordereau: 7, dateBordereau: '2025-03-31', factures });

  test('lists the invoices with their AMC part, as PDF/A-1b', async () => {
    const pdf = expectOk(await buildBordereauAmc(input(), { at: AT }));
    made['bordereau'] = pdf;
    expect(Buffer.from(pdf).equals(Buffer.from(expectOk(await buildBordereauAmc(input(), { at: AT }))))).toBe(true);
    const long = expectOk(await buildBordereauAmc(input(bordereauFactures(80)), { at: AT }));
    expect(await pageCount(long)).toBeGreaterThan(1);
    made['bordereau-long'] = long;
  });

  test('an invoice without AMC tiers payant, or twice, is refused', async () => {
    const f = bordereauFactures(2);
    const plain = { ...f[0]!, numeroFacture: 500, decompte: decomptePlain() };
    expectIssue(await buildBordereauAmc(input([...f, plain])), 'SCOR_BORDEREAU_NOT_AMC', ['factures', 2, 'decompte']);
    expectIssue(await buildBordereauAmc(input([...f, f[0]!])), 'SCOR_BORDEREAU_DUPLICATE', ['factures', 2, 'numeroFacture']);
    expectIssue(await buildBordereauAmc(input([])), 'INPUT_RANGE', ['factures']);
  });
});

describe('properties', () => {
  test('random priced invoices always make a duplicata, and those with AMC tiers payant a bordereau (validated by Preflight below)', async () => {
    let i = 0;
    const amc: { numeroFacture: number; dateFacturation: string; beneficiaire: typeof PATIENT; decompte: Decompte }[] = [];
    await fc.assert(
      fc.asyncProperty(arbFacture, fc.boolean(), async (facture, tp) => {
        const d = computeFacture({ ...facture, amc: facture.amc ?? { formule: 'ticketModerateur' }, tiersPayant: { amo: tp, amc: tp } });
        if (!d.ok) return;
        const pdf = await buildDuplicataFeuilleSoins({ ps: PS, beneficiaire: PATIENT, numeroFacture: 1 + i, dateFacturation: facture.dateFacturation, decompte: d.value }, { at: AT });
        expect(pdf.ok).toBe(true);
        if (pdf.ok && i < 12) made[`random-${i}`] = pdf.value;
        if (d.value.tiersPayantAmc && d.value.total.partAmc.centimes > 0) amc.push({ numeroFacture: 1 + i, dateFacturation: facture.dateFacturation, beneficiaire: PATIENT, decompte: d.value });
        i++;
        expect(formatMoney(d.value.total.montantFacture)).toMatch(/€$/);
      }),
      // One invoice with AMC tiers payant always runs first, so the bordereau below is built at every
      // count (SESAM_PROP_SCALE=0.25 leaves 10 random invoices, sometimes none with an AMC part).
      { numRuns: runs(40), examples: [[factureTp(), true]] },
    );
    expect(amc.length).toBeGreaterThan(0);
    if (amc.length > 0) made['random-bordereau'] = expectOk(await buildBordereauAmc({ ps: PS, amc: { nom: 'Mutuelle Fictive', numero: '99999999' }, numeroBordereau: 9, dateBordereau: '2026-01-31', factures: amc }, { at: AT }));
  });

  test('junk input never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (a, b) => {
        const r1 = await buildDuplicataFeuilleSoins(a as never, b as never);
        const r2 = await buildBordereauAmc(a as never, b as never);
        expect(r1.ok && r2.ok).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe.skipIf(!PREFLIGHT.available)(`PDFBox Preflight ${PREFLIGHT.reason}`, () => {
  afterAll(() => undefined);
  test('every paper document is a valid PDF/A-1b', () => {
    const names = Object.keys(made);
    expect(names.length).toBeGreaterThanOrEqual(6);
    const verdicts = preflight(made);
    const bad = Object.entries(verdicts).filter(([, v]) => !v.valid).map(([n, v]) => `${n}: ${v.errors}`);
    expect(bad).toEqual([]);
  });
});
