import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { collectNoemie, parseNoemie, streamNoemie } from '../../src/noemie/parseNoemie';
import { serializeNoemie, serializeNoemieEntity } from '../../src/noemie/serializeNoemie';
import type { NoemieEvent } from '../../src/noemie/types';
import { noemieFileArb, noemieLooseFileArb } from '../arbitraries/noemie';
import { bytes, bytesOf, chunked, latin1, sampleEntities, sampleFile } from './helpers';
import { runs } from '../helpers/runs';

async function collectStream(input: Iterable<Uint8Array>, options = {}): Promise<NoemieEvent[]> {
  const out: NoemieEvent[] = [];
  for await (const ev of streamNoemie(input, options)) out.push(ev);
  return out;
}

describe('entity layouts (positions of SPECS §1.3)', () => {
  test('040 is 21 bytes: type, niveau, n° destinataire, @', () => {
    expect(expectOk(serializeNoemieEntity({ entity: '040', niveauRupture: '02', numeroDestinataireReglement: '000000123456789' }))).toBe('04002000000123456789@');
  });
  test('198: demandé unsigned, état, payé with its N/P sign at 23, @ at 24', () => {
    const text = expectOk(serializeNoemieEntity({ entity: '198', niveauRupture: '05', montantDemande: { centimes: 2500 }, etat: 'P', montantPaye: { centimes: -300 } }));
    expect(text).toBe('1980500002500P00000300N@');
    expect(text.length).toBe(24);
  });
  test('every entity has its catalogue length (with @)', () => {
    const file = sampleFile();
    const lengths = Object.fromEntries(file.entities.map((e) => [e.entity, expectOk(serializeNoemieEntity(e)).length]));
    expect(lengths).toEqual({ '040': 21, '071': 86, '081': 22, '080': 15, '102': 40, '198': 24, '294': 153, '990': 43, '250': 47 });
  });
});

