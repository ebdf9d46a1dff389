/**
 * buildDreFromFse: routing by the AMC's data (attestation, Annuaire AMC, card routing), the CLC
 * guarantee (no DRE without one; amount capped at it, spread over the lines), then the controls.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { euros, fromCentimes } from '../../src/core/money/index';
import { plainDate } from '../../src/core/date/index';
import { buildDreFromFse } from '../../src/dre/build';
import { dreB2FactureOf } from '../../src/dre/b2';
import { serializeB2Facture } from '../../src/fse/b2/serialize';
import type { Dre } from '../../src/dre/model';
import type { GarantieClc } from '../../src/dre/model';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { ANNUAIRE, ATTESTATION, baseFse, fseWithAmc, GARANTIE } from './fixtures';

const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code);

describe('routing by the AMC data', () => {
  it('uses the card routing (Vitale group 109) when the attestation names the same AMC', () => {
    const r = buildDreFromFse(baseFse(), ATTESTATION, { guarantee: GARANTIE });
    const dre = expectOk(r);
    expect(dre.amc).toMatchObject({ numero: '12345678', numeroAdherent: '87654321', indicateurTraitement: '32', routage: { codeRoutage: 'AB', identifiantHote: '001' } });
    expect(dre.routageDecision).toEqual({ typeConvention: 'TP', critereSecondaireRoutage: 'R1', source: 'carte' });
    expect(r.issues).toEqual([]);
  });

  it('takes the Annuaire AMC answer first: routing, indicateur, and the organism that receives DREs', () => {
    const dre = expectOk(buildDreFromFse(baseFse(), { ...ATTESTATION, annuaire: ANNUAIRE }, { guarantee: GARANTIE }));
    expect(dre.amc).toMatchObject({ numero: '99000001', indicateurTraitement: '33', routage: ANNUAIRE.routage });
    expect(dre.routageDecision?.source).toBe('annuaire');
  });

  it('routes an AMC other than the card\'s by the Annuaire only', () => {
    const other = { ...ATTESTATION, numeroAmc: '55555555' };
    expectIssue(buildDreFromFse(baseFse(), other, { guarantee: GARANTIE }), 'DRE_ROUTAGE_ABSENT', ['amc', 'annuaire']);
    const dre = expectOk(buildDreFromFse(baseFse(), { ...other, annuaire: { ...ANNUAIRE, numeroAmc: '55555555', destinataire: undefined as never } }, { guarantee: GARANTIE }));
    expect(dre.amc.numero).toBe('55555555');
    expect(dre.amc.numeroAdherent).toBe('87654321');
  });

  it('refuses an Annuaire answer for another AMC or convention, or one that takes no DRE', () => {
    expectIssue(buildDreFromFse(baseFse(), { ...ATTESTATION, annuaire: { ...ANNUAIRE, numeroAmc: '11111111' } }, { guarantee: GARANTIE }), 'DRE_ANNUAIRE_MISMATCH', ['amc', 'annuaire', 'numeroAmc']);
    expectIssue(buildDreFromFse(baseFse(), { ...ATTESTATION, annuaire: { ...ANNUAIRE, typeConvention: 'XX' } }, { guarantee: GARANTIE }), 'DRE_ANNUAIRE_MISMATCH', ['amc', 'annuaire', 'typeConvention']);
    expectIssue(buildDreFromFse(baseFse(), { ...ATTESTATION, annuaire: { ...ANNUAIRE, critereSecondaireRoutage: 'R2' } }, { guarantee: GARANTIE }), 'DRE_ANNUAIRE_MISMATCH', ['amc', 'annuaire', 'critereSecondaireRoutage']);
    expectIssue(buildDreFromFse(baseFse(), { ...ATTESTATION, annuaire: { ...ANNUAIRE, dre: false } }, { guarantee: GARANTIE }), 'DRE_ANNUAIRE_SANS_DRE', ['amc', 'annuaire', 'dre']);
  });

  it('checks the dates of care against the attestation period', () => {
    const expired = { ...ATTESTATION, periodeValidite: { debut: plainDate('2024-01-01'), fin: plainDate('2024-12-31') } };
    const i = expectIssue(buildDreFromFse(baseFse(), expired, { guarantee: GARANTIE }), 'DRE_ATTESTATION_PERIODE', ['amc', 'periodeValidite']);
    expect(i.message).toContain('2025-03-10');
    const { periodeValidite: _, ...noPeriod } = expired;
    expectOk(buildDreFromFse(baseFse(), noPeriod, { guarantee: GARANTIE }));
  });

  it('still runs the DRE controls: no DRE when the AMC part is not in tiers payant', () => {
    const f = baseFse();
    const noTp = { ...f, reglement: { destinataire: '05' as const, tiersPayantAmo: true, tiersPayantAmc: false } };
    expectIssue(buildDreFromFse(noTp as never, ATTESTATION, { guarantee: GARANTIE }), 'FSE_DRE_NOT_TIERS_PAYANT', ['fse', 'reglement', 'destinataire']);
  });
});

describe('payment guarantee (CLC)', () => {
  it('without a guarantee: no DRE, the patient pays the AMC part', () => {
    const i = expectIssue(buildDreFromFse(baseFse(), ATTESTATION), 'DRE_GARANTIE_ABSENTE', ['garantie']);
    expect(i.message).toContain('9.00');
  });

  it.each(['non_garanti', 'rejete'] as const)('a %s outcome makes no DRE', (statut) => {
    const i = expectIssue(buildDreFromFse(baseFse(), ATTESTATION, { guarantee: { ...GARANTIE, statut } }), 'DRE_NON_GARANTI', ['options', 'guarantee', 'statut']);
    expect(i.message).toContain(statut);
  });

  it('caps the amount at the guarantee, with a warning, and carries the guarantee id', () => {
    const r = buildDreFromFse(baseFse(), ATTESTATION, { guarantee: { ...GARANTIE, montantGaranti: euros('6.50') } });
    const dre = expectOk(r);
    expect(dre.montantAmc).toEqual(euros('6.50'));
    expect(dre.lignes.map((l) => l.montantAmc)).toEqual([euros('6.50')]);
    expect(dre.garantie).toEqual({ id: 'CLC-TEST-0001', montantGaranti: euros('6.50') });
    expect(codes(r.issues)).toEqual(['DRE_MONTANT_PLAFONNE']);
  });

  it('never asks more than the AMC part, whatever the guarantee', () => {
    const dre = expectOk(buildDreFromFse(baseFse(), ATTESTATION, { guarantee: { ...GARANTIE, montantGaranti: euros('50.00') } }));
    expect(dre.montantAmc).toEqual(euros('9.00'));
  });

  it('an AMC outside IDB / CLC: disabling DRE_GARANTIE_ABSENTE sends the whole AMC part', () => {
    const dre = expectOk(buildDreFromFse(baseFse(), ATTESTATION, { disable: ['DRE_GARANTIE_ABSENTE'] }));
    expect(dre.montantAmc).toEqual(euros('9.00'));
    expect(dre.garantie).toBeUndefined();
  });

  it('a zero guarantee gives a zero DRE with the FSE_DRE_AMC_ZERO warning', () => {
    const r = buildDreFromFse(baseFse(), ATTESTATION, { guarantee: { ...GARANTIE, montantGaranti: euros('0') } });
    expect(codes(r.issues).sort()).toEqual(['DRE_MONTANT_PLAFONNE', 'FSE_DRE_AMC_ZERO']);
  });
});

describe('properties', () => {
  const arbAmounts = fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 12 }).filter((a) => a.some((c) => c > 0));

  test.prop([arbAmounts, fc.integer({ min: 0, max: 700_000 })], { numRuns: runs(300) })(
    'amount = min(AMC part, guaranteed); lines add up to it, none above its own AMC part',
    (amounts, garanti) => {
      const fse = fseWithAmc(amounts);
      const dre = expectOk(buildDreFromFse(fse, ATTESTATION, { guarantee: { ...GARANTIE, montantGaranti: fromCentimes(garanti) } }));
      const part = amounts.reduce((a, b) => a + b, 0);
      expect(dre.montantAmc.centimes).toBe(Math.min(part, garanti));
      expect(dre.lignes.reduce((a, l) => a + l.montantAmc.centimes, 0)).toBe(dre.montantAmc.centimes);
      dre.lignes.forEach((l, k) => expect(l.montantAmc.centimes).toBeLessThanOrEqual(amounts[k]!));
    },
  );

  test.prop([fc.array(fc.tuple(arbAmounts, fc.integer({ min: 0, max: 100_000 }), fc.constantFrom<GarantieClc['statut']>('garanti', 'garanti', 'non_garanti', 'rejete')), { minLength: 1, maxLength: 8 })], { numRuns: runs(100) })(
    'over a day: the DRE amounts add up to the guaranteed parts; the rest is the patients\'',
    (day) => {
      let sent = 0;
      let guaranteed = 0;
      let patients = 0;
      for (const [amounts, garanti, statut] of day) {
        const part = amounts.reduce((a, b) => a + b, 0);
        const r = buildDreFromFse(fseWithAmc(amounts), ATTESTATION, { guarantee: { ...GARANTIE, montantGaranti: fromCentimes(garanti), statut } });
        const covered = statut === 'garanti' ? Math.min(part, garanti) : 0;
        guaranteed += covered;
        patients += part - covered;
        if (r.ok) sent += r.value.montantAmc.centimes;
        else expect(statut).not.toBe('garanti');
      }
      expect(sent).toBe(guaranteed);
      expect(sent + patients).toBe(day.reduce((a, [amounts]) => a + amounts.reduce((x, y) => x + y, 0), 0));
    },
  );
});

describe('n° d’adhérent: B2 type 2 zone (8) or type 2M zone (15 digits) (#13)', () => {
  const numbered = (dre: Dre): Dre => ({ ...dre, fse: { ...dre.fse, identification: { ...dre.fse.identification, numeroFacture: 1 } } });
  const b2Of = (numeroAdherent: string) => {
    const dre = expectOk(buildDreFromFse(baseFse(), { ...ATTESTATION, numeroAdherent }, { guarantee: GARANTIE }));
    const f = expectOk(dreB2FactureOf(numbered(dre)));
    const bytes = expectOk(serializeB2Facture(f));
    const lines = new TextDecoder().decode(bytes).match(/.{128}/g) ?? [];
    return { dre, entete: lines.find((l) => l.startsWith('2') && l[35] === ' ') ?? '', amc: lines.find((l) => l.startsWith('2') && l[35] === 'M') ?? '' };
  };
  it('8 characters: type 2 zones 105-112, the 2M zone left blank', () => {
    const { dre, entete, amc } = b2Of('AB345678');
    expect(dre.amc.numeroAdherent).toBe('AB345678');
    expect(entete.slice(104, 112)).toBe('AB345678');
    expect(amc.slice(71, 86)).toMatch(/^(0{15}| {15})$/); // absent (numeric zone)
  });
  it('15 digits: the 2M « identifiant AMC de l’adhérent » zones 72-86, type 2 zone blank', () => {
    const { dre, entete, amc } = b2Of('123456789012345');
    expect(dre.amc.numeroAdherent).toBe('123456789012345');
    expect(entete.slice(104, 112).trim()).toBe('');
    expect(amc.slice(71, 86)).toBe('123456789012345');
  });
  it('16 characters, or 9 … 15 with a letter (the 2M zone is numeric), are refused with their path', () => {
    expectIssue(buildDreFromFse(baseFse(), { ...ATTESTATION, numeroAdherent: '1234567890123456' }, { guarantee: GARANTIE }), 'INPUT_TYPE', ['amc', 'numeroAdherent']);
    expectIssue(buildDreFromFse(baseFse(), { ...ATTESTATION, numeroAdherent: '12345678901234A' }, { guarantee: GARANTIE }), 'INPUT_TYPE', ['amc', 'numeroAdherent']);
  });
});
