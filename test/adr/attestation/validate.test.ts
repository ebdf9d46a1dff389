import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import { attestationRoutingOf, validateAttestation } from '../../../src/adr/attestation/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { attestationArb } from '../../arbitraries/attestation';

const att = { numeroAmc: '12345678', typeConvention: 'SP', critereSecondaireRoutage: '01', numeroAdherent: '000123456', periodeValidite: { debut: '2026-01-01', fin: '2026-12-31' } };

describe('validateAttestation', () => {
  it('accepts the 5 fields and returns a fresh copy', () => {
    const v = expectOk(validateAttestation(att, { today: plainDate('2026-06-15') }));
    expect(v).toEqual(att);
    expect(v).not.toBe(att);
  });

  it('accepts a blank critère secondaire (absent)', () => {
    const { critereSecondaireRoutage: _, ...rest } = att;
    expect(expectOk(validateAttestation(rest))).not.toHaveProperty('critereSecondaireRoutage');
  });

  it('checks the validity on the day of the day, both days included', () => {
    expectOk(validateAttestation(att, { today: plainDate('2026-01-01') }));
    expectOk(validateAttestation(att, { today: plainDate('2026-12-31') }));
    expectIssue(validateAttestation(att, { today: plainDate('2027-01-01') }), 'ATTESTATION_EXPIREE', ['periodeValidite', 'fin']);
    expectIssue(validateAttestation(att, { today: plainDate('2025-12-31') }), 'ATTESTATION_NON_ENCORE_VALIDE', ['periodeValidite', 'debut']);
  });

  it('without today, an old attestation is still read (the check needs the day)', () => {
    expectOk(validateAttestation({ ...att, periodeValidite: { debut: '2001-01-01', fin: '2001-12-31' } }));
  });

  it('reports an inverted period, formats and missing fields with their paths', () => {
    expectIssue(validateAttestation({ ...att, periodeValidite: { debut: '2026-12-31', fin: '2026-01-01' } }), 'ATTESTATION_PERIODE_INVERSEE', ['periodeValidite']);
    expectIssue(validateAttestation({ ...att, numeroAmc: '12 345' }), 'ATTESTATION_FIELD_FORMAT', ['numeroAmc']);
    expectIssue(validateAttestation({ ...att, numeroAdherent: '1234567890123456' }), 'ATTESTATION_FIELD_FORMAT', ['numeroAdherent']);
    expectIssue(validateAttestation({ ...att, typeConvention: undefined }), 'INPUT_MISSING', ['typeConvention']);
    expectIssue(validateAttestation({ ...att, periodeValidite: { debut: '2026-02-30', fin: '2026-12-31' } }), 'INPUT_TYPE', ['periodeValidite', 'debut']);
    expectIssue(validateAttestation(att, { today: '15/06/2026' as never }), 'INPUT_TYPE', ['options', 'today']);
  });

  it('renames the fields for DRE routing and the Annuaire AMC', () => {
    const r = expectOk(attestationRoutingOf(att));
    expect(r).toEqual({ numeroAmc: '12345678', typeConvention: 'SP', critereSecondaireRoutage: '01', numeroAdherent: '000123456', periodeValidite: att.periodeValidite });
    expectIssue(attestationRoutingOf(att, { today: plainDate('2030-01-01') }), 'ATTESTATION_EXPIREE');
  });
});

describe('properties', () => {
  test.prop([attestationArb], { numRuns: runs(300) })('every generated attestation is valid and copied equal', (a) => {
    expect(expectOk(validateAttestation(a))).toEqual(a);
  });

  test.prop([attestationArb, fc.integer({ min: -1000, max: 1000 })], { numRuns: runs(300) })('valid at today ⟺ debut ≤ today ≤ fin', (a, shift) => {
    const base = new Date(`${a.periodeValidite.debut}T00:00:00Z`).getTime();
    const today = plainDate(new Date(base + shift * 86_400_000).toISOString().slice(0, 10));
    const r = validateAttestation(a, { today });
    expect(r.ok).toBe(today >= a.periodeValidite.debut && today <= a.periodeValidite.fin);
  });

  test.prop([fc.anything(), fc.anything()], { numRuns: runs(500) })('junk never throws', (v, o) => {
    expect(() => validateAttestation(v, o as never)).not.toThrow();
    expect(() => attestationRoutingOf(v, o as never)).not.toThrow();
  });
});

describe('public vocabulary and the deprecated 0.2 names (#13)', () => {
  it('reads the 0.2 names on input; returns the public names, the old ones as non-enumerable aliases', () => {
    const old = { numeroAmc: '12345678', typeConvention: 'SP', critereSecondaire: '01', numeroAdherent: '000123456', validite: { debut: '2026-01-01', fin: '2026-12-31' } };
    const a = expectOk(validateAttestation(old));
    expect(a).toEqual({ numeroAmc: '12345678', typeConvention: 'SP', critereSecondaireRoutage: '01', numeroAdherent: '000123456', periodeValidite: { debut: '2026-01-01', fin: '2026-12-31' } });
    expect(a.validite).toBe(a.periodeValidite);
    expect(a.critereSecondaire).toBe('01');
    expect(Object.keys(JSON.parse(JSON.stringify(a))).sort()).toEqual(['critereSecondaireRoutage', 'numeroAdherent', 'numeroAmc', 'periodeValidite', 'typeConvention']);
    expectIssue(validateAttestation({ ...old, validite: { debut: '2026-12-31', fin: '2026-01-01' } }), 'ATTESTATION_PERIODE_INVERSEE', ['periodeValidite']);
    expectIssue(validateAttestation({ ...old, validite: 3 }), 'INPUT_TYPE', ['validite']);
  });
  it('the attestation goes to DRE routing as is (same names as the dre module’s AmcRouting)', () => {
    const a = expectOk(validateAttestation(att));
    const r = expectOk(attestationRoutingOf(a));
    expect(r).toEqual(a);
  });
});