describe('parseNoemie', () => {
  test('reads a 580 return: header, entities in order, trailer, no issue', () => {
    const file = sampleFile();
    const r = parseNoemie(bytesOf(file));
    const v = expectOk(r);
    expect(r.issues).toEqual([]);
    expect(v).toEqual(file);
    expect(v.header.reference).toBe('0580');
    const paid = v.entities.find((e) => e.entity === '198');
    expect(paid).toMatchObject({ montantPaye: { centimes: 1750 }, etat: 'P' });
    expect(v.entities.find((e) => e.entity === '250')).toMatchObject({ montant: { centimes: -500 } });
  });

  test('the physical framing: 128-byte records, flag 0 then 1, trimmed last segment, 999 last', () => {
    const text = latin1(bytesOf(sampleFile()));
    expect(text.length % 128).toBe(0);
    const records = text.match(/.{128}/gs) ?? [];
    expect(records[0]?.slice(0, 3)).toBe('000');
    expect(records.at(-1)?.slice(0, 3)).toBe('999');
    const flags = records.slice(1, -1).map((r) => r[0]);
    expect(flags.at(-1)).toBe('1');
    expect(flags.slice(0, -1).every((f) => f === '0')).toBe(true);
  });

  test('990 with a wrong cumul and a wrong 999: NOEMIE_CONTROL_AMOUNT error naming the lot and its byte offset', () => {
    const file = sampleFile();
    // A paid amount changed after the controls were computed: the lot's 990 and the 999 both disagree.
    const entities = file.entities.map((e, i) => (i === 5 && e.entity === '198' ? { ...e, montantPaye: { centimes: 1751 } } : e));
    const b = bytesOf({ ...file, entities });
    const r = parseNoemie(b);
    expect(r.ok).toBe(false);
    const i = expectIssue(r, 'NOEMIE_CONTROL_AMOUNT', ['entities', 9]);
    expect(i.severity).toBe('error');
    expect(i.message).toContain('080');
    expectIssue(r, 'NOEMIE_TRAILER_AMOUNT', ['trailer', 'cumulMontants']);
    expect(i.source?.offset).toBeGreaterThan(128);
    expect(latin1(b).slice(i.source?.offset ?? 0, (i.source?.offset ?? 0) + 3)).toBe('990');
  });

  test('990 with a wrong cumul but 999 totals that agree: a warning, never an error', () => {
    const file = sampleFile();
    const entities = file.entities.map((e) => (e.entity === '990' && e.identificationNiveau === '080012' ? { ...e, cumulMontants: { centimes: 999 } } : e));
    const r = parseNoemie(bytesOf({ ...file, entities }));
    expect(r.ok).toBe(true);
    expect(expectIssue(r, 'NOEMIE_CONTROL_AMOUNT', ['entities', 9]).severity).toBe('warning');
  });

  test('990 with a wrong counter: NOEMIE_CONTROL_COUNT; controlTotals warning / off', () => {
    const file = sampleFile();
    const entities = file.entities.map((e) => (e.entity === '990' ? { ...e, compteur: e.compteur + 1 } : e.entity === '198' ? { ...e, montantPaye: { centimes: e.montantPaye.centimes + 1 } } : e));
    const b = bytesOf({ ...file, entities });
    expect(expectIssue(parseNoemie(b), 'NOEMIE_CONTROL_COUNT', ['entities', 9]).severity).toBe('error');
    const w = parseNoemie(b, { controlTotals: 'warning' });
    expect(w.ok).toBe(true);
    expectIssue(w, 'NOEMIE_CONTROL_COUNT');
    expect(parseNoemie(b, { controlTotals: 'off' }).issues).toEqual([]);
  });

  test('999 re-checked: records, lots, cumul, header identity', () => {
    const file = sampleFile();
    const t = file.trailer;
    const bad = { ...file, trailer: { ...t, nombreEnregistrements: t.nombreEnregistrements + 1, nombreLots: 7, cumulMontants: { centimes: 1 }, identificationFichier: '000043' } };
    const r = parseNoemie(bytesOf(bad));
    expectIssue(r, 'NOEMIE_TRAILER_RECORDS', ['trailer', 'nombreEnregistrements']);
    expectIssue(r, 'NOEMIE_TRAILER_LOTS', ['trailer', 'nombreLots']);
    expectIssue(r, 'NOEMIE_TRAILER_AMOUNT', ['trailer', 'cumulMontants']);
    expectIssue(r, 'NOEMIE_TRAILER_HEADER', ['trailer', 'identificationFichier']);
  });

  test('an orphan 990 and a wrong fixed niveau are reported', () => {
    const file = sampleFile([{ entity: '990', niveauRupture: '99', identificationNiveau: '', compteur: 0, cumulMontants: { centimes: 0 } }, { entity: '040', niveauRupture: '03', numeroDestinataireReglement: '000000000000001' }]);
    const r = parseNoemie(bytesOf(file));
    expectIssue(r, 'NOEMIE_CONTROL_ORPHAN', ['entities', 0]);
    expectIssue(r, 'NOEMIE_NIVEAU_RUPTURE', ['entities', 1, 'niveauRupture']);
  });

  test('an empty return (no entity) is 000 then 999', () => {
    const file = sampleFile([]);
    const b = bytesOf(file);
    expect(b.length).toBe(256);
    expect(expectOk(parseNoemie(b))).toEqual(file);
  });

  test('field defects come from the engine with the entity path and offset', () => {
    const text = latin1(bytesOf(sampleFile()));
    const at = text.indexOf('1980500001750P');
    const broken = text.slice(0, at + 13) + 'X' + text.slice(at + 14);
    const r = parseNoemie(bytes(broken));
    const i = expectIssue(r, 'FW_ENUM', ['entities', 5, 'etat']);
    expect(i.source?.offset).toBe(at + 13);
  });
});

