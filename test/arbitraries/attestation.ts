/**
 * Arbitraries of attestations de tiers payant (fictitious AMC numbers, conventions, adhérents).
 */
import { fc } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/date/index';
import { addDays, plainDate } from '../../src/core/date/index';
import type { AttestationTiersPayant } from '../../src/adr/attestation/index';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Digits and capitals, `min`…`max` characters. */
export const code = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...ALNUM), { minLength: min, maxLength: max }).map((a) => a.join(''));

const BASE = plainDate('2000-01-01');

/** A period of validity in 2000 … 2060, `debut` ≤ `fin`. */
export const validiteArb: fc.Arbitrary<{ debut: PlainDate; fin: PlainDate }> = fc
  .tuple(fc.integer({ min: 0, max: 21_900 }), fc.integer({ min: 0, max: 800 }))
  .map(([d, len]) => ({ debut: addDays(BASE, d), fin: addDays(BASE, d + len) }));

/** A valid attestation (the critère secondaire present or absent). */
export const attestationArb: fc.Arbitrary<AttestationTiersPayant> = fc
  .record({ numeroAmc: code(1, 10), typeConvention: code(1, 10), critere: fc.option(code(1, 10), { nil: undefined }), numeroAdherent: code(1, 15), periodeValidite: validiteArb })
  .map(({ critere, ...a }) => ({ ...a, ...(critere === undefined ? {} : { critereSecondaireRoutage: critere }) }));
