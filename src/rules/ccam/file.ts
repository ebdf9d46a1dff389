/**
 * The référentiel file a vendor loads at run time, without a release: one CCAM version imported
 * from CNAM's CSV by `sesam referentiel import-ccam`, as versioned JSON.
 *
 * ```json
 * {
 *   "format": "sesam-billing/referentiel",
 *   "formatVersion": 1,
 *   "nomenclature": "ccam",
 *   "version": "CCAM V82",
 *   "applicable": "2026-07-01",
 *   "source": "CCAM version 82, CNAM, applicable 01/07/2026",
 *   "actes": 8270,
 *   "importedFrom": "CCAM_V82.csv",
 *   "generator": "sesam-billing 0.2.0",
 *   "compact": "V\tCCAM V82\t2026-07-01\t…\nA\tAAFA001\t2026-07-01\t…"
 * }
 * ```
 *
 * `compact` is the version in the compact text form of `serializeCcamHistory` (one version: every
 * act starts on `applicable`, none ends). A reader refuses a `formatVersion` it does not know
 * (`CCAM_FICHIER_VERSION`): a newer format needs a newer library. `importedFrom` and
 * `generator` are informative.
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { assert, createIssueFactory, resultOf } from '../../core/issues/index';
import { field, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { CCAM_CODES } from './codes';
import { buildCcamHistory, parseCcamHistory, serializeCcamHistory } from './history';
import type { CcamHistory, CcamVersion } from './model';

const issue = createIssueFactory(CCAM_CODES);

/** The `format` of a référentiel file. */
export const REFERENTIEL_FORMAT = 'sesam-billing/referentiel';
/** The `formatVersion` this library writes and reads. */
export const REFERENTIEL_FORMAT_VERSION = 1;
/** Largest référentiel file read (a CCAM version is about 1.5 MB). */
export const MAX_REFERENTIEL_JSON_LENGTH = 64 * 1024 * 1024;

/** A référentiel file once read. */
export interface ReferentielFile {
  readonly formatVersion: 1;
  readonly nomenclature: 'ccam';
  /** `'CCAM V82'`. */
  readonly version: string;
  /** First day the version applies. */
  readonly applicable: PlainDate;
  /** Citation of CNAM's file. */
  readonly source: string;
  /** Number of acts. */
  readonly actes: number;
  /** Name of the CSV it was imported from (informative). */
  readonly importedFrom?: string;
  /** What wrote it (informative). */
  readonly generator?: string;
  /** The version as a one-version history (for `extendCcamHistory`). */
  readonly history: CcamHistory;
}

/** Options of {@link serializeReferentielJson}. */
export interface SerializeReferentielOptions {
  /** Name of the CSV file (no folder). */
  readonly importedFrom?: string;
  /** What writes the file (`'sesam-billing 0.2.0'`). */
  readonly generator?: string;
}

/**
 * Writes one CCAM version (from `parseCcamCsv`) as a référentiel file.
 *
 * @param version - The version.
 * @param options - Informative fields.
 * @returns The JSON text (keys in a fixed order, one trailing line break).
 * @example
 * writeFileSync('ccam-v82.json', serializeReferentielJson(unwrap(parseCcamCsv(csv, { applicable: plainDate('2026-07-01') }))));
 */
