import { fc } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { fromEpochDays, toEpochDays, plainDate } from '../../../src/core/date/index';
import type { Money } from '../../../src/core/money/index';
import { add, sum } from '../../../src/core/money/index';
import type { BankMovement, Cfonb120Account, Cfonb120File, Cfonb120Mouvement, Cfonb120Statement } from '../../../src/returns/bank/index';

const PRINTABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./';

/** Text of printable ASCII without trailing spaces (what the parser gives back). */
export const textArb = (max: number, min = 0): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...PRINTABLE), minLength: min, maxLength: max }).map((s) => s.trimEnd());

const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Dates in the CFONB century window. */
export const dateArb: fc.Arbitrary<PlainDate> = fc
  .integer({ min: toEpochDays(plainDate('1990-01-01')), max: toEpochDays(plainDate('2059-12-31')) })
  .map(fromEpochDays);

/** Amounts representable with 2 decimals in 14 digits. */
export const moneyArb: fc.Arbitrary<Money> = fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }).map((c) => ({ centimes: c === 0 ? 0 : c }));

const accountArb: fc.Arbitrary<Cfonb120Account> = fc.record({
  codeBanque: digits(5),
  codeGuichet: digits(5),
  devise: fc.constant('EUR'),
  nombreDecimales: fc.constant(2),
  numeroCompte: digits(11),
});

const mouvementArb: fc.Arbitrary<Omit<Cfonb120Mouvement, 'record'>> = fc.record(
  {
    codeOperationInterne: digits(4),
    codeOperationInterbancaire: digits(2),
    dateComptable: dateArb,
    codeMotifRejet: fc.constant(''),
    dateValeur: dateArb,
    libelle: textArb(31),
    numeroEcriture: digits(7),
    indiceExoneration: fc.constantFrom('', '1'),
    indiceIndisponibilite: fc.constant(''),
    montant: moneyArb,
    reference: textArb(16),
    complements: fc.array(fc.record({ qualifiant: fc.constantFrom('LIB', 'NPY', 'REF', 'RCN'), information: textArb(70) }), { maxLength: 3 }),
  },
  { requiredKeys: ['codeOperationInterne', 'codeOperationInterbancaire', 'dateComptable', 'codeMotifRejet', 'libelle', 'numeroEcriture', 'indiceExoneration', 'indiceIndisponibilite', 'montant', 'reference', 'complements'] },
);

/** A balanced CFONB statement (record numbers filled in by {@link numberRecords}). */
export const statementArb: fc.Arbitrary<Omit<Cfonb120Statement, 'mouvements'> & { mouvements: Omit<Cfonb120Mouvement, 'record'>[] }> = fc
  .record({ compte: accountArb, ancien: moneyArb, d1: dateArb, d2: dateArb, mouvements: fc.array(mouvementArb, { maxLength: 5 }) })
  .map(({ compte, ancien, d1, d2, mouvements }) => ({
    compte,
    ancienSolde: { date: d1, montant: ancien },
    mouvements,
    nouveauSolde: { date: d2, montant: add(ancien, sum(mouvements.map((m) => m.montant))) },
  }));

/** Fills in the 1-based record numbers the parser assigns (01 counts as one record). */
export function numberRecords(statements: readonly (Omit<Cfonb120Statement, 'mouvements'> & { mouvements: readonly Omit<Cfonb120Mouvement, 'record'>[] })[]): Cfonb120File {
  let n = 0;
  return {
    statements: statements.map((s) => {
      n++;
      const mouvements = s.mouvements.map((m) => {
        n++;
        const record = n;
        n += m.complements.length;
        return { ...m, record };
      });
      n++;
      return { ...s, mouvements };
    }),
  };
}

/** A CFONB file arbitrary, record numbers consistent. */
export const cfonbFileArb: fc.Arbitrary<Cfonb120File> = fc.array(statementArb, { maxLength: 3 }).map(numberRecords);

/** CSV movements (record = line number after one header line). */
export const csvMovementsArb: fc.Arbitrary<BankMovement[]> = fc
  .array(fc.record({ date: dateArb, libelle: textArb(40, 1).filter((s) => s.trim() !== '').map((s) => s.trim()), montant: moneyArb }), { maxLength: 8 })
  .map((rows) => rows.map((r, i) => ({ ...r, source: { format: 'csv' as const, record: i + 2 } })));
