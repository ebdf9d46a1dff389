/**
 * ADRi, the payment guarantee control and apCV (pure parts).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { acquireApcvContexte, buildAdriRequest, buildApcvSecurisation, captureDroitsLus, checkDroitsGarantis, computeDroitsAuJour, decideApcvRenewal, markFseFromAdri, parseAdriResponse } from '../../src/adr/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { ADRI_JSON, d, FSE_INPUT, NIR } from './fixtures';

describe('ADRi', () => {
  it('builds the request with AAAAMMJJ dates and guards it', () => {
    expect(expectOk(buildAdriRequest({ nir: NIR, dateNaissance: d('1980-05-01'), dateSoins: d('2025-03-10'), codeRegime: '01' }))).toEqual({ immatriculation: NIR, dateNaissance: '19800501', rangGemellaire: 1, dateReferenceDroits: '20250310', codeRegime: '01' });
    expectIssue(buildAdriRequest({ nir: '12', dateNaissance: d('1980-05-01'), dateSoins: d('2025-03-10') }), 'INPUT_TYPE', ['demande', 'nir']);
  });

  it('parses régime, caisse, centre, qualité, periods, ALD and AMC data', () => {
    const r = expectOk(parseAdriResponse(ADRI_JSON));
    expect(r).toMatchObject({ reference: 'ADRI-0001', codeRegime: '01', codeCaisse: '751', centrePrestation: '0001', qualite: '0', medecinTraitant: true, nirCertifie: NIR });
    expect(r.periodesAmo).toEqual([{ debut: '2024-01-01', fin: '2025-12-31' }]);
    expect(r.couvertures[0]).toEqual({ debut: '2025-01-01', fin: '2025-12-31', groupe: '1', codeAld: '1', codeSituation: '0100' });
    expect(r.mutuelle).toEqual({ numeroAmc: '99999990', indicateurTraitement: '02', periode: { debut: '2025-01-01' } });
  });

  it('reports malformed fields with their path', () => {
    const bad = { ...ADRI_JSON, infosGlobales: { ...ADRI_JSON.infosGlobales, codeCaisse: '75' }, beneficiaireDeSoins: { ...ADRI_JSON.beneficiaireDeSoins, lstPeriodeAMO: [{ dateDebut: '20251399' }] } };
    const r = parseAdriResponse(bad);
    expectIssue(r, 'ADR_RESPONSE_FIELD', ['infosGlobales', 'codeCaisse']);
    expectIssue(r, 'ADR_RESPONSE_FIELD', ['beneficiaireDeSoins', 'lstPeriodeAMO', 0, 'dateDebut']);
  });

  it('gives the rights of the day, or ADR_DROITS_FERMES', () => {
    const r = expectOk(parseAdriResponse(ADRI_JSON));
    const j = expectOk(computeDroitsAuJour(r, { dateSoins: d('2025-03-10') }));
    expect(j.ald).toBe(true);
    expect(j.mutuelle?.numeroAmc).toBe('99999990');
    expect(expectOk(computeDroitsAuJour(r, { dateSoins: d('2024-06-01') })).ald).toBe(false);
    expectIssue(computeDroitsAuJour(r, { dateSoins: d('2026-01-02') }), 'ADR_DROITS_FERMES', ['droits', 'periodesAmo']);
  });
});

describe('payment guarantee of the rights', () => {
  const droits = expectOk(parseAdriResponse(ADRI_JSON));

  it('fills an FSE input from ADRi and marks it guaranteed (mode F, source adri)', () => {
    const { input, garantie } = expectOk(markFseFromAdri(FSE_INPUT, droits, { dateSoins: d('2025-03-10') }));
    expect(input.beneficiaire.droitsAmo).toEqual([{ debut: '2024-01-01', fin: '2025-12-31' }]);
    expect(input.securisation).toEqual({ mode: 'F', cps: FSE_INPUT.securisation.cps, sourceDroits: 'adri', referenceDroits: 'ADRI-0001' });
    expect(garantie.source).toBe('adri');
    const c = expectOk(checkDroitsGarantis(input, garantie));
    expect(c).toEqual({ garanti: true, modifies: [] });
    expect(FSE_INPUT.securisation.mode).toBe('D');
  });

  it('refuses closed rights', () => {
    expectIssue(markFseFromAdri(FSE_INPUT, droits, { dateSoins: d('2023-01-01') }), 'ADR_DROITS_FERMES');
  });

  it('warns when card data are changed by hand without ADRi', () => {
    const read = { ...FSE_INPUT, securisation: { mode: 'S', cps: FSE_INPUT.securisation.cps }, beneficiaire: { ...FSE_INPUT.beneficiaire, droitsAmo: [{ debut: d('2025-01-01') }] } };
    const g = expectOk(captureDroitsLus(read));
    expect(expectOk(checkDroitsGarantis(read, g)).garanti).toBe(true);
    const edited = { ...read, beneficiaire: { ...read.beneficiaire, qualite: '2', droitsAmo: [{ debut: d('2024-01-01') }] } };
    const r = checkDroitsGarantis(edited, g);
    expect(expectOk(r)).toEqual({ garanti: false, modifies: ['beneficiaire.qualite', 'beneficiaire.droitsAmo'] });
    const w = expectIssue(r, 'ADR_GARANTIE_PERDUE', ['input', 'beneficiaire', 'qualite']);
    expect(w.severity).toBe('warning');
    expect(expectOk(checkDroitsGarantis(edited, undefined)).garanti).toBe(false);
  });
});

describe('apCV', () => {
  const ctx = { identifiant: 'APCV-0001', token: 'secret-token-value', dateFinValidite: '2025-03-10T10:00:00+01:00' };

  it('acquires a context by QR code or NFC (modeled JSON payload, pluggable decoder)', () => {
    expect(expectOk(acquireApcvContexte({ canal: 'qr', payload: JSON.stringify(ctx) }))).toEqual(ctx);
    expect(expectOk(acquireApcvContexte({ canal: 'nfc', payload: new TextEncoder().encode(JSON.stringify(ctx)) }))).toEqual(ctx);
    expect(expectOk(acquireApcvContexte({ canal: 'qr', payload: 'A|B|2025-03-10T10:00:00Z' }, { decoder: (p) => { const [identifiant, token, dateFinValidite] = String(p).split('|'); return { identifiant, token, dateFinValidite }; } })).identifiant).toBe('A');
    expectIssue(acquireApcvContexte({ canal: 'qr', payload: '{' }), 'INPUT_MISSING');
  });

  it('says renew when expired at `at`, and never leaks the token', () => {
    expect(expectOk(decideApcvRenewal(ctx, { at: '2025-03-10T09:59:00+01:00' }))).toEqual({ action: 'use', resteSecondes: 60 });
    expect(expectOk(decideApcvRenewal(ctx, { at: '2025-03-10T09:59:00+01:00', margeSecondes: 120 })).action).toBe('renew');
    expect(expectOk(decideApcvRenewal(ctx, { at: '2025-03-10T09:00:01Z' })).action).toBe('renew');
    const r = buildApcvSecurisation(ctx, { typeCarte: '0', numeroSituation: 1 }, { at: '2025-03-10T10:00:00+01:00' });
    expectIssue(r, 'ADR_APCV_EXPIRE', ['contexte', 'dateFinValidite']);
    expect(JSON.stringify(r)).not.toContain('secret-token-value');
    expect(JSON.stringify(validateJunk())).not.toContain('secret-token-value');
    expect(expectOk(buildApcvSecurisation(ctx, { typeCarte: '0', numeroSituation: 1 }, { at: '2025-03-10T08:00:00Z' }))).toEqual({ mode: 'F', cps: { typeCarte: '0', numeroSituation: 1 }, sourceDroits: 'apcv', referenceDroits: 'APCV-0001', finValiditeDroits: '2025-03-10T10:00:00+01:00' });
  });

  function validateJunk() {
    const long = 'secret-token-value'.repeat(300);
    const r = decideApcvRenewal({ ...ctx, token: long }, { at: '2025-03-10T08:00:00Z' });
    expectIssue(r, 'INPUT_TYPE', ['contexte', 'token']);
    return r;
  }
});

describe('properties', () => {
  test.prop([fc.integer({ min: -86_400 * 3, max: 86_400 * 3 })], { numRuns: runs(200) })('apCV: renew exactly when the end of validity is not after `at`', (delta) => {
    const end = Date.UTC(2025, 2, 10, 9);
    const at = new Date(end - delta * 1000).toISOString();
    const r = expectOk(decideApcvRenewal({ identifiant: 'X', token: 't', dateFinValidite: new Date(end).toISOString() }, { at }));
    expect(r.action).toBe(delta > 0 ? 'use' : 'renew');
    expect(r.resteSecondes).toBe(delta);
  });

  test.prop([fc.boolean(), fc.constantFrom('qualite', 'caisse', 'nirAssure')], { numRuns: runs(50) })('guarantee: unchanged ⇔ garanti', (change, what) => {
    const { input, garantie } = expectOk(markFseFromAdri(FSE_INPUT, expectOk(parseAdriResponse(ADRI_JSON)), { dateSoins: d('2025-03-10') }));
    const edited = !change ? input : what === 'caisse' ? { ...input, amo: { ...input.amo, caisse: '999' } } : { ...input, beneficiaire: { ...input.beneficiaire, [what]: what === 'qualite' ? '6' : '2' + input.beneficiaire.nirAssure.slice(1) } };
    expect(expectOk(checkDroitsGarantis(edited, garantie)).garanti).toBe(!change);
  });
});
