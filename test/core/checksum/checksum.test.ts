import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { computeLuhnKey, computeMod97, computeMod97Key, isLuhnValid } from '../../../src/core/checksum/index';
import { isSesamError } from '../../../src/core/issues/index';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('computeLuhnKey (clé type 1-2 norme B2)', () => {
  it.each([
    ['76031208', '2'], // IsoCodes OrganismeType12NormeB2 (SPECS §6.2)
    ['99078105', '6'], // test CPS
    ['99109197', '6'], // test CPS
    ['40483304', '8'], // python-stdnum siren doctest 404833048
    ['7328293200007', '4'], // python-stdnum siret doctest 73282932000074
    ['0', '0'],
  ])('%s → %s', (payload, key) => expect(computeLuhnKey(payload)).toBe(key));

  it('throws ASSERTION on a malformed payload (programmer error)', () => {
    for (const bad of ['', '12a', ' 1']) {
      try {
        computeLuhnKey(bad);
        expect.fail('should throw');
      } catch (e) {
        expect(isSesamError(e) && e.code).toBe('ASSERTION');
      }
    }
  });
});

describe('isLuhnValid', () => {
  it('accepts payload + key', () => {
    expect(isLuhnValid('760312082')).toBe(true);
    expect(isLuhnValid('990781056')).toBe(true);
  });
  it('rejects a wrong key, non-digits, too short and non-strings', () => {
    expect(isLuhnValid('760312083')).toBe(false);
    expect(isLuhnValid('76031208A')).toBe(false);
    expect(isLuhnValid('0')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid(42 as unknown as string)).toBe(false);
  });
});

describe('computeMod97 / computeMod97Key', () => {
  it('computes the NIR key of the python-stdnum vector with BigInt', () => {
    expect(computeMod97('2951099126111')).toBe(4);
    expect(computeMod97Key('2951099126111')).toBe('93');
  });
  it('pads the key to two digits and gives 97 for a multiple of 97', () => {
    expect(computeMod97Key('96')).toBe('01');
    expect(computeMod97Key('97')).toBe('97');
    expect(computeMod97Key('0')).toBe('97');
  });
  it('handles numbers beyond 2^53 exactly', () => {
    expect(computeMod97('99999999999999999999')).toBe(Number(99999999999999999999n % 97n));
  });
  it('throws ASSERTION on non-digits', () => {
    expect(() => computeMod97('12A')).toThrow(/computeMod97/);
    expect(() => computeMod97Key('')).toThrow(/computeMod97/);
  });
});

describe('properties', () => {
  test.prop([digits(1, 30)])('payload + computeLuhnKey(payload) is Luhn-valid', (p) => {
    expect(isLuhnValid(p + computeLuhnKey(p))).toBe(true);
  });

  test.prop([digits(1, 30), fc.nat(), fc.integer({ min: 1, max: 9 })])(
    'Luhn catches every single-digit substitution',
    (p, at, delta) => {
      const full = p + computeLuhnKey(p);
      const i = at % full.length;
      const changed = full.slice(0, i) + String((Number(full[i]) + delta) % 10) + full.slice(i + 1);
      expect(isLuhnValid(changed)).toBe(false);
    },
  );

  test.prop([digits(1, 20), fc.nat(), fc.integer({ min: 1, max: 9 })])(
    'mod 97 catches every single-digit substitution of the body',
    (p, at, delta) => {
      const i = at % p.length;
      const changed = p.slice(0, i) + String((Number(p[i]) + delta) % 10) + p.slice(i + 1);
      expect(computeMod97Key(changed)).not.toBe(computeMod97Key(p));
    },
  );

  test.prop([digits(1, 18)])('computeMod97 agrees with Number arithmetic below 2^53', (p) => {
    expect(computeMod97(p)).toBe(Number(p) % 97);
  });

  test.prop([fc.string()])('isLuhnValid never throws', (s) => {
    expect(typeof isLuhnValid(s)).toBe('boolean');
  });
});
