import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compactNir, computeNirKey, formatNir, isNir, parseNir, splitNir, validateNir, IDS_CODES } from '../../../src/core/ids/index';
import type { Nir } from '../../../src/core/ids/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { arbNir, makeNir } from '../../arbitraries/ids';

const VALID = [
  '295109912611193', // python-stdnum doctest (SPECS §6.1)
  '253072B07300470',
  '253072A07300443',
  '177022A00100229', // IsoCodes InseeTest
  '177025626004544',
  '253077507300483',
  '188057208107893',
  '192077501720490',
  '260072000100289',
];

describe('validateNir: SPECS §6.1 vectors', () => {
  it.each(VALID)('accepts %s', (nir) => {
    expect(expectOk(validateNir(nir))).toBe(nir);
    expect(isNir(nir)).toBe(true);
  });
  it('accepts the spaced presentation form', () => {
    expect(expectOk(validateNir('2 95 10 99 126 111 93'))).toBe('295109912611193');
    expect(expectOk(validateNir('2.95.10-99 126\t111 93'))).toBe('295109912611193');
  });
  it('accepts lower-case Corsica letters', () => {
    expect(expectOk(validateNir('253072b07300470'))).toBe('253072B07300470');
  });
  it('rejects 253072C07300443 with NIR_FORMAT', () => expectIssue(validateNir('253072C07300443', ['nir']), 'NIR_FORMAT', ['nir']));
  it('rejects 295109912611199 with NIR_CHECKSUM (expected 93)', () => {
    const issue = expectIssue(validateNir('295109912611199', ['assure', 'nir']), 'NIR_CHECKSUM', ['assure', 'nir']);
    expect(issue.expected).toBe('93');
    expect(issue.received).toBe('99');
    expect(issue.ref).toMatch(/^Décret n° 82-103 du 22 janvier 1982/);
  });
  it('rejects the stdnum 16-char vector with NIR_LENGTH', () => {
    const issue = expectIssue(validateNir('6546546546546703', ['x', 0]), 'NIR_LENGTH', ['x', 0]);
    expect(issue.expected).toBe('15');
    expect(issue.received).toBe('16');
  });
  it('checks length before format (stdnum order) and format before components', () => {
    expectIssue(validateNir('ABC'), 'NIR_LENGTH');
    expectIssue(validateNir('395109912611193'.replace('9', 'X')), 'NIR_FORMAT');
  });
  it('rejects non-strings with NIR_FORMAT', () => {
    expectIssue(validateNir(undefined, ['p']), 'NIR_FORMAT', ['p']);
    expectIssue(validateNir(295109912611193), 'NIR_FORMAT');
    expect(isNir(null)).toBe(false);
  });
  it('isNir is false for a valid but non-compact string', () => expect(isNir('2 95 10 99 126 111 93')).toBe(false));
});

describe('validateNir: components', () => {
  it('accepts provisional NIA 7 and 8', () => {
    expectOk(validateNir(makeNir({ sex: 7 })));
    expectOk(validateNir(makeNir({ sex: 8 })));
  });
  it.each(['0', '3', '4', '5', '6', '9'])('rejects sex %s with NIR_COMPONENT', (sex) => {
    const body = `${sex}800175056901`;
    expectIssue(validateNir(body + computeNirKey(body), ['nir']), 'NIR_COMPONENT', ['nir']);
  });
  it.each([0, 13, 19, 43, 49])('rejects month %i with NIR_COMPONENT', (month) => {
    expectIssue(validateNir(makeNir({ month })), 'NIR_COMPONENT');
  });
  it.each([20, 30, 42, 50, 99])('accepts pseudo-month %i with a NIR_MONTH_UNKNOWN warning', (month) => {
    const result = validateNir(makeNir({ month }), ['nir']);
    expectOk(result);
    const w = expectIssue(result, 'NIR_MONTH_UNKNOWN', ['nir']);
    expect(w.severity).toBe('warning');
  });
  it('accepts the anonymous B2 NIR pattern A 55 55 55 CCC 333 with a warning', () => {
    const result = validateNir(makeNir({ sex: 2, year: 55, month: 55, dept: '55', commune: '011', ordre: 333 }));
    expectOk(result);
    expectIssue(result, 'NIR_MONTH_UNKNOWN');
  });
  it('rejects département 00 and ordre 000, reporting both', () => {
    const result = validateNir(makeNir({ dept: '00', ordre: 0 }));
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.code === 'NIR_COMPONENT')).toHaveLength(2);
  });
  it('component errors win over a wrong key', () => {
    expectIssue(validateNir('380017505690100'), 'NIR_COMPONENT');
  });
  it('accepts Corsica, overseas and born-abroad NIRs', () => {
    for (const spec of [{ dept: '2A' }, { dept: '2B' }, { dept: '971', commune: '20' }, { dept: '988', commune: '01' }, { dept: '99', commune: '351' }]) {
      expectOk(validateNir(makeNir(spec)));
    }
  });
});

