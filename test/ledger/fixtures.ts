/**
 * Fictitious test data for the ledger: NIRs are invented (valid shape and key), PS numbers are
 * test values. Never a real person's NIR.
 */
import type { PlainDate } from '../../src/core/date/index';
import { fromCentimes } from '../../src/core/money/index';
import type { InvoiceDraft } from '../../src/ledger/index';

/** Adds the 2-digit key (97 − NIR mod 97) to a 13-digit NIR. */
export function withNirKey(nir13: string): string {
  const key = 97 - Number(BigInt(nir13) % 97n);
  return `${nir13}${String(key).padStart(2, '0')}`;
}

/** Two fictitious PS (n° de facturation, test values). */
export const PS1 = '991234567';
export const PS2 = '992345678';
/** Fictitious beneficiaries. */
export const NIR_A = withNirKey('1850775123456');
export const NIR_B = withNirKey('2920169012345');

/** A valid draft: 30 € consultation, 70/30 split; override what a test needs. */
export function draft(overrides: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return {
    ps: PS1,
    beneficiaire: { nir: NIR_A, rang: 1, dateNaissance: '1985-07-01' as PlainDate },
    dateSoins: '2025-03-10' as PlainDate,
    actes: ['G'],
    dateFacturation: '2025-03-10' as PlainDate,
    montants: { total: fromCentimes(3000), amo: fromCentimes(2000), amc: fromCentimes(900), patient: fromCentimes(100) },
    destinataireAmo: '01751',
    securisation: 'S',
    ...overrides,
  };
}

/** A draft with an AMC part in tiers payant (a DRE). */
export function dreDraft(overrides: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return draft({ amc: { destinataire: 'AMC77', tiersPayant: true }, ...overrides });
}

/** The n-th distinct care of a beneficiary (a different date each). */
export function nthCare(n: number, overrides: Partial<InvoiceDraft> = {}): InvoiceDraft {
  const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10) as PlainDate;
  return draft({ dateSoins: day, ...overrides });
}
