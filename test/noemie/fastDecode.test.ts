import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseRecord } from '../../src/internal/fixed-width/parse';
import { compileFastDecoder, createDateContext } from '../../src/noemie/parse/fastDecode';
import { ENTITY_LAYOUTS, ENTITY_TYPES } from '../../src/noemie/records/index';
import { serializeNoemieEntity } from '../../src/noemie/serializeNoemie';
import { unwrap } from '../../src/core/issues/index';
import { noemieEntityArb, noemieHeaderArb } from '../arbitraries/noemie';
import { runs } from '../helpers/runs';

describe('properties', () => {
  const entityText = noemieHeaderArb.chain((h) =>
    fc.constantFrom(...ENTITY_TYPES).chain((t) =>
      fc.tuple(fc.constant(h.dateCreation), fc.constant(t), noemieEntityArb(t, h.dateCreation), fc.array(fc.tuple(fc.nat(), fc.constantFrom('0', '9', ' ', 'N', 'P', 'A', '\x80', 'z')), { maxLength: 3 })),
    ),
  );
  test.prop([entityText], { numRuns: runs(3000) })('the fast path agrees with parseRecord whenever it accepts (mutated entities)', ([date, type, entity, edits]) => {
    let text = unwrap(serializeNoemieEntity(entity)).slice(0, -1);
    for (const [at, ch] of edits) {
      const i = at % text.length;
      text = text.slice(0, i) + ch + text.slice(i + 1);
    }
    const ctx = createDateContext(date);
    const fast = compileFastDecoder(ENTITY_LAYOUTS[type], () => ctx);
    const slow = parseRecord(ENTITY_LAYOUTS[type], text, { referenceDate: date });
    const got = fast?.(text, 0);
    if (got !== undefined && !/[^\x20-\x7e]/.test(text)) {
      expect(slow.ok).toBe(true);
      expect(slow.issues).toEqual([]);
      if (slow.ok) expect(got).toEqual(slow.value);
    }
  });
});
