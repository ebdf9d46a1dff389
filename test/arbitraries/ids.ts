/**
 * Shared fast-check arbitraries and builders of valid, FICTITIOUS identifiers (never a real
 * person's NIR): NIRs use ordre ≥ 900 unless told otherwise; PS numbers use random digits.
 */
import { fc } from '@fast-check/vitest';
import { computeLuhnKey } from '../../src/core/checksum/index';
import { computeFinessKey, computeNirKey } from '../../src/core/ids/index';

/** Components of a generated NIR. */
export interface NirSpec {
  /** 1, 2, 7 or 8 (default 1). */
  readonly sex?: 1 | 2 | 7 | 8;
  /** Two-digit year 0–99 (default 80). */
  readonly year?: number;
  /** Month 1–12 or a pseudo-month 20–42 / 50–99 (default 1). */
  readonly month?: number;
  /** Département: 2 chars (`'75'`, `'2A'`, `'99'` abroad) or 3 for overseas (`'971'`). Default `'75'`. */
  readonly dept?: string;
  /** Commune (3 digits; 2 for a 3-char overseas dept) or country code when dept is 99. Default `'056'`. */
  readonly commune?: string;
  /** Ordre 1–999 (default 901). */
  readonly ordre?: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Builds a valid NIR (with its key) from components. */
export function makeNir(spec: NirSpec = {}): string {
  const dept = spec.dept ?? '75';
  const commune = spec.commune ?? (dept.length === 3 ? '05' : '056');
  const body = `${spec.sex ?? 1}${pad(spec.year ?? 80, 2)}${pad(spec.month ?? 1, 2)}${dept}${commune}${pad(spec.ordre ?? 901, 3)}`;
  return body + computeNirKey(body);
}

/** Builds a valid n° de facturation PS from 8 digits. */
export function makeNumeroFacturation(eightDigits: string): string {
  return eightDigits + computeLuhnKey(eightDigits);
}

const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Options of {@link arbNir}. */
export interface ArbNirOptions {
  readonly sex?: 1 | 2 | 7 | 8;
  readonly year?: number;
  readonly month?: number;
  /** Allow INSEE pseudo-months (default false). */
  readonly pseudoMonths?: boolean;
}

const arbPlace: fc.Arbitrary<{ dept: string; commune: string }> = fc.oneof(
  fc.record({ dept: fc.integer({ min: 1, max: 95 }).map((d) => pad(d, 2)), commune: fc.integer({ min: 1, max: 999 }).map((c) => pad(c, 3)) }),
  fc.record({ dept: fc.constantFrom('2A', '2B'), commune: fc.integer({ min: 1, max: 999 }).map((c) => pad(c, 3)) }),
  fc.record({ dept: fc.constantFrom('971', '972', '973', '974', '976'), commune: fc.integer({ min: 1, max: 99 }).map((c) => pad(c, 2)) }),
  fc.record({ dept: fc.constant('99'), commune: fc.integer({ min: 100, max: 999 }).map(String) }),
);

/** Valid fictitious NIRs (ordre 900–999), all places of birth (mainland, Corsica, overseas, abroad). */
export function arbNir(options: ArbNirOptions = {}): fc.Arbitrary<string> {
  const month = options.month !== undefined
    ? fc.constant(options.month)
    : options.pseudoMonths === true
      ? fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 42 }), fc.integer({ min: 50, max: 99 }))
      : fc.integer({ min: 1, max: 12 });
  return fc
    .record({
      sex: options.sex !== undefined ? fc.constant(options.sex) : fc.constantFrom<1 | 2 | 7 | 8>(1, 2, 7, 8),
      year: options.year !== undefined ? fc.constant(options.year) : fc.integer({ min: 0, max: 99 }),
      month,
      place: arbPlace,
      ordre: fc.integer({ min: 900, max: 999 }),
    })
    .map(({ place, ...rest }) => makeNir({ ...rest, ...place }));
}

/** Valid n° de facturation PS. */
export function arbNumeroFacturation(): fc.Arbitrary<string> {
  return digits(8).map(makeNumeroFacturation);
}

/** Valid RPPS numbers (11 digits, Luhn). */
export function arbRpps(): fc.Arbitrary<string> {
  return digits(10).map((p) => p + computeLuhnKey(p));
}

/** Valid ADELI numbers (département 01–95, profession, ordre, Luhn key). */
export function arbAdeli(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: 95 }).map((d) => pad(d, 2)), digits(6))
    .map(([d, rest]) => d + rest + computeLuhnKey(d + rest));
}

/** Valid FINESS numbers; `corsica: true` mixes in 2A/2B ones (default false). */
export function arbFiness(options: { readonly corsica?: boolean } = {}): fc.Arbitrary<string> {
  const dept = options.corsica === true
    ? fc.oneof(fc.integer({ min: 1, max: 95 }).map((d) => pad(d, 2)), fc.constantFrom('2A', '2B'))
    : fc.integer({ min: 1, max: 95 }).map((d) => pad(d, 2));
  return fc.tuple(dept, digits(6)).map(([d, rest]) => d + rest + computeFinessKey(d + rest));
}

/** Valid SIRENs (9 digits, Luhn). */
export function arbSiren(): fc.Arbitrary<string> {
  return digits(8).map((p) => p + computeLuhnKey(p));
}

/** Valid SIRETs outside La Poste (SIREN Luhn-valid, whole number Luhn-valid). */
export function arbSiret(): fc.Arbitrary<string> {
  return fc
    .tuple(arbSiren(), digits(4))
    .filter(([siren]) => siren !== '356000000')
    .map(([siren, nic]) => siren + nic + computeLuhnKey(siren + nic));
}
