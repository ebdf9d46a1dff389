/**
 * SCOR lots (modeled layout behind the ScorLotCodec port): pièces tied to their invoice and FSE
 * lot, the dégradé control, the manifest bookkeeping, the modeled codec's round trip and the
 * SCOR ARL reconciliation.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fc } from '@fast-check/vitest';
import { createHash } from 'node:crypto';
import { applyScorArl, buildScorLot, buildScorPiece, createModeledScorLotCodec, findScorPieces } from '../../src/scor/index';
import type { ScorArl, ScorPiece } from '../../src/scor/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { makePng } from './images';

const AT = '2026-03-10T18:00:00+01:00';
const OPTS = { numeroLot: 12, numeroPs: '991234567', dateCreation: '2026-03-10' };
const codec = createModeledScorLotCodec();
let ordo: ScorPiece;
let fsd: ScorPiece;

beforeAll(async () => {
  const scan = makePng({ width: 400, height: 560, colourType: 0, bitDepth: 8, dpi: 150 });
  ordo = expectOk(await buildScorPiece({ numeroFacture: 101, dateFacturation: '2026-03-10', nature: 'ordonnance', numeroLot: 3, scans: [scan] }, { at: AT, minPageMm: 10 }));
  fsd = expectOk(await buildScorPiece({ numeroFacture: 102, dateFacturation: '2026-03-10', nature: 'feuille-soins-degradee', numeroLot: 3, scans: [scan, scan] }, { at: AT, minPageMm: 10 }));
});

const invoices = [
  { numeroFacture: 101, prescrit: true, securisation: { mode: 'S' } },
  { numeroFacture: 102, securisation: { mode: 'D', justificatif: { support: 'scor' } } },
];

describe('buildScorLot', () => {
  test('ties each pièce to its invoice and FSE lot; the manifest says which pièce went where', async () => {
    const built = expectOk(await buildScorLot([ordo, fsd], { ...OPTS, invoices }));
    expect(built.lot.entries.map((e) => [e.numeroFacture, e.numeroLotFse, e.nature, e.pageCount])).toEqual([
      [101, 3, 'ordonnance', 1],
      [102, 3, 'feuille-soins-degradee', 2],
    ]);
    expect(built.manifest.entries[1]).toEqual({ numeroFacture: 102, dateFacturation: '2026-03-10', numeroLotFse: 3, nature: 'feuille-soins-degradee', pageCount: 2, sha256: createHash('sha256').update(fsd.pdf).digest('hex') });
    expect(JSON.parse(JSON.stringify(built.manifest))).toEqual(built.manifest); // plain data, storable as JSON
    expect(findScorPieces([built.manifest], 102)).toEqual([{ numeroLot: 12, entry: built.manifest.entries[1] }]);
    expect(findScorPieces([built.manifest], 999)).toEqual([]);
  });

  test('a dégradé FSE without its feuille de soins fails the lot (SCOR_PIECE_MISSING)', async () => {
    const r = await buildScorLot([ordo], { ...OPTS, invoices });
    expectIssue(r, 'SCOR_PIECE_MISSING', ['options', 'invoices', 1]);
  });

  test('empty, duplicate, too large, not a PDF/A, missing FSE lot: typed issues', async () => {
    expectIssue(await buildScorLot([], OPTS), 'SCOR_LOT_EMPTY', ['pieces']);
    expectIssue(await buildScorLot([ordo, ordo], OPTS), 'SCOR_LOT_DUPLICATE', ['pieces', 1]);
    expectIssue(await buildScorLot([ordo, fsd], { ...OPTS, maxPieces: 1 }), 'SCOR_LOT_TOO_LARGE', ['pieces']);
    const broken = { ...ordo, pdf: ordo.pdf.slice(0, 200) };
    const r = await buildScorLot([broken], OPTS);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.path.slice(0, 3)).toEqual(['pieces', 0, 'pdf']);
    const { numeroLot: _, ...unlinked } = ordo;
    expectIssue(await buildScorLot([unlinked], OPTS), 'INPUT_MISSING', ['pieces', 0, 'numeroLot']);
    expectIssue(await buildScorLot([ordo], { ...OPTS, numeroPs: 'x' }), 'INPUT_TYPE', ['options', 'numeroPs']);
  });
});

describe('modeled codec and ARL', () => {
  test('a lot round-trips through the modeled codec; corrupt bytes are SCOR_LOT_CORRUPT', async () => {
    const { lot } = expectOk(await buildScorLot([ordo, fsd], OPTS));
    const bytes = expectOk(codec.encodeLot(lot));
    expect(new TextDecoder().decode(bytes.subarray(0, 27))).toBe('SESAM-BILLING SCOR MODELE 1');
    const back = expectOk(codec.decodeLot(bytes));
    expect(back.entries.map((e) => Buffer.from(e.pdf).equals(Buffer.from(lot.entries[back.entries.indexOf(e)]!.pdf)))).toEqual([true, true]);
    expect({ ...back, entries: back.entries.map(({ pdf: _, ...e }) => e) }).toEqual({ ...lot, entries: lot.entries.map(({ pdf: _, ...e }) => e) });
    expectIssue(codec.decodeLot(bytes.slice(0, bytes.length - 1)), 'SCOR_LOT_CORRUPT');
    expectIssue(codec.decodeLot(new Uint8Array([1, 2, 3])), 'SCOR_LOT_CORRUPT');
  });

  test('ARL: accepted, a pièce refused, a lot refused, another lot', async () => {
    const { manifest } = expectOk(await buildScorLot([ordo, fsd], OPTS));
    const arl = (over: Partial<ScorArl>): ScorArl => expectOk(codec.parseArl(expectOk(codec.formatArl({ numeroLot: 12, numeroPs: '991234567', statut: 'accepte', pieces: [], ...over }))));
    const all = expectOk(applyScorArl(manifest, arl({ pieces: [{ numeroFacture: 101, nature: 'ordonnance', statut: 'acceptee' }, { numeroFacture: 102, nature: 'feuille-soins-degradee', statut: 'acceptee' }] })));
    expect(all.acceptees).toHaveLength(2);
    const partial = applyScorArl(manifest, arl({ pieces: [{ numeroFacture: 101, nature: 'ordonnance', statut: 'rejetee', motif: 'illisible' }, { numeroFacture: 7, nature: 'autre', statut: 'acceptee' }] }));
    expectIssue(partial, 'SCOR_ARL_REJECTED', ['arl', 'pieces', 0]);
    expectIssue(partial, 'SCOR_ARL_UNKNOWN_PIECE', ['arl', 'pieces', 1]);
    const p = expectOk(partial);
    expect(p.rejetees.map((r) => [r.entry.numeroFacture, r.motif])).toEqual([[101, 'illisible']]);
    expect(p.sansReponse.map((e) => e.numeroFacture)).toEqual([102]);
    const lotRejected = expectOk(applyScorArl(manifest, arl({ statut: 'rejete', motif: 'format' })));
    expect(lotRejected.rejetees).toHaveLength(2);
    expectIssue(applyScorArl(manifest, arl({ numeroLot: 13 })), 'SCOR_ARL_LOT_MISMATCH', ['arl', 'numeroLot']);
    expectIssue(codec.parseArl(new TextEncoder().encode('{"type":"ARL-SCOR"}')), 'SCOR_ARL_MALFORMED');
    expectIssue(codec.parseArl(new TextEncoder().encode('nope')), 'SCOR_ARL_MALFORMED');
  });
});

describe('properties', () => {
  test('any lot of (fake) pièces round-trips through the modeled codec', () => {
    const entry = fc.record({
      numeroFacture: fc.integer({ min: 1, max: 999_999_999 }),
      dateFacturation: fc.constantFrom('2026-01-31', '2026-03-10'),
      numeroLotFse: fc.integer({ min: 1, max: 999 }),
      nature: fc.constantFrom('ordonnance' as const, 'feuille-soins-degradee' as const, 'autre' as const),
      pageCount: fc.integer({ min: 1, max: 20 }),
      pdf: fc.uint8Array({ minLength: 1, maxLength: 300 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.array(entry, { minLength: 1, maxLength: 8 }), (numeroLot, entries) => {
        const lot = { numeroLot, numeroPs: '99123456', dateCreation: '2026-03-10', entries };
        const back = expectOk(codec.decodeLot(expectOk(codec.encodeLot(lot))));
        expect(back).toEqual(lot);
      }),
      { numRuns: runs(200) },
    );
  });

  test('junk never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (a, b) => {
        expect((await buildScorLot(a as never, b as never)).ok).toBe(false);
        expect(typeof applyScorArl(a as never, b as never).ok).toBe('boolean');
        expect(codec.decodeLot(a as never).ok).toBe(false);
        expect(codec.parseArl(a as never).ok).toBe(false);
        expect(typeof codec.encodeLot(a as never).ok).toBe('boolean');
        expect(typeof codec.formatArl(a as never).ok).toBe('boolean');
        expect(Array.isArray(findScorPieces(a as never, 1))).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});
