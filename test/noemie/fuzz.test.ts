/**
 * The parser never throws: ≥ 10^5 inputs in total (random bytes, mutated valid returns,
 * framing-shaped text), each parsed with one of three option sets in turn, plus the crashers
 * corpus replayed with all of them. A new crasher goes to test/fixtures/noemie/crashers/*.bin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseNoemie } from '../../src/noemie/parseNoemie';
import { serializeNoemie } from '../../src/noemie/serializeNoemie';
import { unwrap } from '../../src/core/issues/index';
import { noemieFileArb } from '../arbitraries/noemie';
import { bytesOf, sampleFile } from './helpers';
import { runs } from '../helpers/runs';

const CRASHERS = join(__dirname, '../fixtures/noemie/crashers');
const OPTIONS = [{}, { lineBreaks: true, trailingPadding: true, skipUnknownEntities: true }, { controlTotals: 'off' as const, maxIssues: 3 }];

let turn = 0;
/** Parses with one of the option sets in turn (all of them with `all`); fails only by throwing or by an Err without issues. */
function noThrow(b: Uint8Array, all = false): void {
  for (const o of all ? OPTIONS : [OPTIONS[turn++ % OPTIONS.length] ?? {}]) {
    const r = parseNoemie(b, o);
    if (!r.ok && r.issues.length === 0) expect.fail('Err without issues');
  }
}

const base = bytesOf(sampleFile());
const mutation = fc.record({
  at: fc.nat({ max: base.length - 1 }),
  kind: fc.constantFrom('set', 'insert', 'delete', 'cut'),
  byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x40, 0x30, 0x31, 0x20, 0x0a, 0x0d, 0x39)),
});
function mutate(b: Uint8Array, ms: readonly { at: number; kind: string; byte: number }[]): Uint8Array {
  let out = Array.from(b);
  for (const m of ms) {
    const at = m.at % Math.max(1, out.length);
    if (m.kind === 'set') out[at] = m.byte;
    else if (m.kind === 'insert') out.splice(at, 0, m.byte);
    else if (m.kind === 'delete') out.splice(at, 1);
    else out = out.slice(0, at);
  }
  return new Uint8Array(out);
}

describe('crashers corpus', () => {
  const files = readdirSync(CRASHERS).filter((f) => f.endsWith('.bin'));
  test('corpus is not empty', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const f of files) {
    test(`replays ${f} without throwing`, () => {
      noThrow(new Uint8Array(readFileSync(join(CRASHERS, f))), true);
    });
  }
});

describe('properties', () => {
  // 50k random + 50k mutated + 5k framing-shaped + 300 mutated random returns ≈ 1.05 × 10^5 inputs
  test.prop([fc.uint8Array({ maxLength: 600 })], { numRuns: runs(50_000) })('never throws on random bytes', (b) => noThrow(b));
  test.prop([fc.array(mutation, { minLength: 1, maxLength: 6 })], { numRuns: runs(50_000) })('never throws on mutated valid returns', (ms) => noThrow(mutate(base, ms)));
  test.prop([fc.array(fc.constantFrom('000', '999', '0', '1', '990', '198', '@', ' ', '\r\n', '04002', '1980'), { maxLength: 80 })], { numRuns: runs(5_000) })(
    'never throws on framing-shaped text',
    (parts) => noThrow(new Uint8Array(Buffer.from(parts.join(''), 'latin1'))),
  );
  test.prop([noemieFileArb, fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: runs(300) })('never throws on mutated random returns', (file, ms) =>
    noThrow(mutate(unwrap(serializeNoemie(file)), ms)),
  );
});
