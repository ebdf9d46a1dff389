/**
 * The font shipped for the paper fallbacks: the generated module decodes to the subset file
 * recorded in data/fonts/README.md, small, a TrueType font with the glyphs the text layer relies on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import * as fontkit from '@pdf-lib/fontkit';
import { FONT_SHA256 } from '../../src/scor/paper/font.generated';
import { hasGlyph, paperFontBytes, toFontText } from '../../src/scor/paper/font';
import { runs } from '../helpers/runs';

const fk = ((fontkit as unknown as { default?: typeof fontkit }).default ?? fontkit) as typeof fontkit;

describe('paper font', () => {
  test('is data/fonts/DejaVuSans-Latin1.ttf, under 60 kB, with a copy per call', () => {
    const bytes = paperFontBytes();
    expect(bytes.length).toBeLessThan(60_000);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(FONT_SHA256);
    expect(Buffer.from(bytes).equals(readFileSync(new URL('../../data/fonts/DejaVuSans-Latin1.ttf', import.meta.url)))).toBe(true);
    bytes[0] = 0xff;
    expect(paperFontBytes()[0]).toBe(0);
  });

  test('has a glyph for every character hasGlyph admits', () => {
    const font = fk.create(paperFontBytes());
    expect(font.familyName).toBe('DejaVu Sans');
    for (let cp = 0x20; cp <= 0x20ac; cp++) if (hasGlyph(cp) && cp !== 0xa0 && cp !== 0xad && cp !== 0x202f) expect(font.glyphForCodePoint(cp).id, `U+${cp.toString(16)}`).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  fcTest.prop([fc.string({ unit: 'binary', maxLength: 60 })], { numRuns: runs(300) })('toFontText leaves only drawable characters', (s) => {
    for (const ch of toFontText(s)) expect(hasGlyph(ch.codePointAt(0)!)).toBe(true);
  });
});
