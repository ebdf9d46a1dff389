import { describe, expect, test } from 'vitest';
import { test as fcTest, fc } from '@fast-check/vitest';
import { buildScorPiece, validatePdfA, validateScorPieces } from '../../src/scor/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { PREFLIGHT, preflight } from '../helpers/preflight';
import { runs } from '../helpers/runs';
import { jpegFixture, makePng, withJfifDensity } from './images';

const AT = '2026-03-10T18:00:00+01:00';

describe('buildScorPiece', () => {
  test('a PDF/A-1b linked to its invoice, titled after it', async () => {
    const piece = expectOk(await buildScorPiece({ numeroFacture: 123, dateFacturation: '2026-03-10', nature: 'ordonnance', numeroLot: 7, scans: [withJfifDensity(jpegFixture('rgb-baseline'), 150)] }, { at: AT }));
    expect(piece).toMatchObject({ numeroFacture: 123, dateFacturation: '2026-03-10', nature: 'ordonnance', numeroLot: 7, pageCount: 1 });
    expectOk(await validatePdfA(piece.pdf));
    expect(Buffer.from(piece.pdf).toString('utf8')).toContain('Ordonnance — facture n° 123 du 2026-03-10');
    if (PREFLIGHT.available) expect(preflight({ piece: piece.pdf })['piece']?.errors).toBe('');
  }, 60_000);

  test('scan issues point into scans; the link is checked', async () => {
    const r = await buildScorPiece({ numeroFacture: 1, dateFacturation: '2026-03-10', nature: 'autre', scans: [makePng({ width: 300, height: 400, colourType: 2, bitDepth: 8, dpi: 150 }), makePng({ width: 300, height: 400, colourType: 6, bitDepth: 8, dpi: 150 })] });
    expectIssue(r, 'SCOR_IMAGE_TRANSPARENT', ['scans', 1]);
    expectIssue(await buildScorPiece({ numeroFacture: 0, dateFacturation: '2026-02-30', nature: 'x', scans: [] } as never), 'INPUT_RANGE', ['numeroFacture']);
    expectIssue(await buildScorPiece({ numeroFacture: 1, dateFacturation: '2026-02-30', nature: 'ordonnance', scans: [] }), 'INPUT_TYPE', ['dateFacturation']);
    expectIssue(await buildScorPiece({ numeroFacture: 1, dateFacturation: '2026-02-28', nature: 'x', scans: [] } as never), 'INPUT_ENUM', ['nature']);
    expectIssue(await buildScorPiece({ numeroFacture: 1, dateFacturation: '2026-02-28', nature: 'ordonnance', scans: [] }), 'SCOR_PAGE_COUNT');
  });
});

describe('validateScorPieces', () => {
  const degrade = (n: number, support = 'scor') => ({ numeroFacture: n, securisation: { mode: 'D', justificatif: { support } } });

  test('a dégradé invoice needs its feuille de soins, a prescribed one its ordonnance', () => {
    const r = validateScorPieces([degrade(1), { numeroFacture: 2, prescrit: true }, degrade(3, 'papier'), { numeroFacture: 4, securisation: { mode: 'S' } }], [{ numeroFacture: 2, nature: 'ordonnance' }]);
    expectIssue(r, 'SCOR_PIECE_MISSING', ['invoices', 0]);
    expect(r.ok).toBe(false);
    const covered = validateScorPieces([degrade(1), { numeroFacture: 2, prescrit: true }], [{ numeroFacture: 1, nature: 'feuille-soins-degradee' }, { numeroFacture: 2, nature: 'ordonnance' }]);
    expect(expectOk(covered).missing).toEqual([]);
  });

  test('a pièce without its invoice is a warning; a wrong nature does not count', () => {
    const r = validateScorPieces([degrade(1)], [{ numeroFacture: 1, nature: 'ordonnance' }, { numeroFacture: 9, nature: 'autre' }]);
    expectIssue(r, 'SCOR_PIECE_ORPHAN', ['pieces', 1]);
    expectIssue(r, 'SCOR_PIECE_MISSING', ['invoices', 0]);
    expect(validateScorPieces([], [{ numeroFacture: 9, nature: 'autre' }]).ok).toBe(true);
  });

  test('shape checked at the boundary', () => {
    expectIssue(validateScorPieces('x' as never, []), 'INPUT_TYPE', ['invoices']);
    expectIssue(validateScorPieces([{ numeroFacture: 'a' }] as never, []), 'INPUT_TYPE', ['invoices', 0, 'numeroFacture']);
  });
});

describe('properties', () => {
  fcTest.prop([fc.array(fc.record({ numeroFacture: fc.integer({ min: 1, max: 50 }), mode: fc.constantFrom('S', 'F', 'D'), papier: fc.boolean(), prescrit: fc.boolean() }), { maxLength: 20 })], { numRuns: runs(200) })(
    'pièces made for every need cover the lot',
    (rows) => {
      const invoices = rows.map((r) => ({ numeroFacture: r.numeroFacture, prescrit: r.prescrit, securisation: { mode: r.mode, justificatif: { support: r.papier ? 'papier' : 'scor' } } }));
      const pieces = rows.flatMap((r) => [
        ...(r.mode === 'D' && !r.papier ? [{ numeroFacture: r.numeroFacture, nature: 'feuille-soins-degradee' as const }] : []),
        ...(r.prescrit ? [{ numeroFacture: r.numeroFacture, nature: 'ordonnance' as const }] : []),
      ]);
      expect(expectOk(validateScorPieces(invoices, pieces)).missing).toEqual([]);
      if (pieces.length > 0) expect(validateScorPieces(invoices, pieces.slice(1)).ok).toBe(pieces.slice(1).some((p) => p.numeroFacture === pieces[0]!.numeroFacture && p.nature === pieces[0]!.nature));
    },
  );
});
