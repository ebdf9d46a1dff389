/**
 * B2 alphanumeric output rule: upper case, no accents, ASCII only (norme B2 CdC, règles de
 * présentation). `transliterate` maps French (and common Latin) letters to that alphabet.
 */
import type { IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { FIXED_WIDTH_CODES } from './codes';

const issue = createIssueFactory(FIXED_WIDTH_CODES);

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL: Readonly<Record<string, string>> = {
  œ: 'OE', Œ: 'OE', æ: 'AE', Æ: 'AE', ß: 'SS', ø: 'O', Ø: 'O', đ: 'D', Đ: 'D', ł: 'L', Ł: 'L', þ: 'TH', Þ: 'TH', ð: 'D', Ð: 'D',
  '\u2019': "'", '\u2018': "'", '\u00ab': '"', '\u00bb': '"', '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u00a0': ' ',
};

const NON_ASCII = /[^\x20-\x7e]/;

/**
 * Maps a text to the B2 alphanumeric alphabet: upper case, accents removed (é→E, ç→C, œ→OE…).
 *
 * @param text - The caller's text (e.g. a name with accents).
 * @param path - Where the text is in the input, for issues.
 * @returns The upper-case ASCII text, with an `FW_TRANSLITERATED` warning when it changed
 *   something; `FW_CHARSET` when a character has no ASCII form (e.g. `€`, a control character).
 * @example
 * transliterate('Hélène Bœuf') // ok('HELENE BOEUF', [FW_TRANSLITERATED warning])
 */
export function transliterate(text: string, path: IssuePath = []): Result<string> {
  let out = text.toUpperCase();
  if (NON_ASCII.test(out)) {
    out = out
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, (c) => (SPECIAL[c] ?? c).toUpperCase());
    const bad = NON_ASCII.exec(out);
    if (bad !== null) {
      return err(issue('FW_CHARSET', { path, expected: String(text.indexOf(bad[0]) + 1), received: bad[0] }));
    }
  }
  if (out === text) return ok(out);
  return ok(out, [issue('FW_TRANSLITERATED', { path, expected: out, received: text })]);
}
