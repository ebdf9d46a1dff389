/**
 * Types and layouts agree on two fields reported as mismatched: 199 n° AMC destinataire is
 * alphanumeric (SPECS §1.3 gives it no numeric type; AMC identifiers may hold letters) and
 * 294 n° exécutant is an optional numeric zone (`undefined` ↔ zeros, like the whole engine).
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/date/index';
import { parseNoemie } from '../../src/noemie/parseNoemie';
import { serializeNoemieEntity } from '../../src/noemie/serializeNoemie';
import type { NoemieEntity, NoemiePartAmc, NoemieRejet } from '../../src/noemie/types';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { bytesOf, sampleFile } from './helpers';

/** Serialises a file around the entities (controls built) and parses it back. */
function roundTrip(entities: NoemieEntity[]): readonly NoemieEntity[] {
  return expectOk(parseNoemie(bytesOf(sampleFile(entities)))).entities;
}

const part199 = (numeroAmc: string): NoemiePartAmc => ({ entity: '199', niveauRupture: '05', montantDemande: { centimes: 1200 }, etat: 'P', montantPaye: { centimes: 1200 }, numeroAmc, numeroAdherentAmc: 'ADH 42' });
const rejet294 = (numeroExecutant?: string): NoemieRejet => ({
  entity: '294',
  niveauRupture: '05',
  codeRejet: 'MOD1',
  libelle: 'DROITS NON OUVERTS',
  niveauRejet: 'F',
  partRejet: 'O',
  naturePrestation: 'C',
  dateSoins: '2025-03-10' as PlainDate,
  ...(numeroExecutant === undefined ? {} : { numeroExecutant }),
  informationComplementaire: '',
});

describe('199 numeroAmc: alphanumeric, as typed', () => {
  test('letters round-trip (AMC77), as do digits and blank', () => {
    for (const n of ['AMC77', '0012345678', '']) {
      const e = part199(n);
      expect(roundTrip([e])).toEqual([e]);
    }
  });
  test('written left-aligned, blank-padded, at 24-33', () => {
    const text = expectOk(serializeNoemieEntity(part199('AMC77')));
    expect(text.slice(23, 33)).toBe('AMC77     ');
  });
});

describe('294 numeroExecutant: optional numeric, undefined ↔ zeros', () => {
  test('absent → zeros at 109-117 → absent', () => {
    const text = expectOk(serializeNoemieEntity(rejet294()));
    expect(text.slice(108, 117)).toBe('000000000');
    const back = roundTrip([rejet294()]);
    expect(back).toEqual([rejet294()]);
    expect('numeroExecutant' in (back[0] as object)).toBe(false);
  });
  test('nine digits round-trip', () => {
    expect(roundTrip([rejet294('751234567')])).toEqual([rejet294('751234567')]);
  });
  test("'' is not a value of the field: FW_NOT_NUMERIC names it", () => {
    expectIssue(serializeNoemieEntity(rejet294('')), 'FW_NOT_NUMERIC', ['entities', 0, 'numeroExecutant']);
  });
});

describe('properties', () => {
  const amc = fc.stringMatching(/^[A-Z0-9]{0,10}$/);
  const executant = fc.option(fc.stringMatching(/^\d{9}$/).filter((d) => /[1-9]/.test(d)), { nil: undefined });
  test.prop([amc, executant])('199 numeroAmc and 294 numeroExecutant round-trip', (n, x) => {
    expect(roundTrip([part199(n), rejet294(x)])).toEqual([part199(n), rejet294(x)]);
  });
});
