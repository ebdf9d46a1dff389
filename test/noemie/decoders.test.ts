import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { unwrap } from '../../src/core/issues/index';
import { parseRecord } from '../../src/internal/fixed-width/parse';
import { compileFastDecoder, createDateContext } from '../../src/noemie/parse/fastDecode';
import { ENTITY_LAYOUTS, ENTITY_TYPES } from '../../src/noemie/records/index';
import { serializeNoemieEntity } from '../../src/noemie/serializeNoemie';
import { noemieEntityArb, noemieHeaderArb } from '../arbitraries/noemie';
import { decodersSource } from './decoderSource';
import { runs } from '../helpers/runs';

describe('precompiled entity decoders', () => {
  test('decoders.generated.ts is current (npx tsx test/noemie/decoderSource.ts --write)', () => {
    const file = readFileSync(join(__dirname, '../../src/noemie/parse/decoders.generated.ts'), 'utf8');
    expect(file).toBe(decodersSource());
  });
  test('no runtime code generation in the parser', () => {
    for (const f of ['fastDecode.ts', 'decoders.generated.ts', 'fastHelpers.ts', 'entityStream.ts', 'decoder.ts']) {
      expect(readFileSync(join(__dirname, '../../src/noemie/parse', f), 'utf8')).not.toMatch(/new Function\s*\(|\beval\s*\(/);
    }
  });
});

describe('properties', () => {
  const entityText = noemieHeaderArb.chain((h) =>
    fc.constantFrom(...ENTITY_TYPES).chain((t) =>
      fc.tuple(fc.constant(h.dateCreation), fc.constant(t), noemieEntityArb(t, h.dateCreation), fc.array(fc.tuple(fc.nat(), fc.constantFrom('0', '9', ' ', 'N', 'P', 'A', 'z')), { maxLength: 3 })),
    ),
  );
  test.prop([entityText], { numRuns: runs(2000) })('the interpreter (any other layout) decides exactly like the precompiled decoder', ([date, type, entity, edits]) => {
    let text = unwrap(serializeNoemieEntity(entity)).slice(0, -1);
    for (const [at, ch] of edits) {
      const i = at % text.length;
      text = text.slice(0, i) + ch + text.slice(i + 1);
    }
    const ctx = createDateContext(date);
    const layout = ENTITY_LAYOUTS[type];
    const pre = compileFastDecoder(layout, () => ctx)?.(` ${text}`, 1);
    const interpreted = compileFastDecoder({ ...layout }, () => ctx)?.(text, 0);
    expect(interpreted).toEqual(pre);
    if (pre !== undefined) expect(pre).toEqual(unwrap(parseRecord(layout, text, { referenceDate: date })));
  });
});
