/**
 * CFONB signed amounts: 14 characters, 13 digits then one overpunch character carrying the
 * last digit and the sign (`{`, `A`–`I` = +0…+9; `}`, `J`–`R` = −0…−9), scaled by the
 * "nombre de décimales" of pos. 20 (CFONB, Relevé de compte sur support informatique (120 caractères), 2004; pennylane-hq/cfonb `AMOUNT_SPECIFIERS`).
 */
import type { Money } from '../../core/money/index';
import { guardInteger, guardMoney, guardString } from '../../core/guard/index';

const POSITIVE = '{ABCDEFGHI';
const NEGATIVE = '}JKLMNOPQR';
/** Highest number of decimals whose values still fit in 13+1 digits of integer centimes. */
const MAX_DECIMALS = 9;

/** Outcome of {@link decodeCfonbAmount}: the amount or why it cannot be read. */
export type CfonbAmountDecoding =
  | { readonly ok: true; readonly montant: Money }
  | { readonly ok: false; readonly reason: 'format' | 'precision' };

/**
 * Decodes a 14-character CFONB amount.
 *
 * @param text - The 14 characters of pos. 91-104.
 * @param decimales - Nombre de décimales (pos. 20), 0–9.
 * @returns The amount in centimes, or the reason it is unreadable (`precision` when the
 *   value has non-zero digits below the centime).
 */
export function decodeCfonbAmount(text: string, decimales: number): CfonbAmountDecoding {
  // Caller data of the wrong type reads as an unreadable amount (never a TypeError).
  if (guardString(text, [], [], { min: 14, max: 14 }) === undefined) return { ok: false, reason: 'format' };
  if (guardInteger(decimales, [], []) === undefined) return { ok: false, reason: 'precision' };
  if (text.length !== 14 || !/^\d{13}$/.test(text.slice(0, 13))) return { ok: false, reason: 'format' };
  if (!Number.isInteger(decimales) || decimales < 0 || decimales > MAX_DECIMALS) return { ok: false, reason: 'precision' };
  const last = text.charAt(13);
  let digit = POSITIVE.indexOf(last);
  let sign = 1;
  if (digit < 0) {
    digit = NEGATIVE.indexOf(last);
    sign = -1;
  }
  if (digit < 0) return { ok: false, reason: 'format' };
  const units = BigInt(text.slice(0, 13) + String(digit));
  let centimes: bigint;
  if (decimales <= 2) centimes = units * 10n ** BigInt(2 - decimales);
  else {
    const div = 10n ** BigInt(decimales - 2);
    if (units % div !== 0n) return { ok: false, reason: 'precision' };
    centimes = units / div;
  }
  const n = Number(centimes);
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'format' };
  return { ok: true, montant: { centimes: n === 0 ? 0 : sign * n } };
}

/**
 * Encodes an amount as 14 CFONB characters (inverse of {@link decodeCfonbAmount}).
 *
 * @param montant - The amount.
 * @param decimales - Nombre de décimales, 0–9.
 * @returns The 14 characters, or `undefined` when the amount does not fit or is not
 *   representable with that many decimals (sub-euro centimes with 0 or 1 decimals).
 */
export function encodeCfonbAmount(montant: Money, decimales: number): string | undefined {
  // Not a Money of integer centimes, or decimals not an integer: not representable.
  if (guardMoney(montant, [], []) === undefined || guardInteger(decimales, [], []) === undefined) return undefined;
  if (!Number.isInteger(decimales) || decimales < 0 || decimales > MAX_DECIMALS) return undefined;
  const negative = montant.centimes < 0;
  let units = BigInt(Math.abs(montant.centimes));
  if (decimales >= 2) units *= 10n ** BigInt(decimales - 2);
  else {
    const div = 10n ** BigInt(2 - decimales);
    if (units % div !== 0n) return undefined;
    units /= div;
  }
  const digits = units.toString().padStart(14, '0');
  if (digits.length > 14) return undefined;
  const last = Number(digits.charAt(13));
  return digits.slice(0, 13) + (negative ? NEGATIVE : POSITIVE).charAt(last);
}
