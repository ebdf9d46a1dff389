/**
 * The one font of the paper fallbacks: DejaVu Sans subset to Latin-1 and a few French signs
 * (data/fonts/README.md), embedded whole in each document as PDF/A-1 requires (ISO 19005-1
 * §6.3.4). Text is first brought to the characters the font has, so no page ever shows a
 * missing glyph.
 */
import { decodeBase64 } from '../image/bytes';
import { FONT_BASE64 } from './font.generated';

let cached: Uint8Array | undefined;

/**
 * The font bytes (a fresh copy each call).
 *
 * @returns The TrueType file.
 */
export function paperFontBytes(): Uint8Array {
  cached ??= decodeBase64(FONT_BASE64.join(''));
  return cached.slice();
}

const EXTRA = [0x152, 0x153, 0x178, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x202f, 0x20ac];

/**
 * Whether the font has a glyph for a code point.
 *
 * @param cp - Unicode code point.
 * @returns True for U+0020–007E, U+00A0–00FF and the few extra signs.
 */
export function hasGlyph(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || EXTRA.includes(cp);
}

/**
 * Brings text to what the font can draw: controls become spaces, a letter outside the font
 * loses its accents (`ł` stays `?`, `ă` becomes `a`), anything else becomes `?`.
 *
 * @param text - Any text.
 * @returns Drawable text, same number of code points or fewer.
 */
export function toFontText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (hasGlyph(cp)) out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base.length > 0 && [...base].every((c) => hasGlyph(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}
