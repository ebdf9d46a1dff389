/**
 * NOEMIE byte parsers given something else than bytes (INPUT_* issues, never a throw), and the
 * parser and serializer agreeing: an `@` inside a zone is refused by both, serialize∘parse is
 * the identity on canonical files, and parse(x) ok ⇒ serialize(parse(x)) ok.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { unwrap } from '../../src/core/issues/index';
import { decodeModeledArl, serializeModeledArl } from '../../src/noemie/arl/modeledDecoder';
import { collectNoemie, parseNoemie, streamNoemie, streamNoemieBatches } from '../../src/noemie/parseNoemie';
import { serializeNoemie, serializeNoemieEntity } from '../../src/noemie/serializeNoemie';
import { buildNoemieFile } from '../../src/noemie/buildNoemieFile';
import type { NoemieEvent } from '../../src/noemie/types';
import { noemieFileArb } from '../arbitraries/noemie';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { bytes, bytesOf, latin1, sampleFile } from './helpers';

async function events(it: AsyncIterable<NoemieEvent>): Promise<NoemieEvent[]> {
  const out: NoemieEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('byte parsers given a string or an ArrayBuffer', () => {
  test('parseNoemie and decodeModeledArl: INPUT_TYPE at bytes', () => {
    const text = latin1(bytesOf(sampleFile()));
    for (const junk of [text, new ArrayBuffer(256)]) {
      expectIssue(parseNoemie(junk as never), 'INPUT_TYPE', ['bytes']);
      expectIssue(decodeModeledArl(junk as never), 'INPUT_TYPE', ['bytes']);
    }
    expectIssue(parseNoemie(bytesOf(sampleFile()), { maxIssues: 'x' } as never), 'INPUT_TYPE', ['options', 'maxIssues']);
    expectIssue(parseNoemie(bytesOf(sampleFile()), { controlGrouping: 'lot' } as never), 'INPUT_ENUM', ['options', 'controlGrouping']);
  });
  test('streamNoemie / streamNoemieBatches: one INPUT_TYPE issue event for a string, an ArrayBuffer, a whole Uint8Array or a bad chunk', async () => {
    const b = bytesOf(sampleFile());
    for (const junk of [latin1(b), new ArrayBuffer(8), b, 42]) {
      const evs = await events(streamNoemie(junk as never));
      expect(evs.map((e) => (e.kind === 'issue' ? [e.issue.code, e.issue.path] : e.kind))).toEqual([['INPUT_TYPE', ['chunks']]]);
      expect(collectNoemie(evs).ok).toBe(false);
      const batches: (readonly NoemieEvent[])[] = [];
      for await (const batch of streamNoemieBatches(junk as never)) batches.push(batch);
      expect(batches.flat().map((e) => e.kind)).toEqual(['issue']);
    }
    const mixed = await events(streamNoemie([b.subarray(0, 128), 'x' as never]));
    expect(mixed.map((e) => e.kind)).toEqual(['header', 'issue']);
    expect(mixed[1]?.kind === 'issue' && mixed[1].issue.path).toEqual(['chunks', 1]);
    // A real stream still reads as before.
    expect(expectOk(collectNoemie(await events(streamNoemie([b]))))).toEqual(expectOk(parseNoemie(b)));
  });
  test('collectNoemie, serializeNoemie, serializeNoemieEntity, buildNoemieFile, serializeModeledArl: INPUT_* for junk', () => {
    expectIssue(collectNoemie('abc' as never), 'INPUT_TYPE', ['events']);
    expectIssue(collectNoemie([null] as never), 'INPUT_TYPE', ['events', 0]);
    expectIssue(serializeNoemie({ header: {}, entities: 3, trailer: {} } as never), 'INPUT_TYPE', ['entities']);
    expectIssue(serializeNoemieEntity(null as never), 'INPUT_TYPE');
    expectIssue(buildNoemieFile({ header: sampleFile().header, entities: [{ entity: '198', niveauRupture: '05' }] } as never), 'INPUT_MISSING', ['entities', 0, 'montantPaye']);
    expectIssue(serializeModeledArl({ statut: 'peut-être', lots: [] } as never), 'INPUT_ENUM', ['statut']);
  });
});

describe('parser and serializer agree', () => {
  test("an '@' inside a zone: refused by the serializer and by the parser, at the entity", () => {
    const file = sampleFile();
    const withAt = { ...file, entities: file.entities.map((e) => (e.entity === '294' ? { ...e, libelle: 'DROITS @ FICTIFS' } : e)) };
    expectIssue(serializeNoemie(withAt), 'NOEMIE_AT_IN_FIELD', ['entities', 8]);
    // Same bytes written by hand: the 294 libellé carries an '@'.
    const text = latin1(bytesOf(file));
    const at = text.indexOf('DROITS NON OUVERTS');
    const r = parseNoemie(bytes(`${text.slice(0, at + 7)}@${text.slice(at + 8)}`));
    expect(r.ok).toBe(false);
    expectIssue(r, 'NOEMIE_AT_IN_FIELD', ['entities', 8]);
  });
  test.prop([noemieFileArb], { numRuns: runs(40) })('serialize∘parse is the identity on canonical bytes', (file) => {
    const b = unwrap(serializeNoemie(file));
    expect(latin1(unwrap(serializeNoemie(expectOk(parseNoemie(b)))))).toBe(latin1(b));
  });
  const printable = fc.integer({ min: 0x20, max: 0x7e });
  test.prop([noemieFileArb, fc.array(fc.record({ at: fc.nat(), byte: fc.oneof(printable, fc.constant(0x40)) }), { minLength: 1, maxLength: 4 })], { numRuns: runs(200) })(
    'parse(x) ok ⇒ serialize(parse(x)) ok, and it parses back to the same file',
    (file, ms) => {
      const b = Uint8Array.from(unwrap(serializeNoemie(file)));
      for (const m of ms) b[m.at % b.length] = m.byte;
      const r = parseNoemie(b, { controlTotals: 'off' });
      if (!r.ok) return;
      const again = serializeNoemie(r.value);
      expect(again.ok).toBe(true);
      expect(expectOk(parseNoemie(unwrap(again), { controlTotals: 'off' }))).toEqual(r.value);
    },
  );
});

describe('ARL round trip still holds', () => {
  test('serializeModeledArl then decodeModeledArl', () => {
    const arl = { statut: 'positif' as const, identificationFichier: '000041', dateReception: '2025-03-11' as never, typeEmetteur: 'CP', numeroEmetteur: '00000000000751', numeroDestinataire: '00000012345678', lots: [] };
    expect(expectOk(decodeModeledArl(unwrap(serializeModeledArl(arl))))).toEqual(arl);
  });
});