describe('computeNirKey', () => {
  it('computes the stdnum vectors, Corsica 2A → 19 and 2B → 18', () => {
    expect(computeNirKey('2951099126111')).toBe('93');
    expect(computeNirKey('253072B073004')).toBe('70');
    expect(computeNirKey('253072A073004')).toBe('43');
    expect(computeNirKey('2530718073004')).toBe('70');
    expect(computeNirKey('2530719073004')).toBe('43');
    expect(computeNirKey('2 95 10 99 126 111')).toBe('93');
  });
  it('throws ASSERTION on a malformed body (programmer error)', () => {
    expect(() => computeNirKey('253072C073004')).toThrow(/computeNirKey/);
    expect(() => computeNirKey('12')).toThrow(/computeNirKey/);
  });
});

describe('compactNir / formatNir / splitNir / parseNir', () => {
  it('formats as python-stdnum', () => {
    expect(formatNir('295109912611193')).toBe('2 95 10 99 126 111 93');
    expect(formatNir('1234')).toBe('1234');
    expect(compactNir(' 2 95-10.99 ')).toBe('2951099');
    expect(compactNir(null as unknown as string)).toBe('');
  });
  it('splits 13 + key for the B2 type 2 record', () => {
    const nir = expectOk(validateNir('253072B07300470'));
    expect(splitNir(nir)).toEqual({ body: '253072B073004', key: '70' });
  });
  it('decodes a woman born abroad (country 126)', () => {
    expect(expectOk(parseNir('2 95 10 99 126 111 93'))).toEqual({
      sexe: 'F', provisional: false, annee: '95', mois: 10, moisCode: '10', departement: '99', commune: '126',
      neALEtranger: true, ordre: '111', cle: '93',
    });
  });
  it('decodes overseas (3-digit département), NIA and pseudo-month', () => {
    const parts = expectOk(parseNir(makeNir({ sex: 7, month: 35, dept: '974', commune: '11' })));
    expect(parts).toMatchObject({ sexe: 'M', provisional: true, mois: undefined, moisCode: '35', departement: '974', commune: '11', neALEtranger: false });
    expect(expectOk(parseNir(makeNir({ sex: 8, dept: '2A' })))).toMatchObject({ sexe: 'F', departement: '2A', commune: '056' });
    expect(expectOk(parseNir(makeNir({ dept: '98', commune: '802' })))).toMatchObject({ departement: '988', commune: '02' });
  });
  it('passes issues through', () => expectIssue(parseNir('x', ['n']), 'NIR_LENGTH', ['n']));
  it('every NIR_ code is declared with a ref', () => {
    for (const [code, spec] of Object.entries(IDS_CODES)) {
      expect(spec.ref?.length ?? 0, code).toBeGreaterThan(10);
      expect(spec.ref, code).not.toMatch(/SPECS|MARKET|shared\//);
    }
  });
});

describe('properties', () => {
  test.prop([arbNir({ pseudoMonths: true })])('every generated NIR validates, compact and formatted', (nir) => {
    expect(expectOk(validateNir(nir))).toBe(nir);
    expect(expectOk(validateNir(formatNir(nir)))).toBe(nir);
    expect(isNir(nir)).toBe(true);
  });

  test.prop([arbNir()])('validate(format(x)) round-trips and format is stable', (nir) => {
    const v = expectOk(validateNir(formatNir(nir)));
    expect(formatNir(v)).toBe(formatNir(nir));
    expect(splitNir(v as Nir).body + splitNir(v as Nir).key).toBe(nir);
  });

  test.prop([arbNir({ pseudoMonths: true })])('EVERY single-character substitution by a digit is caught', (nir) => {
    for (let i = 0; i < nir.length; i++) {
      for (const d of '0123456789') {
        if (nir[i] === d) continue;
        const changed = nir.slice(0, i) + d + nir.slice(i + 1);
        const result = validateNir(changed);
        expect(result.ok, `${nir} → ${changed}`).toBe(false);
        expect(['CHECKSUM', 'FORMAT', 'COMPONENT']).toContain(result.issues[0]?.family);
      }
    }
  });

  test.prop([fc.string()])('never throws on arbitrary strings', (s) => {
    expect(typeof validateNir(s).ok).toBe('boolean');
    expect(typeof parseNir(s).ok).toBe('boolean');
  });
  test.prop([fc.string({ unit: 'binary' })])('never throws on arbitrary unicode strings', (s) => {
    expect(typeof validateNir(s).ok).toBe('boolean');
  });
  test.prop([fc.anything()])('never throws on arbitrary values', (v) => {
    expect(typeof validateNir(v).ok).toBe('boolean');
    expect(isNir(v)).toBe(false);
  });
});
