/**
 * One error channel per operation: `buildFse` reports the input's shape, identity and keys
 * (NIR, n° de facturation, n° de facture, organismes) and the pricing issues together.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildFse, buildFseFromDecompte } from '../../src/fse/index';
import type { FseInput } from '../../src/fse/index';
import { computeFacture } from '../../src/rules/computeFacture';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { INPUT } from './fixtures';

const nirBadKey = (nir: string): string => nir.slice(0, 13) + (nir.slice(13) === '01' ? '02' : '01');
const numBadKey = (n: string): string => n.slice(0, 8) + String((Number(n[8]) + 1) % 10);

/** The three independent faults and what each must raise (code and path). */
const FAULTS = {
  nir: { patch: (i: FseInput): FseInput => ({ ...i, beneficiaire: { ...i.beneficiaire, nirAssure: nirBadKey(i.beneficiaire.nirAssure) } }), code: 'FSE_ASSURE_NIR_KEY', path: ['beneficiaire', 'nirAssure'] },
  ps: { patch: (i: FseInput): FseInput => ({ ...i, ps: { ...i.ps, numeroFacturation: numBadKey(i.ps.numeroFacturation) } }), code: 'FSE_PS_NUMERO_KEY', path: ['ps', 'numeroFacturation'] },
  numero: { patch: (i: FseInput): FseInput => ({ ...i, numeroFacture: 0 }), code: 'FSE_NUMERO_FACTURE_RANGE', path: ['numeroFacture'] },
  caisse: { patch: (i: FseInput): FseInput => ({ ...i, amo: { ...i.amo, caisse: '75A' } }), code: 'FSE_ORGANISME_CAISSE_FORMAT', path: ['amo', 'caisse'] },
  acte: { patch: (i: FseInput): FseInput => ({ ...i, facture: { ...i.facture, lignes: [{ ...i.facture.lignes[0]!, code: 'ZZZ' }] } }), code: 'RULES_CODE_INCONNU', path: ['facture', 'lignes', 0, 'code'] },
  shape: { patch: (i: FseInput): FseInput => ({ ...i, amc: { ...i.amc!, numero: 12 as never } }), code: 'INPUT_TYPE', path: ['amc', 'numero'] },
} as const;
type Fault = keyof typeof FAULTS;

describe('buildFse: one result for every stage', () => {
  it('reports the NIR key, the PS key and the pricing issue together', () => {
    const input = FAULTS.acte.patch(FAULTS.ps.patch(FAULTS.nir.patch(INPUT)));
    const r = buildFse(input);
    expect(r.ok).toBe(false);
    expectIssue(r, 'FSE_ASSURE_NIR_KEY', ['beneficiaire', 'nirAssure']);
    expectIssue(r, 'FSE_PS_NUMERO_KEY', ['ps', 'numeroFacturation']);
    expectIssue(r, 'RULES_CODE_INCONNU', ['facture', 'lignes', 0, 'code']);
  });

  it('buildFseFromDecompte reports identity issues with the input’s paths', () => {
    const decompte = expectOk(computeFacture(INPUT.facture, { trace: false }));
    const r = buildFseFromDecompte(FAULTS.nir.patch(INPUT), decompte);
    expectIssue(r, 'FSE_ASSURE_NIR_KEY', ['beneficiaire', 'nirAssure']);
    expectIssue(buildFseFromDecompte(INPUT, { ...decompte, total: null } as never), 'INPUT_TYPE', ['decompte', 'total']);
  });

  it('a part that is not an object is reported once, not re-checked', () => {
    const r = buildFse({ ...INPUT, ps: 'x' as never });
    expect(r.issues.filter((i) => i.path[0] === 'ps').map((i) => i.code)).toEqual(['INPUT_TYPE']);
  });
});

describe('properties', () => {
  const arbFaults = fc.subarray(Object.keys(FAULTS) as Fault[]);
  test.prop([arbFaults], { numRuns: runs(64) })('the issues of buildFse are exactly those of the faults present, each at its path', (faults) => {
    const input = faults.reduce((acc, f) => FAULTS[f].patch(acc), INPUT);
    const r = buildFse(input);
    if (faults.length === 0) {
      expectOk(r);
      return;
    }
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.path.join('.')}`).sort();
    expect(errors).toEqual(faults.map((f) => `${FAULTS[f].code}@${FAULTS[f].path.join('.')}`).sort());
  });
});
