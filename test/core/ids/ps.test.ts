import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  IDS_CODES, compactAdeli, compactFiness, compactNumeroFacturation, compactRpps, compactSiren, compactSiret,
  computeAdeliKey, computeFinessKey, computeNumeroFacturationKey, computeRppsKey, computeSirenKey, computeSiretKey,
  formatAdeli, formatFiness, formatNumeroFacturation, formatRpps, formatSiren, formatSiret,
  isAdeli, isFiness, isNumeroFacturation, isRpps, isSiren, isSiret,
  validateAdeli, validateFiness, validateNumeroFacturation, validateRpps, validateSiren, validateSiret,
} from '../../../src/core/ids/index';
import type { Issue, IssuePath, Result } from '../../../src/core/issues/index';
import { computeLuhnKey } from '../../../src/core/checksum/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { arbAdeli, arbFiness, arbNumeroFacturation, arbRpps, arbSiren, arbSiret, makeNumeroFacturation } from '../../arbitraries/ids';

interface Case {
  readonly name: string;
  readonly prefix: string;
  readonly length: number;
  readonly validate: (v: unknown, path?: IssuePath) => Result<string>;
  readonly is: (v: unknown) => boolean;
  readonly format: (v: string) => string;
  readonly compact: (v: string) => string;
  readonly computeKey: (payload: string) => string;
  readonly arb: fc.Arbitrary<string>;
}

const CASES: readonly Case[] = [
  { name: 'RPPS', prefix: 'RPPS', length: 11, validate: validateRpps, is: isRpps, format: formatRpps, compact: compactRpps, computeKey: computeRppsKey, arb: arbRpps() },
  { name: 'ADELI', prefix: 'ADELI', length: 9, validate: validateAdeli, is: isAdeli, format: formatAdeli, compact: compactAdeli, computeKey: computeAdeliKey, arb: arbAdeli() },
  { name: 'FINESS', prefix: 'FINESS', length: 9, validate: validateFiness, is: isFiness, format: formatFiness, compact: compactFiness, computeKey: computeFinessKey, arb: arbFiness() },
  { name: 'SIREN', prefix: 'SIREN', length: 9, validate: validateSiren, is: isSiren, format: formatSiren, compact: compactSiren, computeKey: computeSirenKey, arb: arbSiren() },
  { name: 'SIRET', prefix: 'SIRET', length: 14, validate: validateSiret, is: isSiret, format: formatSiret, compact: compactSiret, computeKey: computeSiretKey, arb: arbSiret() },
  { name: 'n° de facturation PS', prefix: 'NUMFACT', length: 9, validate: validateNumeroFacturation, is: isNumeroFacturation, format: formatNumeroFacturation, compact: compactNumeroFacturation, computeKey: computeNumeroFacturationKey, arb: arbNumeroFacturation() },
];

describe('SPECS §6.2 vectors', () => {
  it('n° de facturation PS: 76031208→2, 99078105→6, 99109197→6', () => {
    expect(computeNumeroFacturationKey('76031208')).toBe('2');
    expect(expectOk(validateNumeroFacturation('990781056'))).toBe('990781056');
    expect(expectOk(validateNumeroFacturation('99109197 6'))).toBe('991091976');
    expect(makeNumeroFacturation('76031208')).toBe('760312082');
    const issue = expectIssue(validateNumeroFacturation('990781057', ['ps', 'numero']), 'NUMFACT_CHECKSUM', ['ps', 'numero']);
    expect([issue.expected, issue.received]).toEqual(['6', '7']);
    expect(formatNumeroFacturation('990781056')).toBe('99078105 6');
  });
  it('SIREN (python-stdnum): 404833048 valid, 404833047 invalid, 552 008 443 compacts', () => {
    expectOk(validateSiren('404833048'));
    expectIssue(validateSiren('404833047'), 'SIREN_CHECKSUM');
    expect(compactSiren('552 008 443')).toBe('552008443');
    expect(formatSiren('404833048')).toBe('404 833 048');
  });
  it('SIRET (python-stdnum): 73282932000074 valid, 73282932000079 invalid, format', () => {
    expect(expectOk(validateSiret('732 829 320 00074'))).toBe('73282932000074');
    expectIssue(validateSiret('73282932000079', ['siret']), 'SIRET_CHECKSUM', ['siret']);
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(computeSiretKey('7328293200007')).toBe('4');
  });
  it('SIRET La Poste (python-stdnum test_fr_siret): digit sum multiple of 5', () => {
    expectOk(validateSiret('356 000 000 09075'));
    expectOk(validateSiret('35600000000048')); // head office: Luhn
    expectOk(validateSiret('35600000049837'));
    expectIssue(validateSiret('35600000049838'), 'SIRET_CHECKSUM');
    expect(computeSiretKey('3560000000907')).toBe('0');
    expect(computeSiretKey('3560000004983')).toBe('2'); // smallest of 2 and 7
    expect(computeSiretKey('3560000000004')).toBe('8'); // head office keeps Luhn
  });
  it('SIRET whose SIREN part has a wrong key: SIRET_SIREN_CHECKSUM', () => {
    const body = '1234567800001'; // SIREN 123456780 is not Luhn-valid
    expect(computeLuhnKey('12345678')).not.toBe('0');
    expectIssue(validateSiret(body + computeLuhnKey(body), ['s']), 'SIRET_SIREN_CHECKSUM', ['s']);
  });
  it('ADELI structure and format', () => {
    expect(computeAdeliKey('75100000')).toBe('1');
    expect(formatAdeli('751000001')).toBe('75 1 00000 1');
    expect(expectOk(validateAdeli('75 1 00000 1'))).toBe('751000001');
    expect(formatAdeli('12')).toBe('12');
    expectIssue(validateAdeli('2A1000001'), 'ADELI_FORMAT');
  });
  it('RPPS', () => {
    expect(computeRppsKey('1000000000')).toBe('9');
    expectOk(validateRpps('10000000009'));
    expectIssue(validateRpps('10000000008'), 'RPPS_CHECKSUM');
  });
  it('FINESS mainland and Corsica (2A/2B keyed as 20 by default, parameterisable)', () => {
    expect(computeFinessKey('75000001')).toBe('0');
    expectOk(validateFiness('750000010'));
    expect(computeFinessKey('2A000006')).toBe(computeLuhnKey('20000006'));
    const corse = `2A000006${computeFinessKey('2A000006')}`;
    expect(expectOk(validateFiness(corse.toLowerCase()))).toBe(corse);
    expect(isFiness(corse)).toBe(true);
    expectOk(validateFiness(`2B123456${computeFinessKey('2B123456')}`));
    const custom = { corsica: { '2A': '21', '2B': '22' } } as const;
    const k = computeFinessKey('2A000006', custom);
    expect(k).toBe(computeLuhnKey('21000006'));
    expectOk(validateFiness(`2A000006${k}`, [], custom));
    expect(computeFinessKey('2B000006', custom)).toBe(computeLuhnKey('22000006'));
    expectIssue(validateFiness('2C0000065', ['f']), 'FINESS_FORMAT', ['f']);
    expect(() => computeFinessKey('2C000006')).toThrow();
  });
});