describe('framing defects and named tolerances', () => {
  const good = latin1(bytesOf(sampleFile()));

  test('CRLF line ends: NOEMIE_LINE_BREAK unless lineBreaks', () => {
    const crlf = bytesOf(sampleFile(), 'crlf');
    expectIssue(parseNoemie(crlf), 'NOEMIE_LINE_BREAK');
    expect(expectOk(parseNoemie(crlf, { lineBreaks: true }))).toEqual(sampleFile());
    expect(expectOk(parseNoemie(bytesOf(sampleFile(), 'lf'), { lineBreaks: true }))).toEqual(sampleFile());
  });

  test('trailing padding after 999: NOEMIE_TRAILING_DATA / FW_TRUNCATED_RECORD unless trailingPadding', () => {
    for (const pad of ['\x1a', '   \r\n', ' '.repeat(300)]) {
      const b = bytes(good + pad);
      expect(parseNoemie(b).ok).toBe(false);
      expect(expectOk(parseNoemie(b, { trailingPadding: true }))).toEqual(sampleFile());
    }
  });

  test('unknown entity: error, or skipped with a warning under skipUnknownEntities', () => {
    const file = sampleFile();
    const stream = file.entities.map((e) => expectOk(serializeNoemieEntity(e)));
    stream.splice(3, 0, '77701ABC@');
    const records = [good.slice(0, 128), ...(stream.join('').match(/.{1,127}/g) ?? []).map((p, i, all) => (i === all.length - 1 ? '1' : '0') + p.padEnd(127)), good.slice(-128)];
    const b = bytes(records.join(''));
    expectIssue(parseNoemie(b, { controlTotals: 'off' }), 'NOEMIE_UNKNOWN_ENTITY', ['entities', 3]);
    const r = parseNoemie(b, { skipUnknownEntities: true, controlTotals: 'off' });
    expect(expectOk(r).entities).toEqual(file.entities);
    expect(r.issues.map((i) => i.code)).toEqual(['NOEMIE_UNKNOWN_ENTITY']);
  });

  test('missing @: NOEMIE_DELIMITER, then resynchronised on the next @', () => {
    const at = good.indexOf('04002');
    const broken = good.slice(0, at + 20) + '#' + good.slice(at + 21);
    const r = parseNoemie(bytes(broken));
    expectIssue(r, 'NOEMIE_DELIMITER', ['entities', 0]);
  });

  test('truncated file, missing trailer, missing header, empty input', () => {
    expectIssue(parseNoemie(bytes(good.slice(0, 200))), 'NOEMIE_TRUNCATED_ENTITY');
    expectIssue(parseNoemie(bytes(good.slice(0, 200))), 'NOEMIE_TRAILER_MISSING');
    expectIssue(parseNoemie(bytes(good.slice(0, -128))), 'NOEMIE_TRAILER_MISSING');
    expectIssue(parseNoemie(bytes(good.slice(0, -100))), 'FW_TRUNCATED_RECORD');
    expectIssue(parseNoemie(bytes(good.slice(128))), 'NOEMIE_HEADER');
    expectIssue(parseNoemie(new Uint8Array(0)), 'NOEMIE_EMPTY');
  });

  test('record length other than 128 in the header: NOEMIE_RECORD_LENGTH', () => {
    const b = bytes(good.slice(0, 82) + '256' + good.slice(85));
    expectIssue(parseNoemie(b), 'NOEMIE_RECORD_LENGTH', ['header', 'longueurEnregistrement']);
  });

  test('maxIssues stops the reading with NOEMIE_MAX_ISSUES', () => {
    const garbage = bytes(good.slice(0, 128) + ('0' + 'Z'.repeat(126) + '@').repeat(50));
    const r = parseNoemie(garbage, { maxIssues: 5 });
    expect(r.issues.length).toBe(6);
    expectIssue(r, 'NOEMIE_MAX_ISSUES');
  });
});

describe('streamNoemie', () => {
  test('gives the same events as parseNoemie for chunks of 1, 7, 127, 128, 129 and 4096 bytes', async () => {
    const b = bytesOf(sampleFile());
    const expected = parseNoemie(b);
    for (const size of [1, 7, 127, 128, 129, 4096]) {
      const events = await collectStream(chunked(b, [size]));
      expect(collectNoemie(events)).toEqual(expected);
    }
  });
  test('entity events carry the byte offset of the entity in the input', async () => {
    const b = bytesOf(sampleFile());
    const text = latin1(b);
    const events = await collectStream([b]);
    for (const ev of events) if (ev.kind === 'entity') expect(text.slice(ev.offset, ev.offset + 3)).toBe(ev.entity.entity);
  });
});

describe('properties', () => {
  test.prop([noemieFileArb], { numRuns: runs(100) })('parse(serialize(x)) = x, no issue, for well-formed returns', (file) => {
    const r = parseNoemie(expectOk(serializeNoemie(file)));
    expect(r.issues).toEqual([]);
    expect(expectOk(r)).toEqual(file);
  });
  test.prop([noemieLooseFileArb], { numRuns: runs(200) })('parse(serialize(x)) = x for any entity sequence (controls off)', (file) => {
    expect(expectOk(parseNoemie(expectOk(serializeNoemie(file)), { controlTotals: 'off' }))).toEqual(file);
  });
  test.prop([noemieFileArb, fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 })], { numRuns: runs(60) })(
    'streaming over chunks of any size = parsing at once',
    async (file, sizes) => {
      const b = expectOk(serializeNoemie(file));
      expect(collectNoemie(await collectStream(chunked(b, sizes)))).toEqual(parseNoemie(b));
    },
  );
  test.prop([noemieFileArb])('the 999 cumul is the sum of 198/199 payé, 250 and 261 montants', (file) => {
    let total = 0;
    for (const e of file.entities) {
      if (e.entity === '198' || e.entity === '199') total += e.montantPaye.centimes;
      if (e.entity === '250' || e.entity === '261') total += e.montant.centimes;
    }
    expect(file.trailer.cumulMontants.centimes).toBe(total);
  });
});
