/**
 * Card recognition by ATR with masks: which reader holds the CPS and which the Vitale.
 *
 * @see ISO/IEC 7816-4 ; ANS, cartes CPS3/CPS4 (bibliothèque CPS publiée par l’ANS) (CPS ATRs and masks, from ANS dops-cryptolib and OpenSC card-iasecc.c);
 *   Vitale ATRs from pcsc-tools smartcard_list.txt (`3B 75 13 00 00 4x 09 EA 90 00` Vitale 2,
 *   `3F 65 25 …` Vitale 1).
 */
import { guardArray, guardString } from '../core/guard/guard';
import { arg, bytesArg } from './assert';
import { hexBytes } from './hex';

/** Kinds of cards the library knows. */
export type CardKind = 'vitale2' | 'vitale1' | 'cps3' | 'cps3-contactless' | 'cps4' | 'unknown';

/** The role a card plays. */
export type CardFamily = 'vitale' | 'cps' | 'unknown';

/** One ATR pattern: `atr & mask === value & mask` (same length). */
export interface AtrPattern {
  readonly kind: CardKind;
  readonly label: string;
  readonly value: Uint8Array;
  readonly mask: Uint8Array;
}

const p = (kind: CardKind, label: string, value: string, mask?: string): AtrPattern => {
  const v = hexBytes(value);
  return { kind, label, value: v, mask: mask === undefined ? v.map(() => 0xff) : hexBytes(mask) };
};

/** Known ATR patterns (public sources only). */
export const ATR_PATTERNS: readonly AtrPattern[] = [
  p('cps3', 'CPS3 (contact)', '3B AC 00 40 2A 00 12 25 00 64 80 00 03 10 00 90 00', 'FF 00 00 00 00 FF FF FF FF FF FF 00 00 00 FF FF FF'),
  p('cps3-contactless', 'CPS3 (sans contact)', '3B 8F 80 01 00 31 B8 64 04 B0 EC C1 73 94 01 80 82 90 00 0E', 'FF FF FF FF FF FF FF FF 00 00 FF C0 FF FF FF FF FF FF FF FF'),
  p('cps4', 'CPS4', '3B 9B 18 80 01 00 12 25 00 64 80 04 01 00 00 90 44'),
  p('cps4', 'CPS4 (RC)', '3B 9B 18 80 01 00 12 25 00 64 80 00 04 01 00 90 44'),
  p('cps4', 'CPS4 T=0 (RC)', '3B DC 18 FF 00 00 12 25 00 64 80 00 04 01 00 90 00'),
  p('vitale2', 'Vitale 2', '3B 75 13 00 00 40 09 EA 90 00', 'FF FF FF FF FF F0 FF FF FF FF'),
  p('vitale1', 'Vitale 1', '3F 65 25 00 00 09 00 90 00', 'FF FF FF FF 00 FF 00 FF FF'),
];

/** What an ATR says. */
export interface CardIdentity {
  readonly kind: CardKind;
  readonly family: CardFamily;
  readonly label: string;
}

/**
 * Recognises a card from its ATR.
 *
 * @param atr - The Answer-To-Reset.
 * @param patterns - Patterns to try (default `ATR_PATTERNS`).
 * @returns Kind, family ('vitale' | 'cps' | 'unknown') and a label.
 * @example identifyCard(hexBytes('3B7513000047 09EA9000')).family // 'vitale'
 * @throws SesamError `ASSERTION` when `atr` is not bytes or `patterns` not a list of patterns.
 */
export function identifyCard(atr: Uint8Array, patterns: readonly AtrPattern[] = ATR_PATTERNS): CardIdentity {
  bytesArg(atr, 'atr', 64);
  arg(patterns, 'patterns', (v, p, i) => guardArray(v, p, i, { max: 4096 }));
  for (const [k, pat] of patterns.entries()) {
    bytesArg(pat?.value, `patterns[${k}].value`, 64);
    bytesArg(pat?.mask, `patterns[${k}].mask`, 64);
    if (pat.value.length !== atr.length) continue;
    let match = true;
    for (let i = 0; i < atr.length && match; i++) match = (((atr[i] as number) ^ (pat.value[i] as number)) & (pat.mask[i] as number)) === 0;
    if (match) return { kind: pat.kind, family: familyOf(pat.kind), label: pat.label };
  }
  return { kind: 'unknown', family: 'unknown', label: 'Carte inconnue' };
}

/**
 * The family of a card kind.
 *
 * @param kind - The kind.
 * @returns 'vitale', 'cps' or 'unknown'.
 * @throws SesamError `ASSERTION` when `kind` is not text.
 */
export function familyOf(kind: CardKind): CardFamily {
  arg(kind, 'kind', (v, p, i) => guardString(v, p, i, { max: 64 }));
  return kind.startsWith('vitale') ? 'vitale' : kind.startsWith('cps') ? 'cps' : 'unknown';
}