describe.each(CASES)('$name: common contract', (c) => {
  it('raises LENGTH with expected/received and the path', () => {
    const issue: Issue = expectIssue(c.validate('123', ['a', 1]), `${c.prefix}_LENGTH`, ['a', 1]);
    expect(issue.expected).toBe(String(c.length));
    expect(issue.received).toBe('3');
    // A public source a vendor can read (norme B2 annex, register owner), never an internal note.
    expect(issue.ref).toBe(IDS_CODES[`${c.prefix}_LENGTH` as keyof typeof IDS_CODES].ref);
    expect(issue.ref).not.toMatch(/SPECS|MARKET|shared\//);
  });
  it('raises FORMAT for letters and for non-strings', () => {
    expectIssue(c.validate('X'.repeat(c.length), ['b']), `${c.prefix}_FORMAT`, ['b']);
    expectIssue(c.validate(42, ['b']), `${c.prefix}_FORMAT`, ['b']);
    expect(c.is(undefined)).toBe(false);
  });
  it('raises CHECKSUM for a wrong last digit', () => {
    const good = `${'1'.repeat(c.length - 1)}`;
    const key = c.computeKey(good);
    const bad = good + String((Number(key) + 1) % 10);
    expectIssue(c.validate(bad, ['k']), `${c.prefix}_CHECKSUM`, ['k']);
  });
  it('compact strips spaces, dots, dashes and upper-cases; non-strings give an empty string', () => {
    expect(c.compact(' 1.2-3 a')).toBe('123A');
    expect(c.compact(42 as unknown as string)).toBe('');
  });
  it('isX is false for a valid id written with separators (not compact)', () => {
    expect(c.is(`${c.format('1'.repeat(c.length))} `)).toBe(false);
  });
  it('computeKey throws on a malformed payload', () => expect(() => c.computeKey('1')).toThrow());
});

describe('properties', () => {
  describe.each(CASES)('$name', (c) => {
    test.prop([c.arb])('every generated id validates; validate(format(x)) round-trips; is(x)', (id) => {
      expect(expectOk(c.validate(id))).toBe(id);
      expect(expectOk(c.validate(c.format(id)))).toBe(id);
      expect(c.is(id)).toBe(true);
      expect(c.computeKey(id.slice(0, -1))).toBe(id.slice(-1));
    });

    test.prop([c.arb])('EVERY single-digit substitution is caught', (id) => {
      for (let i = 0; i < id.length; i++) {
        for (const d of '0123456789') {
          if (id[i] === d) continue;
          const changed = id.slice(0, i) + d + id.slice(i + 1);
          // La Poste SIRETs use a digit sum mod 5 (python-stdnum), which misses ±5 substitutions.
          if (c.prefix === 'SIRET' && changed.startsWith('356000000')) continue;
          const result = c.validate(changed);
          expect(result.ok, `${id} → ${changed}`).toBe(false);
          expect(['CHECKSUM', 'FORMAT', 'COMPONENT']).toContain(result.issues[0]?.family);
        }
      }
    });

    test.prop([fc.string()])('never throws on arbitrary strings', (s) => {
      expect(typeof c.validate(s).ok).toBe('boolean');
      expect(typeof c.format(s)).toBe('string');
    });
    test.prop([fc.string({ unit: 'binary' })])('never throws on arbitrary unicode strings', (s) => {
      expect(typeof c.validate(s).ok).toBe('boolean');
    });
    test.prop([fc.anything()])('never throws on arbitrary values', (v) => {
      expect(typeof c.validate(v).ok).toBe('boolean');
    });
  });

  test.prop([arbFiness({ corsica: true })])('Corsican and mainland FINESS validate and round-trip', (id) => {
    expect(expectOk(validateFiness(formatFiness(id)))).toBe(id);
  });
});
