/**
 * NABM (nomenclature des actes de biologie médicale): the acts of the SNDS table IR_BIO_R, with
 * their key letter (B), coefficient and dates.
 *
 * What the table holds (CNAM / Health Data Hub, nomenclatures du SNDS, 2021): one row per act,
 * its creation date, its LAST coefficient with the date it took effect (`BIO_HIS_DTD`) and its
 * suppression date. The history stops in 2019: coefficients changed since (décisions UNCAM) and
 * acts created since are not in it — the caller supplies them (`nabmTarifTable({ coefficients })`).
 * Labels are not shipped (size of the package); the code is the key.
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { guardPlainDate, inputErr } from '../../core/guard/index';
import { SNDS_CODES } from './codes';
import { dateCell, lazy, readCompact } from './compact';
import { NABM_COMPACT } from './generated/nabm.generated';

const issue = createIssueFactory(SNDS_CODES);

/** One NABM act as the SNDS table describes it. */
export interface NabmActe {
  /** Code NABM on 4 digits (`'1104'`, `'0215'`). */
  readonly code: string;
  /** Key letter (`'B'`), empty for the two technical codes 0000 and 9999. */
  readonly lettre: string;
  /** Coefficient of the key letter (`'22'`), `null` for the technical codes. */
  readonly coefficient: string | null;
  /** Creation date of the act, when known. */
  readonly creation?: PlainDate;
  /** Date the coefficient took effect (the table keeps the last coefficient only). */
  readonly coefficientDepuis?: PlainDate;
  /** Suppression date: the act is not billable from this day on. */
  readonly suppression?: PlainDate;
}

/** The shipped NABM by 4-digit code (parsed on first use). */
export const nabmActes = lazy((): ReadonlyMap<string, NabmActe> => {
  const out = new Map<string, NabmActe>();
  for (const [code, [lettre = '', coef = '', cre, his, sup]] of readCompact(NABM_COMPACT, true, 4)) {
    const acte: { -readonly [K in keyof NabmActe]: NabmActe[K] } = { code, lettre, coefficient: coef === '' ? null : coef };
    const c = dateCell(cre), h = dateCell(his), s = dateCell(sup);
    if (c !== undefined) acte.creation = c as PlainDate;
    if (h !== undefined) acte.coefficientDepuis = h as PlainDate;
    if (s !== undefined) acte.suppression = s as PlainDate;
    out.set(code, Object.freeze(acte));
  }
  return out;
});

/**
 * The 4-digit NABM code of a caller's value (`'215'`, `'0215'`, `215`), or undefined.
 *
 * @param code - Anything.
 * @returns The code on 4 digits.
 */
export function nabmCode(code: unknown): string | undefined {
  if (typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 && code <= 9999) return String(code).padStart(4, '0');
  if (typeof code === 'string' && /^\d{1,4}$/.test(code)) return code.padStart(4, '0');
  return undefined;
}

/**
 * Finds a NABM act, optionally at a date.
 *
 * @param code - Code NABM (`'1104'`, `'215'` or a number).
 * @param date - Date of the act: the act must be in force (created, not suppressed).
 * @returns The act; `SNDS_CODE_INCONNU`, `SNDS_HORS_PERIODE`, or a warning
 *   `SNDS_NABM_COEFFICIENT` when the date is before the coefficient the table knows.
 * @example
 * findNabmActe('1104', plainDate('2025-03-10')) // ok: { code: '1104', lettre: 'B', coefficient: '…' }
 */
export function findNabmActe(code: string | number, date?: PlainDate): Result<NabmActe> {
  const guard: Issue[] = [];
  const day = guardPlainDate(date, ['date'], guard, { required: false });
  const key = nabmCode(code);
  if (guard.length > 0) return inputErr(guard);
  const acte = key === undefined ? undefined : nabmActes().get(key);
  if (acte === undefined) return err(issue('SNDS_CODE_INCONNU', { path: ['code'], expected: 'NABM', received: typeof code === 'string' || typeof code === 'number' ? String(code) : typeof code }));
  if (day === undefined) return ok(acte);
  if ((acte.creation !== undefined && day < acte.creation) || (acte.suppression !== undefined && day >= acte.suppression)) {
    const span = `${acte.creation ?? '…'} → ${acte.suppression === undefined ? '…' : `supprimé le ${acte.suppression}`}`;
    return err(issue('SNDS_HORS_PERIODE', { path: ['date'], received: acte.code, expected: `${day}, en vigueur ${span}` }));
  }
  if (acte.coefficientDepuis !== undefined && day < acte.coefficientDepuis) {
    return ok(acte, [issue('SNDS_NABM_COEFFICIENT', { path: ['date'], received: acte.code, expected: `coefficient ${acte.coefficient ?? '?'} en vigueur depuis le ${acte.coefficientDepuis}, acte daté du ${day}` })]);
  }
  return ok(acte);
}
