/**
 * The "same care" key of the duplicate control (issue 4 §5): PS + beneficiary + date of care +
 * sorted act codes. Two invoices with the same key bill the same care.
 *
 * Normalisation: spaces removed and upper case for the PS, NIR and act codes; the NIR is cut to
 * its 13 characters (the key, when given, is dropped: the same person with or without key is the
 * same person); act codes are sorted and keep their multiplicity (two `C` ≠ one `C`). The key
 * is readable text (versioned `v1|…`) so a support person can read it in the database.
 */
import type { Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { PlainDate } from '../core/date/index';
import { isPlainDate } from '../core/date/index';
import { LEDGER_CODES } from './codes';
import type { BeneficiaireKey } from './model';

const issue = createIssueFactory(LEDGER_CODES);

/** What identifies a care. */
export interface CareKeyInput {
  readonly ps: string;
  readonly beneficiaire: BeneficiaireKey;
  readonly dateSoins: PlainDate;
  readonly actes: readonly string[];
}

/** Compacts a string; anything else (untrusted input from JS callers) becomes `''`, which no check accepts. */
const compact = (s: unknown): string => (typeof s === 'string' ? s.replace(/\s+/g, '').toUpperCase() : '');
const NIR_RE = /^[12378][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?$/;

/**
 * Computes the duplicate key of a care.
 *
 * @param input - PS, beneficiary (NIR + rang and/or date of birth), date of care, act codes.
 * @returns The key, e.g. `v1|123456789|1850775123456|1985-07-01|1|2025-01-02|C+K`, or
 *   `LEDGER_INVALID_INPUT` issues (path into the input) for an empty PS, a malformed NIR, no
 *   rang nor date of birth, a bad date or no act.
 * @example
 * computeCareKey({ ps: '123456789', beneficiaire: { nir: '1 85 07 75 123 456', rang: 1 }, dateSoins, actes: ['K', 'C'] })
 */
export function computeCareKey(input: CareKeyInput): Result<string> {
  const ps = compact(input.ps);
  const beneficiaire: Partial<BeneficiaireKey> = typeof input.beneficiaire === 'object' && input.beneficiaire !== null ? input.beneficiaire : {};
  const nir = compact(beneficiaire.nir);
  const { rang, dateNaissance } = beneficiaire;
  const issues = [];
  if (!/^[0-9A-Z]{1,14}$/.test(ps)) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['ps'], expected: 'n° de facturation PS', received: input.ps }));
  if (!NIR_RE.test(nir)) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['beneficiaire', 'nir'], expected: 'NIR de 13 caractères (+ clé)', received: beneficiaire.nir }));
  if (rang === undefined && dateNaissance === undefined) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['beneficiaire'], expected: 'rang ou date de naissance', received: 'aucun' }));
  }
  if (rang !== undefined && !(Number.isInteger(rang) && rang >= 1 && rang <= 9)) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['beneficiaire', 'rang'], expected: '1 à 9', received: rang }));
  }
  if (dateNaissance !== undefined && !isPlainDate(dateNaissance)) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['beneficiaire', 'dateNaissance'], expected: 'AAAA-MM-JJ', received: dateNaissance }));
  }
  if (!isPlainDate(input.dateSoins)) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['dateSoins'], expected: 'AAAA-MM-JJ', received: input.dateSoins }));
  const actes = Array.isArray(input.actes) ? (input.actes as readonly unknown[]).map(compact) : [];
  if (actes.length === 0) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['actes'], expected: 'au moins un acte', received: 'aucun' }));
  actes.forEach((a, k) => {
    if (!/^[0-9A-Z.]{1,13}$/.test(a)) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['actes', k], expected: 'code acte', received: input.actes[k] ?? '' }));
  });
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  actes.sort();
  return ok(['v1', ps, nir.slice(0, 13), dateNaissance ?? '', rang ?? '', input.dateSoins, actes.join('+')].join('|'));
}
