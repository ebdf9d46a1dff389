/**
 * Mutation fuzz of the newer byte and text parsers (issue #10 §3: "keep that bar everywhere"):
 * valid inputs of the attestation text reader, the modeled ARL decoder and the modeled SCOR
 * codec (lot and ARL) are cut, spliced, byte-flipped and duplicated; every call returns a
 * Result (never throws), and the junk-derived messages never repeat a 13- or 15-digit run of the
 * input (a NIR). Time is bounded by the input caps (no wall-clock assertion here: bench/).
 * The SOAP reader (test/adr/soapFuzz.test.ts) and the INSi response (test/insi/response.test.ts)
 * are fuzzed in their own suites.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseAttestationText } from '../../src/adr/index';
import { decodeModeledArl, serializeModeledArl } from '../../src/noemie/index';
import { createModeledScorLotCodec } from '../../src/scor/index';
import { unwrap } from '../../src/core/issues/index';
import type { PlainDate } from '../../src/core/date/index';
import { runs } from '../helpers/runs';

type Edit = readonly [at: number, del: number, ins: Uint8Array];

const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.uint8Array({ maxLength: 8 }), fc.constantFrom(Uint8Array.of(0x0a), Uint8Array.of(0x0d), Uint8Array.of(0x7c), Uint8Array.of(0x22), Uint8Array.of(0x7b), Uint8Array.of(0x7d), Uint8Array.of(0x30, 0x31)))), { maxLength: 8 });

function mutate(base: Uint8Array, es: readonly Edit[], dup: number): Uint8Array {
  let b = Buffer.from(base);
  for (const [at, del, ins] of es) {
    const i = at % (b.length + 1);
    b = Buffer.concat([b.subarray(0, i), ins, b.subarray(i + del)]);
  }
  if (dup > 0 && b.length > 0) b = Buffer.concat([b, b.subarray(0, Math.min(b.length, dup * 37))]);
  return new Uint8Array(b);
}

/** The messages of a Result must not repeat a NIR-like digit run of the input. */
function leaksNir(input: string, r: { issues?: readonly { message: string }[] }): string | undefined {
  const runsIn = input.match(/\d{13,15}/g) ?? [];
  for (const i of r.issues ?? []) for (const d of runsIn) if (i.message.includes(d)) return `${d} in ${i.message.slice(0, 120)}`;
  return undefined;
}

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('attestation text reader', () => {
  const pages = [
    'AMC: 12345678\nConvention: SP\nCSR: 01\nAdhérent: 000123456\nValidité: du 01/01/2026 au 31/12/2026\nDUPONT LOUIS 1850575123456 78',
    '12345678 | SP | 01 | 000123456 | 01/01/2026 | 31/12/2026',
    'AMC 12345678 Convention SP Adhérent 42 Validité 01/01/26 au 31/12/26',
  ].map((t) => new TextEncoder().encode(t));
  it('the unmutated pages are read', () => {
    for (const p of pages) expect(parseAttestationText(new TextDecoder().decode(p), { referenceDate: '2026-05-01' as PlainDate }).ok).toBe(true);
  });
  test.prop([fc.constantFrom(...pages), edits, fc.nat({ max: 3 }), fc.boolean()], { numRuns: runs(3000) })('mutated pages: a Result, no NIR echoed', (base, es, dup, latin) => {
    const bytes = mutate(base, es, dup);
    const text = latin ? latin1(bytes) : new TextDecoder().decode(bytes);
    const r = parseAttestationText(text, { referenceDate: '2026-05-01' as PlainDate });
    expect(typeof r.ok).toBe('boolean');
    expect(leaksNir(text, r)).toBeUndefined();
  });
});

describe('modeled ARL decoder', () => {
  const arl = unwrap(
    serializeModeledArl({
      statut: 'negatif',
      identificationFichier: '000042',
      dateReception: '2025-03-11' as PlainDate,
      typeEmetteur: 'CP',
      numeroEmetteur: '00000000000751',
      numeroDestinataire: '00000012345678',
      motif: { code: 'M0001', libelle: 'LOT ILLISIBLE (MOTIF FICTIF)' },
      lots: [
        { numeroLot: '012', statut: 'positif', dateConstitution: '2025-03-10' as PlainDate, nombreFactures: 3 },
        { numeroLot: '013', statut: 'negatif', motif: { code: 'M0002', libelle: 'SIGNATURE INVALIDE (FICTIF)' } },
      ],
    }),
  );
  it('the unmutated ARL is read', () => {
    expect(decodeModeledArl(arl).ok).toBe(true);
  });
  test.prop([edits, fc.nat({ max: 20 })], { numRuns: runs(3000) })('mutated ARL bytes: a Result, no NIR echoed', (es, dup) => {
    const bytes = mutate(arl, es, dup);
    const r = decodeModeledArl(bytes);
    expect(typeof r.ok).toBe('boolean');
    expect(leaksNir(latin1(bytes), r)).toBeUndefined();
  });
});

describe('modeled SCOR codec', () => {
  const codec = createModeledScorLotCodec();
  const arl = unwrap(codec.formatArl({ numeroLot: 12, numeroPs: '991234567', statut: 'rejete', motif: 'FICTIF', pieces: [{ numeroFacture: 101, nature: 'ordonnance', statut: 'rejetee', motif: 'ILLISIBLE' }] } as never));
  const magic = new TextEncoder().encode('SESAM-BILLING SCOR MODELE 1\n{"numeroLot":12,"entries":[{"numeroFacture":101,"dateFacturation":"2026-03-10","numeroLotFse":1,"nature":"ordonnance","pageCount":1,"offset":0,"length":4}]}\n%PDF');
  it('the unmutated ARL is read', () => {
    expect(codec.parseArl(arl).ok).toBe(true);
  });
  test.prop([fc.constantFrom(arl, magic), edits, fc.nat({ max: 5 })], { numRuns: runs(3000) })('mutated lots and ARLs: a Result, no NIR echoed', (base, es, dup) => {
    const bytes = mutate(base, es, dup);
    for (const r of [codec.parseArl(bytes), codec.decodeLot(bytes)]) {
      expect(typeof r.ok).toBe('boolean');
      expect(leaksNir(latin1(bytes), r)).toBeUndefined();
    }
  });
});