export function serializeReferentielJson(version: CcamVersion, options: SerializeReferentielOptions = {}): string {
  const built = buildCcamHistory([version]);
  assert(built.ok, 'serializeReferentielJson expects a CcamVersion from parseCcamCsv');
  const o = guardObject(options, ['options'], [], { required: false }) ?? {};
  const importedFrom = guardString(field(o, 'importedFrom'), [], [], { required: false, max: 256 });
  const generator = guardString(field(o, 'generator'), [], [], { required: false, max: 256 });
  const file: Record<string, unknown> = {
    format: REFERENTIEL_FORMAT,
    formatVersion: REFERENTIEL_FORMAT_VERSION,
    nomenclature: 'ccam',
    version: version.version,
    applicable: version.applicable,
    source: version.source,
    actes: built.value.actes.size,
  };
  if (importedFrom !== undefined) file['importedFrom'] = importedFrom;
  if (generator !== undefined) file['generator'] = generator;
  file['compact'] = serializeCcamHistory(built.value);
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Reads a référentiel file (JSON text): format, version and content are checked.
 *
 * @param text - The file's text (a leading BOM is accepted).
 * @returns The file, or `CCAM_FICHIER` (not such a file, or its content disagrees with its header),
 *   `CCAM_FICHIER_VERSION` (a format this library does not know), `INPUT_*` (shape).
 */
export function parseReferentielJson(text: string): Result<ReferentielFile> {
  const guard: Issue[] = [];
  const input = guardString(text, ['text'], guard, { max: MAX_REFERENTIEL_JSON_LENGTH, expected: 'texte JSON du fichier de référentiel' });
  if (input === undefined) return inputErr(guard);
  let raw: unknown;
  try {
    raw = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  } catch {
    return inputErr([issue('CCAM_FICHIER', { received: 'JSON invalide' })]);
  }
  const o = guardObject(raw, [], guard);
  if (o === undefined) return inputErr(guard);
  if (field(o, 'format') !== REFERENTIEL_FORMAT) return inputErr([issue('CCAM_FICHIER', { path: ['format'], received: `format attendu « ${REFERENTIEL_FORMAT} »` })]);
  const formatVersion = guardInteger(field(o, 'formatVersion'), ['formatVersion'], guard, { min: 1, max: 1_000_000 });
  if (formatVersion === undefined) return inputErr(guard);
  if (formatVersion !== REFERENTIEL_FORMAT_VERSION) return inputErr([issue('CCAM_FICHIER_VERSION', { path: ['formatVersion'], expected: String(REFERENTIEL_FORMAT_VERSION), received: formatVersion })]);
  if (field(o, 'nomenclature') !== 'ccam') return inputErr([issue('CCAM_FICHIER_VERSION', { path: ['nomenclature'], expected: 'ccam', received: field(o, 'nomenclature') })]);
  const version = guardString(field(o, 'version'), ['version'], guard, { max: 64 });
  const applicable = guardPlainDate(field(o, 'applicable'), ['applicable'], guard);
  const source = guardString(field(o, 'source'), ['source'], guard, { max: 512 });
  const actes = guardInteger(field(o, 'actes'), ['actes'], guard, { min: 1, max: 100_000 });
  const importedFrom = guardString(field(o, 'importedFrom'), ['importedFrom'], guard, { required: false, max: 256 });
  const generator = guardString(field(o, 'generator'), ['generator'], guard, { required: false, max: 256 });
  const compact = guardString(field(o, 'compact'), ['compact'], guard, { max: MAX_REFERENTIEL_JSON_LENGTH });
  if (version === undefined || applicable === undefined || source === undefined || actes === undefined || compact === undefined || guard.length > 0) return inputErr(guard);
  const parsed = parseCcamHistory(compact);
  if (!parsed.ok) return inputErr(parsed.issues.map((i) => ({ ...i, path: ['compact', ...i.path] })));
  const h = parsed.value;
  const v = h.versions[0];
  const disagree = (what: string): Result<never> => inputErr([issue('CCAM_FICHIER', { path: ['compact'], received: what })]);
  if (h.versions.length !== 1 || v === undefined) return disagree(`${h.versions.length} versions dans « compact » (une attendue)`);
  if (v.version !== version || v.applicable !== applicable || v.source !== source) return disagree('version, date ou source de « compact » différente de l’en-tête');
  if (h.actes.size !== actes) return disagree(`${h.actes.size} actes dans « compact », ${actes} annoncés`);
  for (const periods of h.actes.values()) {
    const p = periods[0];
    if (periods.length !== 1 || p === undefined || p.validFrom !== applicable || p.validTo !== undefined || p.version !== version) return disagree(`acte ${p?.code ?? '?'} daté hors de la version`);
  }
  const file: { -readonly [K in keyof ReferentielFile]: ReferentielFile[K] } = { formatVersion: 1, nomenclature: 'ccam', version, applicable: applicable as PlainDate, source, actes, history: h };
  if (importedFrom !== undefined) file.importedFrom = importedFrom;
  if (generator !== undefined) file.generator = generator;
  return resultOf(file, []);
}
