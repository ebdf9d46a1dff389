/**
 * Annuaire AMC, IDB / CLC, annulation, PEC and ROC (pure parts; modeled contracts), with a real
 * Decompte from the rules engine. Includes the junk property over every exported pure function.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import * as attestation from '../../src/adr/attestation/index';
import * as adr from '../../src/adr/index';
import { advanceRoc, applyPecStatut, buildAnnulationRequest, buildClcRequest, buildIdbRequest, buildPecRequest, decideSuiteClc, DOSSIER_ROC_INITIAL, parseAnnuaireResponse, parseClcResponse, parseIdbResponse, parsePecResponse, PEC_STATUTS, PEC_TRANSITIONS, resolveAmc, serviceUrl } from '../../src/adr/index';
import type { EntreeAnnuaireAmc, Guarantee } from '../../src/adr/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { CLE, d, DECOMPTE, demande } from './fixtures';

const ROUTAGE = { codeRoutage: 'XY', identifiantHote: '123', nomDomaine: 'amc-test.invalid' };
const ANNUAIRE: EntreeAnnuaireAmc[] = [
  { numeroAmc: '99999990', services: { idb: 'https://amc.invalid/idb' }, routage: { ...ROUTAGE, codeRoutage: 'AA' } },
  { numeroAmc: '99999990', typeConvention: 'TP', services: { idb: 'https://amc.invalid/idb', clc: 'https://amc.invalid/clc' }, routage: { ...ROUTAGE, codeRoutage: 'BB' } },
  { numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', services: { clc: 'https://amc.invalid/a1/clc' }, routage: ROUTAGE },
];

describe('Annuaire AMC', () => {
  it('picks the most specific entry and gives the DRE routing', () => {
    expect(expectOk(resolveAmc(CLE, ANNUAIRE, { dateSoins: d('2025-03-10') })).routage).toEqual(ROUTAGE);
    expect(expectOk(resolveAmc({ ...CLE, critereSecondaireRoutage: 'B2' }, ANNUAIRE, { dateSoins: d('2025-03-10') })).routage.codeRoutage).toBe('BB');
    expect(expectOk(resolveAmc({ ...CLE, typeConvention: 'XX' }, ANNUAIRE, { dateSoins: d('2025-03-10') })).routage.codeRoutage).toBe('AA');
    expectIssue(resolveAmc({ ...CLE, numeroAmc: '1' }, ANNUAIRE, { dateSoins: d('2025-03-10') }), 'ADR_ANNUAIRE_INCONNU', ['cle', 'numeroAmc']);
    expectIssue(resolveAmc(CLE, ANNUAIRE, { dateSoins: d('2024-12-31') }), 'ADR_ATTESTATION_PERIODE');
  });

  it('says which services the AMC offers', () => {
    const a = expectOk(resolveAmc(CLE, ANNUAIRE, { dateSoins: d('2025-03-10') }));
    expect(expectOk(serviceUrl(a, 'clc'))).toBe('https://amc.invalid/a1/clc');
    expectIssue(serviceUrl(a, 'idb'), 'ADR_SERVICE_ABSENT');
  });

  it('parses a directory answer', () => {
    const e = expectOk(parseAnnuaireResponse({ codeRetour: '00', numeroAmc: '99999990', typeConvention: 'TP', services: { clc: 'https://x.invalid/clc', bogus: 'x' }, routage: { ...ROUTAGE, aiguillageSts: 'R' } }));
    expect(e).toEqual({ numeroAmc: '99999990', typeConvention: 'TP', services: { clc: 'https://x.invalid/clc' }, routage: { ...ROUTAGE, aiguillageSts: 'R' } });
    expectIssue(parseAnnuaireResponse({ codeRetour: 'AMC_INCONNUE' }), 'ADR_ANNUAIRE_INCONNU');
    expectIssue(parseAnnuaireResponse({ numeroAmc: '99999990', services: {}, routage: { ...ROUTAGE, codeRoutage: 'toolong' } }), 'ADR_RESPONSE_FIELD', ['routage', 'codeRoutage']);
  });
});

describe('IDB / CLC', () => {
  it('builds IDB and CLC requests from the Decompte (amounts in centimes)', () => {
    expect(expectOk(buildIdbRequest(demande()))).toMatchObject({ numeroAmc: '99999990', numeroAdherent: '10000001', dateSoins: '20250310' });
    const clc = expectOk(buildClcRequest(DECOMPTE, { ...demande(), referenceIdb: 'IDB-1' }));
    expect(clc['totalPartAmcDemandee']).toBe(DECOMPTE.total.partAmc.centimes);
    expect((clc['lignes'] as unknown[]).length).toBe(DECOMPTE.lignes.length);
    const l0 = DECOMPTE.lignes[0]!;
    expect(clc).toEqual({
      numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', numeroAdherent: '10000001',
      beneficiaire: { nir: demande().beneficiaire.nir, dateNaissance: '19800501', rang: 1 }, numeroFacturation: '990781056', dateSoins: '20250310', referenceIdb: 'IDB-1',
      lignes: [{ index: 0, code: l0.code, date: '20250310', quantite: 1, montantFacture: l0.montantFacture.centimes, baseRemboursement: l0.baseRemboursement.centimes, rembourseAmo: l0.rembourseAmo.centimes, partAmcDemandee: l0.partAmc.centimes }],
      totalPartAmcDemandee: DECOMPTE.total.partAmc.centimes,
    });
    // Inherited fields are not read (fast path and guards agree): the line is reported, not priced.
    expectIssue(buildClcRequest({ ...DECOMPTE, lignes: [Object.create(l0) as typeof l0] }, { ...demande(), referenceIdb: 'IDB-1' }), 'INPUT_MISSING', ['decompte', 'lignes', 0, 'code']);
    expectIssue(buildClcRequest({ ...DECOMPTE, lignes: [] }, { ...demande(), referenceIdb: 'IDB-1' }), 'INPUT_RANGE', ['decompte', 'lignes']);
    expectIssue(buildIdbRequest({ ...demande(), cle: { ...CLE, numeroAdherent: undefined as never } }), 'INPUT_MISSING', ['demande', 'cle', 'numeroAdherent']);
  });

  it('reads garanti / non garanti / rejeté as values', () => {
    expect(expectOk(parseClcResponse({ statut: 'garanti', idGarantie: 'G1', montantGaranti: 690 })).guarantee).toEqual({ id: 'G1', montantGaranti: { centimes: 690 }, statut: 'garanti' });
    expect(expectOk(parseClcResponse({ statut: 'non_garanti', idGarantie: 'G2' })).guarantee.montantGaranti).toEqual({ centimes: 0 });
    expectIssue(parseClcResponse({ statut: 'garanti', idGarantie: 'G1' }), 'ADR_RESPONSE_FIELD', ['montantGaranti']);
    expectIssue(parseClcResponse({ statut: 'peut-etre', idGarantie: 'G1' }), 'ADR_RESPONSE_FIELD', ['statut']);
    expectIssue(parseIdbResponse({ codeRetour: '12', libelle: 'inconnu' }), 'ADR_BUSINESS');
  });

  it('annulation only of a granted guarantee', () => {
    const g: Guarantee = { id: 'G1', montantGaranti: { centimes: 690 }, statut: 'garanti' };
    expect(expectOk(buildAnnulationRequest(g, { motif: 'soins non réalisés' }))).toEqual({ idGarantie: 'G1', motif: 'soins non réalisés' });
    expectIssue(buildAnnulationRequest({ ...g, statut: 'rejete' }), 'ADR_ANNULATION_IMPOSSIBLE');
    expectIssue(adr.parseAnnulationResponse({ codeRetour: 'G404' }), 'ADR_BUSINESS');
  });
});

describe('PEC', () => {
  it('builds, parses and follows the status cycle', () => {
    expect(expectOk(buildPecRequest({ ...demande(), type: 'optique', lignes: [{ code: '2243304', quantite: 1, montant: { centimes: 30000 } }] }))).toMatchObject({ type: 'optique', lignes: [{ code: '2243304', quantite: 1, montant: 30000 }] });
    const p = expectOk(parsePecResponse({ idPec: 'P1', type: 'hospitalisation', statut: 'en_cours' }));
    const acc = expectOk(applyPecStatut(p, { statut: 'accordee', montantAccorde: { centimes: 120000 } }));
    expect(acc).toMatchObject({ statut: 'accordee', montantAccorde: { centimes: 120000 } });
    expectIssue(applyPecStatut(acc, { statut: 'en_cours' }), 'ADR_PEC_TRANSITION', ['suivant', 'statut']);
  });
});

describe('ROC sequence', () => {
  it('needs IDB first and a guarantee before the DRE-ES; no rights ends without tiers payant', () => {
    expectIssue(advanceRoc(DOSSIER_ROC_INITIAL, { type: 'clc', guarantee: { id: 'G', montantGaranti: { centimes: 1 }, statut: 'garanti' } }), 'ADR_ROC_SEQUENCE');
    const closed = expectOk(advanceRoc(DOSSIER_ROC_INITIAL, { type: 'idb', droitsOuverts: false, reference: 'I' }));
    expect(closed.etape).toBe('sans-tiers-payant');
    const idb = expectOk(advanceRoc(DOSSIER_ROC_INITIAL, { type: 'idb', droitsOuverts: true, reference: 'I' }));
    const ng = expectOk(advanceRoc(idb, { type: 'clc', guarantee: { id: 'G', montantGaranti: { centimes: 0 }, statut: 'non_garanti' } }));
    expect(ng.etape).toBe('sans-tiers-payant');
    expectIssue(advanceRoc(ng, { type: 'dre-es', numeroFacture: 'F1' }), 'ADR_ROC_SEQUENCE');
    const g = expectOk(advanceRoc(idb, { type: 'clc', guarantee: { id: 'G', montantGaranti: { centimes: 5 }, statut: 'garanti' } }));
    expect(expectOk(advanceRoc(g, { type: 'annulation' })).etape).toBe('annule');
  });
});

describe('properties', () => {
  const statut = fc.constantFrom<Guarantee['statut']>('garanti', 'non_garanti', 'rejete');
  test.prop([statut, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 })], { numRuns: runs(300) })('suite CLC: DRE amount + patient part = part AMC; DRE only on a guarantee', (s, garanti, partAmc) => {
    const r = expectOk(decideSuiteClc({ id: 'G', montantGaranti: { centimes: garanti }, statut: s }, { lignes: [], total: { montantFacture: { centimes: partAmc }, partAmc: { centimes: partAmc } } }));
    expect(r.montantDre.centimes + r.partAmcPatient.centimes).toBe(partAmc);
    expect(r.dre === 'envoyer').toBe(s === 'garanti');
    expect(r.montantDre.centimes).toBeLessThanOrEqual(Math.min(garanti, partAmc));
  });

  test.prop([fc.constantFrom(...PEC_STATUTS), fc.constantFrom(...PEC_STATUTS)], { numRuns: runs(200) })('PEC: a transition succeeds exactly when the cycle allows it', (from, to) => {
    const r = applyPecStatut({ id: 'P', type: 'optique', statut: from, montantAccorde: { centimes: 0 } }, { statut: to });
    expect(r.ok).toBe(PEC_TRANSITIONS[from].includes(to));
  });

  test.prop([fc.array(fc.constantFrom('idb', 'sim', 'clc', 'dre-es', 'noemie', 'annulation'), { maxLength: 8 })], { numRuns: runs(300) })('ROC: any event sequence either advances or answers ADR_ROC_SEQUENCE, never throws', (events) => {
    let dossier = DOSSIER_ROC_INITIAL;
    for (const t of events) {
      const ev = t === 'idb' ? { type: t, droitsOuverts: true, reference: 'I' } : t === 'clc' ? { type: t, guarantee: { id: 'G', montantGaranti: { centimes: 1 }, statut: 'garanti' as const } } : t === 'noemie' ? { type: t, retour: '578R' as const } : t === 'sim' ? { type: t, montantEstime: { centimes: 1 } } : t === 'dre-es' ? { type: t, numeroFacture: 'F' } : { type: t };
      const r = advanceRoc(dossier, ev as never);
      if (r.ok) dossier = r.value;
      else expect(r.issues[0]?.code).toBe('ADR_ROC_SEQUENCE');
    }
  });

  // The attestation reader (re-exported by sesam-billing/adr) has its own junk tests, async ones included.
  const fns = Object.entries(adr).filter(([name, v]) => typeof v === 'function' && !['INSI_ACTIONS'].includes(name) && !(name in attestation)) as [string, (...a: unknown[]) => unknown][];
  test.prop([fc.anything(), fc.anything(), fc.anything()], { numRuns: runs(300) })('junk: every exported pure function returns a Result and never throws', (a, b, c) => {
    for (const [, f] of fns) {
      const r = f(a, b, c) as { ok?: unknown } | boolean;
      if (typeof r === 'object' && r !== null) expect(typeof r.ok).toBe('boolean');
    }
  });

  const plausible = fc.oneof(
    fc.anything(),
    fc.constantFrom<unknown>(CLE, DECOMPTE, demande(), { ...demande(), referenceIdb: 'I' }, ANNUAIRE, { dateSoins: '2025-03-10' }, { at: '2025-03-10T10:00:00Z' }, DOSSIER_ROC_INITIAL, { statut: 'garanti', id: 'G', montantGaranti: { centimes: 1 } }, { type: 'clc', guarantee: null }, { periodesAmo: [{ debut: '2025-01-01', fin: { toString: 0 } }], couvertures: 1 }, 'clc'),
  );
  test.prop([plausible, plausible, plausible], { numRuns: runs(500) })('junk: mixes of valid and junk arguments never throw', (a, b, c) => {
    for (const [, f] of fns) {
      const r = f(a, b, c) as { ok?: unknown } | boolean;
      if (typeof r === 'object' && r !== null) expect(typeof r.ok).toBe('boolean');
    }
  });
});
