/**
 * A newer CCAM loaded at run time (issue #11 §1, §4): the référentiel file (versioned JSON) round
 * trips, is checked, extends the shipped CCAM so the imported version ends each changed or
 * dropped act the day before it applies, and the versions used are named in the Decompte and the
 * trace's first step.
 *
 * The "newer" file is CNAM's V78 export given a later date and name (`CCAM V82`, 2026-07-01):
 * its content differs from the shipped V81 (19 acts absent, 4 present, 5 659 tariffs), which is
 * what a real newer version does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { isSesamError } from '../../../src/core/issues/index';
import { computeFacture, DEFAULT_REFERENTIEL, DEFAULT_TABLES, loadReferentiel, PARAMETRES_DEFAUT } from '../../../src/rules/index';
import type { Decompte, FactureInput, Referentiel, TableTarifs } from '../../../src/rules/index';
import {
  CCAM_COMPACT, extendCcamHistory, indexCcam, loadCcamFile, loadShippedCcam, parseReferentielJson, REFERENTIEL_FORMAT, serializeReferentielJson, withCcam,
} from '../../../src/rules/ccam/index';
import { buildCcamHistory, serializeCcamHistory } from '../../../src/rules/ccam/history';
import { parseCcamCsv } from '../../../src/rules/ccam/parseCcamCsv';
import type { CcamVersion } from '../../../src/rules/ccam/model';
import { factureG, ligne } from '../../arbitraries/facture';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'ccam');
const csv = (f: string): string => readFileSync(join(DIR, f), 'utf8');
const d = (s: string): PlainDate => s as PlainDate;

const v78 = expectOk(parseCcamCsv(csv('ccam-v78-2025-02-01.csv')));
const v81Text = csv('ccam-v81-2026-01-01.csv');
const v81 = expectOk(parseCcamCsv(v81Text));
const v82: CcamVersion = expectOk(parseCcamCsv(csv('ccam-v78-2025-02-01.csv'), { version: 'CCAM V82', applicable: d('2026-07-01') }));
const v82Json = serializeReferentielJson(v82, { importedFrom: 'ccam-v82.csv', generator: 'sesam-billing test' });

function ccam(code: string, date: string): FactureInput {
  return { ...factureG(), dateFacturation: d(date), lignes: [ligne(code, date)] } as FactureInput;
}

describe('référentiel file (JSON)', () => {
  it('is versioned and carries version, date, source and the act count', () => {
    const head = JSON.parse(v82Json) as Record<string, unknown>;
    expect(head).toMatchObject({ format: REFERENTIEL_FORMAT, formatVersion: 1, nomenclature: 'ccam', version: 'CCAM V82', applicable: '2026-07-01', actes: 8242, importedFrom: 'ccam-v82.csv' });
    expect(head['source']).toBe('CCAM version 82, CNAM, applicable 01/07/2026');
  });

  it('parse ∘ serialize keeps the version (BOM accepted)', () => {
    const f = expectOk(parseReferentielJson(`\uFEFF${v82Json}`));
    expect([f.version, f.applicable, f.actes, f.history.versions.length]).toEqual(['CCAM V82', '2026-07-01', 8242, 1]);
    expect(serializeCcamHistory(f.history)).toBe(serializeCcamHistory(expectOk(buildCcamHistory([v82]))));
  });

  it('refuses what it is not: bad JSON, another format, a newer format version, a tampered body', () => {
    expectIssue(parseReferentielJson('{"format":'), 'CCAM_FICHIER');
    expectIssue(parseReferentielJson('{"format":"other"}'), 'CCAM_FICHIER', ['format']);
    const head = JSON.parse(v82Json) as Record<string, unknown>;
    expectIssue(parseReferentielJson(JSON.stringify({ ...head, formatVersion: 2 })), 'CCAM_FICHIER_VERSION', ['formatVersion']);
    expectIssue(parseReferentielJson(JSON.stringify({ ...head, actes: 8241 })), 'CCAM_FICHIER', ['compact']);
    expectIssue(parseReferentielJson(JSON.stringify({ ...head, applicable: '2026-08-01' })), 'CCAM_FICHIER', ['compact']);
    expectIssue(parseReferentielJson(JSON.stringify({ ...head, applicable: '2026-02-30' })), 'INPUT_TYPE', ['applicable']);
    expectIssue(parseReferentielJson(JSON.stringify({ ...head, compact: 'X\tjunk' })), 'CCAM_CSV', ['compact']);
    // A two-version body is not one version.
    const two = serializeCcamHistory(expectOk(buildCcamHistory([v78, v81])));
    expectIssue(parseReferentielJson(JSON.stringify({ ...head, compact: two })), 'CCAM_FICHIER', ['compact']);
  });
});

describe('extendCcamHistory and loadCcamFile', () => {
  it('V78 extended with a V81 file is exactly the shipped V78 + V81 history', () => {
    const file = expectOk(parseReferentielJson(serializeReferentielJson(v81)));
    const extended = expectOk(extendCcamHistory(expectOk(buildCcamHistory([v78])), file.history));
    expect(serializeCcamHistory(extended) === CCAM_COMPACT).toBe(true);
  });

  it('a version the release already ships is ignored with a warning', () => {
    const r = loadCcamFile(serializeReferentielJson(v81));
    const table = expectOk(r);
    expect(table.version).toBe('CCAM V78 + CCAM V81');
    expectIssue(r, 'CCAM_VERSION_DEJA_CHARGEE');
  });

  it('a version not after the shipped ones is refused', () => {
    const old = expectOk(parseCcamCsv(v81Text, { version: 'CCAM V80', applicable: d('2025-09-01') }));
    expectIssue(loadCcamFile(serializeReferentielJson(old)), 'CCAM_VERSIONS_ORDER');
  });

  it('junk options and text are INPUT_* issues', () => {
    expectIssue(loadCcamFile(v82Json, { base: 'nope' } as never), 'INPUT_TYPE', ['options', 'base']);
    expectIssue(loadCcamFile(42 as never), 'INPUT_TYPE', ['text']);
  });
});

describe('pricing with an imported newer version', () => {
  const table: TableTarifs = expectOk(loadCcamFile(v82Json));
  const referentiel: Referentiel = expectOk(loadReferentiel([...DEFAULT_TABLES, table]));
  const price = (code: string, date: string, ref: Referentiel = referentiel): Decompte => expectOk(computeFacture(ccam(code, date), { referentiel: ref }));

  it('the table names the three versions', () => {
    expect(table.version).toBe('CCAM V78 + CCAM V81 + CCAM V82');
  });

  it('the imported version ends the previous one the day before it applies', () => {
    expect(price('AALA002', '2025-06-02').lignes[0]?.prixUnitaire.centimes).toBe(27674); // V78
    expect(price('AALA002', '2026-06-30').lignes[0]?.prixUnitaire.centimes).toBe(28066); // V81, last day
    expect(price('AALA002', '2026-07-01').lignes[0]?.prixUnitaire.centimes).toBe(27674); // "V82"
  });

  it('an act the newer version drops is refused from its date; one it brings back is priced', () => {
    expect(price('AANB256', '2026-06-30').lignes[0]?.prixUnitaire.centimes).toBeGreaterThan(0);
    expectIssue(computeFacture(ccam('AANB256', '2026-07-01'), { referentiel }), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expectIssue(computeFacture(ccam('YYYY600', '2026-06-30'), { referentiel }), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expect(price('YYYY600', '2026-07-01').lignes[0]?.sourceTarif).toBe('CCAM version 82, CNAM, applicable 01/07/2026');
  });

  it('the lazy index (withCcam) over the extended history prices the same', () => {
    const file = expectOk(parseReferentielJson(v82Json));
    const extended = expectOk(extendCcamHistory(expectOk(loadShippedCcam()), file.history));
    const lazy = withCcam(DEFAULT_REFERENTIEL, expectOk(indexCcam(serializeCcamHistory(extended))));
    for (const [code, date] of [['AALA002', '2026-06-30'], ['AALA002', '2026-07-01'], ['YYYY600', '2026-07-01'], ['AHQB024', '2026-09-15']] as const) {
      expect(price(code, date, lazy).lignes[0]?.prixUnitaire).toEqual(price(code, date).lignes[0]?.prixUnitaire);
    }
  });
});

describe('versions named in the Decompte and the trace', () => {
  it('default référentiel: the NGAP tables and the parameters', () => {
    const dec = expectOk(computeFacture(factureG()));
    expect(dec.versions).toEqual([...DEFAULT_TABLES.map((t) => t.version), PARAMETRES_DEFAUT.version]);
    expect(dec.trace[0]?.rule).toBe('contexte');
    expect(dec.trace[0]?.inputs['versions']).toBe(dec.versions.join(' ; '));
  });

  it('with the CCAM, each CCAM version is listed (loadReferentiel and withCcam alike)', () => {
    const table = expectOk(loadCcamFile(v82Json));
    const loaded = expectOk(loadReferentiel([...DEFAULT_TABLES, table]));
    const dec = expectOk(computeFacture(ccam('AALA002', '2026-07-02'), { referentiel: loaded }));
    expect(dec.versions.slice(-4)).toEqual(['CCAM V78', 'CCAM V81', 'CCAM V82', PARAMETRES_DEFAUT.version]);
    const lazy = withCcam(DEFAULT_REFERENTIEL, expectOk(indexCcam(CCAM_COMPACT)));
    const dec2 = expectOk(computeFacture(ccam('AALA002', '2026-03-02'), { referentiel: lazy }));
    expect(dec2.versions.slice(-3)).toEqual(['CCAM V78', 'CCAM V81', PARAMETRES_DEFAUT.version]);
    expect(dec2.trace[0]?.inputs['versions']).toMatch(/CCAM V78 ; CCAM V81 ; /);
  });
});

describe('properties', () => {
  test.prop([fc.anything()], { numRuns: runs(300) })('junk gives a Result, never a TypeError', (junk) => {
    for (const f of [() => parseReferentielJson(junk as string), () => loadCcamFile(junk as string), () => loadCcamFile(v82Json.slice(0, 200), junk as never)]) {
      try {
        expect(typeof f().ok).toBe('boolean');
      } catch (e) {
        expect(isSesamError(e)).toBe(true);
      }
    }
  });

  const head = JSON.parse(serializeReferentielJson({ ...v82, actes: v82.actes.slice(0, 40) })) as Record<string, unknown>;
  test.prop([fc.constantFrom(...Object.keys(head)), fc.anything()], { numRuns: runs(300) })('a file with any field replaced is read or refused with issues', (key, value) => {
    const r = parseReferentielJson(JSON.stringify({ ...head, [key]: value }));
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });
});
