import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { unwrap } from '../../../src/core/issues/index';
import { decodeModeledArl, MODELED_ARL_DECODER, serializeModeledArl } from '../../../src/noemie/arl/modeledDecoder';
import type { Arl } from '../../../src/noemie/arl/types';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { noemieText } from '../../arbitraries/noemie';
import { runs } from '../../helpers/runs';

const NEGATIVE: Arl = {
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
};

describe('modeled ARL', () => {
  test('round trip through the port, with the lots and the reason', () => {
    const b = unwrap(serializeModeledArl(NEGATIVE));
    expect(b.length).toBe(4 * 128);
    expect(expectOk(MODELED_ARL_DECODER.decodeArl(b))).toEqual(NEGATIVE);
  });
  test('lot count mismatch, unknown record, empty input, negative without reason', () => {
    const text = Buffer.from(unwrap(serializeModeledArl(NEGATIVE))).toString('latin1');
    const dropLot = text.slice(0, 256) + text.slice(384);
    expectIssue(decodeModeledArl(new Uint8Array(Buffer.from(dropLot, 'latin1'))), 'ARL_LOT_COUNT');
    expectIssue(decodeModeledArl(new Uint8Array(Buffer.from('XYZ'.padEnd(128), 'latin1'))), 'ARL_RECORD');
    expectIssue(decodeModeledArl(new Uint8Array(0)), 'ARL_EMPTY');
    const { motif: _m, ...noReason } = NEGATIVE;
    const r = decodeModeledArl(unwrap(serializeModeledArl(noReason)));
    expect(r.ok).toBe(true);
    expectIssue(r, 'ARL_NEGATIVE_WITHOUT_REASON');
  });
});

describe('properties', () => {
  const lot = fc.record({ numeroLot: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')), statut: fc.constantFrom('positif' as const, 'negatif' as const) });
  test.prop([fc.constantFrom('positif' as const, 'negatif' as const), noemieText(6), fc.array(lot, { maxLength: 20 }), noemieText(40)])('decode(serialize(arl)) = arl', (statut, id, lots, libelle) => {
    const arl: Arl = { ...NEGATIVE, statut, identificationFichier: id, lots, motif: { code: 'X1', libelle: libelle === '' ? 'L' : libelle } };
    expect(expectOk(decodeModeledArl(unwrap(serializeModeledArl(arl))))).toEqual(arl);
  });
  test.prop([fc.uint8Array({ maxLength: 700 })], { numRuns: runs(2000) })('never throws on random bytes', (b) => {
    const r = decodeModeledArl(b);
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });
});
