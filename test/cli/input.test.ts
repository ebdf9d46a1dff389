/**
 * src/cli/input.ts: reading and decoding a command's input (real files in a temp folder).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonErrorOffset, parseJsonBytes, readInputFile } from '../../src/cli/input';
import { runs } from '../helpers/runs';

const root = mkdtempSync(join(tmpdir(), 'sesam-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true })); // the mkdtemp folder of this test
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

describe('readInputFile', () => {
  it('reads a regular file; refuses a FIFO (66) without blocking, a folder (66), a missing file (66), a file over the cap (65)', async () => {
    const f = join(root, 'a.json');
    writeFileSync(f, '{}');
    expect(await readInputFile(f)).toMatchObject({ ok: true });
    const fifo = join(root, 'p.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readInputFile(fifo)).toMatchObject({ ok: false, exit: 66 });
    expect(await readInputFile(root)).toMatchObject({ ok: false, exit: 66 });
    expect(await readInputFile(join(root, 'none'))).toMatchObject({ ok: false, exit: 66 });
    expect(await readInputFile(f, 1)).toMatchObject({ ok: false, exit: 65 });
  });
});

describe('parseJsonBytes', () => {
  it('accepts a UTF-8 BOM; refuses UTF-16 and invalid UTF-8 (65)', () => {
    expect(parseJsonBytes(new Uint8Array([...BOM, ...utf8('{"a":1}')]), 'f')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'f')).toMatchObject({ ok: false, exit: 65 });
  });

  it('a nesting deeper than the engine handles is refused (65), not a crash', () => {
    const r = parseJsonBytes(utf8(`${'['.repeat(300_000)}${']'.repeat(300_000)}`), 'deep.json');
    if (!r.ok) expect(r).toMatchObject({ exit: 65, message: expect.stringMatching(/nested too deeply/) });
  });

  it('names line and column, never the content', () => {
    const r = parseJsonBytes(utf8('{\n "nir": "195109912611193",\n "a": }'), 'f.json');
    expect(r).toMatchObject({ ok: false, exit: 65 });
    if (!r.ok) {
      expect(r.message).toMatch(/line 3, column 7/);
      expect(r.message).not.toMatch(/195109/);
    }
  });
});

describe('properties', () => {
  // Law: a BOM never changes the parsed value.
  test.prop([fc.jsonValue()], { numRuns: runs(200) })('BOM + JSON parses as the JSON', (v) => {
    const text = JSON.stringify(v);
    expect(parseJsonBytes(new Uint8Array([...BOM, ...utf8(text)]), 'f')).toEqual(parseJsonBytes(utf8(text), 'f'));
  });
  // Law: any bytes give an outcome (never a throw), and a refusal is one line with code 65.
  test.prop([fc.uint8Array({ maxLength: 200 })], { numRuns: runs(300) })('any bytes: value or one-line 65', (b) => {
    const r = parseJsonBytes(b, 'f');
    if (!r.ok) {
      expect(r.exit).toBe(65);
      expect(r.message).not.toMatch(/\n/);
    }
  });
  // Law: the located offset is inside the text (or -1 for valid JSON).
  test.prop([fc.string({ maxLength: 60 })], { numRuns: runs(300) })('error offset is within the text', (s) => {
    const o = jsonErrorOffset(s);
    expect(o).toBeGreaterThanOrEqual(-1);
    expect(o).toBeLessThanOrEqual(s.length);
  });
  // Law: the scanner agrees with JSON.parse on what is valid.
  test.prop([fc.oneof(fc.json(), fc.string({ maxLength: 30 }))], { numRuns: runs(300) })('scanner accepts exactly what JSON.parse accepts', (s) => {
    let valid = true;
    try {
      JSON.parse(s);
    } catch {
      valid = false;
    }
    expect(jsonErrorOffset(s) === -1).toBe(valid);
  });
});
