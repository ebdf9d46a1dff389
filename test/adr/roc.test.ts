/**
 * ROC invoicing, pure parts: DRE-ES from a CLC answer (guarantee only, amounts capped), the
 * modeled DRE-ES codec and the NOEMIE-style 578R / 908R records (round trips, strict reading,
 * junk never throws), reconciliation of the AMC part per invoice.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildDreEs, buildRetourRoc, MODELED_DRE_ES_CODEC, parseRetourRoc, reconcileRoc } from '../../src/adr/index';
import type { DecompteAmc, DreEs, ResultatClc, RetourRoc } from '../../src/adr/index';
import { fromCentimes } from '../../src/core/money/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { CLE, d } from './fixtures';

const m = (c: number) => fromCentimes(c);
const ligne = (code: string, day: string, partAmc: number) => ({ code, date: d(day), quantite: 1, montantFacture: m(partAmc * 5), baseRemboursement: m(partAmc * 5), rembourseAmo: m(partAmc * 4), partAmc: m(partAmc) });
const DECOMPTE: DecompteAmc = { lignes: [ligne('GHS', '2025-03-09', 30000), ligne('FJ', '2025-03-12', 6000)], total: { montantFacture: m(180000), partAmc: m(36000) } };
const SEJOUR = { finess: '750712184', numeroFacture: 'S2025000001', dateEntree: d('2025-03-09'), dateSortie: d('2025-03-12'), cle: CLE };
const clc = (statut: 'garanti' | 'non_garanti' | 'rejete', total: number, lignes: { index: number; montantGaranti: ReturnType<typeof m> }[] = []): ResultatClc => ({ guarantee: { id: 'CLC-7', montantGaranti: m(total), statut }, lignes });

describe('buildDreEs', () => {
  it('asks the guaranteed amount per line, under the guarantee id, for the stay', () => {
    const dre = expectOk(buildDreEs(clc('garanti', 36000, [{ index: 0, montantGaranti: m(30000) }, { index: 1, montantGaranti: m(6000) }]), DECOMPTE, SEJOUR));
    expect(dre).toMatchObject({ finess: '750712184', numeroFacture: 'S2025000001', numeroAmc: '99999990', numeroAdherent: '10000001', critereSecondaireRoutage: 'A1', idGarantie: 'CLC-7', montantAmc: m(36000) });
    expect(dre.lignes.map((l) => l.montantAmc.centimes)).toEqual([30000, 6000]);
  });
  it('caps: per-line amounts never above the part AMC; a guaranteed total is spread in proportion', () => {
    expect(expectOk(buildDreEs(clc('garanti', 40000, [{ index: 0, montantGaranti: m(99999) }, { index: 1, montantGaranti: m(1000) }]), DECOMPTE, SEJOUR)).lignes.map((l) => l.montantAmc.centimes)).toEqual([30000, 1000]);
    const spread = expectOk(buildDreEs(clc('garanti', 18000), DECOMPTE, SEJOUR));
    expect(spread.lignes.map((l) => l.montantAmc.centimes)).toEqual([15000, 3000]);
    expect(spread.montantAmc).toEqual(m(18000));
  });
  it('no DRE-ES without a guarantee; a stay whose dates do not hold the acts is refused', () => {
    expectIssue(buildDreEs(clc('non_garanti', 0), DECOMPTE, SEJOUR), 'ADR_ROC_SANS_GARANTIE', ['clc', 'guarantee', 'statut']);
    expectIssue(buildDreEs(clc('rejete', 0), DECOMPTE, SEJOUR), 'ADR_ROC_SANS_GARANTIE');
    expectIssue(buildDreEs(clc('garanti', 36000), DECOMPTE, { ...SEJOUR, dateSortie: d('2025-03-10') }), 'INPUT_TYPE', ['decompte', 'lignes', 1, 'date']);
    expectIssue(buildDreEs(clc('garanti', 36000), DECOMPTE, { ...SEJOUR, finess: '75071218' }), 'INPUT_TYPE', ['sejour', 'finess']);
  });
});

const DRE: DreEs = expectOk(buildDreEs(clc('garanti', 36000), DECOMPTE, SEJOUR));

describe('modeled DRE-ES codec', () => {
  it('writes and reads back the same DRE-ES; strict on its text', () => {
    const text = expectOk(MODELED_DRE_ES_CODEC.serialize(DRE));
    expect(text.split('\n')[0]).toBe('DREES|1|750712184|S2025000001|99999990|TP|A1|10000001|CLC-7|20250309|20250312|2|36000');
    expect(expectOk(MODELED_DRE_ES_CODEC.parse(text))).toEqual(DRE);
    expectIssue(MODELED_DRE_ES_CODEC.parse(text.replace('|36000', '|36001')), 'ADR_ROC_FORMAT', ['lignes', 0]);
    expectIssue(MODELED_DRE_ES_CODEC.serialize({ ...DRE, numeroAdherent: 'adh' }), 'ADR_ROC_FORMAT');
  });
  test.prop([fc.anything()], { numRuns: runs(300) })('junk never throws (serialize and parse)', (x) => {
    expect(typeof MODELED_DRE_ES_CODEC.serialize(x as never).ok).toBe('boolean');
    expect(typeof MODELED_DRE_ES_CODEC.parse(x as never).ok).toBe('boolean');
  });
});

const PAID: RetourRoc = { type: '578R', emetteur: '99999990', finess: '750712184', dateCreation: d('2025-03-20'), referenceFichier: 'R1', factures: [{ statut: 'paye', numeroFacture: 'S2025000001', idGarantie: 'CLC-7', montantDemande: m(36000), montantPaye: m(36000), datePaiement: d('2025-03-20'), referenceVirement: 'VIR0001' }] };
const REJECTED: RetourRoc = { ...PAID, type: '908R', referenceFichier: 'R2', factures: [{ statut: 'rejete', numeroFacture: 'S2025000002', idGarantie: 'CLC-8', montantDemande: m(5000), codeRejet: 'S012', libelle: 'SEJOUR NON COUVERT' }] };

describe('NOEMIE-style 578R / 908R records (modeled)', () => {
  it('round trip, fixed-width records 000 / 578 | 908 / 999', () => {
    for (const r of [PAID, REJECTED]) {
      const text = expectOk(buildRetourRoc(r));
      const lines = text.trimEnd().split('\n');
      expect(lines.map((l) => l.slice(0, 3))).toEqual(['000', r.type.slice(0, 3), '999']);
      expect(expectOk(parseRetourRoc(text))).toEqual(r);
    }
  });
  it('refuses a trailer that does not add up, a record of the other type, and a 578 in a 908R', () => {
    const text = expectOk(buildRetourRoc(PAID));
    expectIssue(parseRetourRoc(text.replace(/999000001/, '999000002')), 'ADR_ROC_FORMAT', ['lignes', 2]);
    expectIssue(parseRetourRoc(text.replace('000578R', '000908R')), 'ADR_ROC_FORMAT', ['lignes', 1]);
    expectIssue(buildRetourRoc({ ...PAID, type: '908R' }), 'ADR_ROC_FORMAT', ['retour', 'factures', 0]);
    expectIssue(buildRetourRoc({ ...REJECTED, factures: [{ ...(REJECTED.factures[0] as never as object), libelle: 'Séjour' } as never] }), 'ADR_ROC_FORMAT');
  });
  test.prop([fc.string({ maxLength: 400 }), fc.nat(400)], { numRuns: runs(500) })('any text, or a valid file cut anywhere: a Result, never a throw', (junk, cut) => {
    expect(typeof parseRetourRoc(junk).ok).toBe('boolean');
    const text = expectOk(buildRetourRoc(PAID));
    expect(typeof parseRetourRoc(text.slice(0, cut) + junk).ok).toBe('boolean');
  });
});

describe('reconcileRoc (AMC part, per invoice)', () => {
  const second: DreEs = { ...DRE, numeroFacture: 'S2025000002', idGarantie: 'CLC-8', montantAmc: m(5000) };
  it('paid, rejected, pending; a payment that differs and a return for no DRE-ES are warnings', () => {
    const pending: DreEs = { ...DRE, numeroFacture: 'S2025000003', idGarantie: 'CLC-9' };
    const r = reconcileRoc([DRE, second, pending], [PAID, REJECTED]);
    const v = expectOk(r);
    expect(v.factures.map((f) => [f.numeroFacture, f.statut, f.montantPaye.centimes, f.ecart.centimes])).toEqual([['S2025000001', 'paye', 36000, 0], ['S2025000002', 'rejete', 0, 5000], ['S2025000003', 'en-attente', 0, 36000]]);
    expect(v.totaux).toEqual({ demande: m(77000), paye: m(36000), rejete: m(5000), enAttente: m(36000) });
    expectIssue(r, 'ADR_ROC_REJET', ['dres', 1]);
    const short: RetourRoc = { ...PAID, factures: [{ ...(PAID.factures[0] as Extract<RetourRoc['factures'][number], { statut: 'paye' }>), montantPaye: m(30000) }] };
    const e = reconcileRoc([DRE], [short, REJECTED]);
    expect(expectOk(e).factures[0]).toMatchObject({ statut: 'paye-ecart', ecart: m(6000) });
    expectIssue(e, 'ADR_ROC_ECART', ['dres', 0]);
    expectIssue(e, 'ADR_ROC_RETOUR_INCONNU');
    expect(expectOk(e).inconnus.map((i) => i.numeroFacture)).toEqual(['S2025000002']);
  });
  test.prop([fc.anything(), fc.anything()], { numRuns: runs(300) })('junk never throws', (a, b) => {
    expect(typeof reconcileRoc(a as never, b as never).ok).toBe('boolean');
    expect(typeof reconcileRoc([DRE, a] as never, [PAID, b] as never).ok).toBe('boolean');
  });
});
