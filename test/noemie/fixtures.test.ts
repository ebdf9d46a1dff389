import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unwrap } from '../../src/core/issues/index';
import { decodeModeledArl, serializeModeledArl } from '../../src/noemie/arl/modeledDecoder';
import { parseNoemie } from '../../src/noemie/parseNoemie';
import { serializeNoemie } from '../../src/noemie/serializeNoemie';
import { fixtureFiles } from '../fixtures/noemie/sources';
import { expectIssue, expectOk } from '../helpers/expectIssue';

const dir = join(__dirname, '../fixtures/noemie');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('fixtures (synthesised, see README)', () => {
  test('are current (npx tsx test/fixtures/noemie/generate.ts)', () => {
    for (const [name, bytes] of Object.entries(fixtureFiles(serializeNoemie, serializeModeledArl))) expect(read(name)).toEqual(new Uint8Array(unwrap(bytes)));
  });
  test('rsp-580-sample.rsp parses without issue; the CRLF copy needs lineBreaks', () => {
    const file = expectOk(parseNoemie(read('rsp-580-sample.rsp')));
    expect(file.entities).toHaveLength(12);
    expectIssue(parseNoemie(read('rsp-580-sample-crlf.rsp')), 'NOEMIE_LINE_BREAK');
    expect(expectOk(parseNoemie(read('rsp-580-sample-crlf.rsp'), { lineBreaks: true }))).toEqual(file);
  });
  test('rsp-580-bad-990.rsp: NOEMIE_CONTROL_AMOUNT', () => {
    expectIssue(parseNoemie(read('rsp-580-bad-990.rsp')), 'NOEMIE_CONTROL_AMOUNT', ['entities', 9]);
  });
  test('ARL fixtures decode', () => {
    expect(expectOk(decodeModeledArl(read('arl-positif.arl'))).statut).toBe('positif');
    expect(expectOk(decodeModeledArl(read('arl-negatif.arl'))).lots[0]?.statut).toBe('negatif');
  });
});
