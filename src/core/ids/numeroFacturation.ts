/**
 * N° de facturation PS (n° AM / assurance maladie of a health professional, on the CPS card and in
 * B2 type 1 positions 2-10).
 *
 * Structure: 8 digits + 1 Luhn key ("clé type 1-2 norme B2"). The first two digits are the
 * département (99 for test cards). `formatNumeroFacturation` separates the key: `99078105 6`.
 *
 * Sources: norme B2 annexe "clé type 1-2" (vectors 76031208→2, 99078105→6, 99109197→6 from test CPS cards), B2 type 1 record.
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import type { IssuePath, Result } from '../issues/index';
import { compactIdentifier, validateLuhnIdentifier } from './internal';

/** A valid n° de facturation PS in compact form (9 digits). */
export type NumeroFacturation = string & { readonly __brand: 'NumeroFacturation' };

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactNumeroFacturation('99078105 6'); //=> '990781056'
 */
export function compactNumeroFacturation(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the Luhn key of the first 8 digits of a n° de facturation PS.
 *
 * @param payload - The 8 digits before the key.
 * @returns The key digit.
 * @throws SesamError `ASSERTION` when the payload is not 8 digits (programmer error).
 * @example
 * computeNumeroFacturationKey('99078105'); //=> '6'
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function computeNumeroFacturationKey(payload: string): string {
  return computeLuhnKey(typeof payload === 'string' && /^[0-9]{8}$/.test(payload) ? payload : '');
}

/**
 * Validates a n° de facturation PS (length, digits, Luhn key).
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @returns The compact `NumeroFacturation`, or an issue `NUMFACT_LENGTH`, `NUMFACT_FORMAT` or `NUMFACT_CHECKSUM`.
 * @example
 * validateNumeroFacturation('990781056'); //=> { ok: true, value: '990781056', issues: [] }
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function validateNumeroFacturation(value: unknown, path: IssuePath = []): Result<NumeroFacturation> {
  return validateLuhnIdentifier<NumeroFacturation>(value, path, { prefix: 'NUMFACT', length: 9, pattern: /^[0-9]{9}$/ });
}

/**
 * Tells whether a value is a valid n° de facturation PS in compact form.
 *
 * @param value - Anything.
 * @returns `true` for a 9-digit string with a correct key.
 */
export function isNumeroFacturation(value: unknown): value is NumeroFacturation {
  const result = validateNumeroFacturation(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of a n° de facturation PS: the 8 digits, a space, the key.
 *
 * @param numero - The number (compacted first).
 * @returns For example `99078105 6`; inputs of another length are returned compacted.
 * @example
 * formatNumeroFacturation('990781056'); //=> '99078105 6'
 */
export function formatNumeroFacturation(numero: string): string {
  const c = compactNumeroFacturation(numero);
  return c.length === 9 ? `${c.slice(0, 8)} ${c.slice(8)}` : c;
}
