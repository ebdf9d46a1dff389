/**
 * Renders the generated SNDS modules (src/rules/snds/generated/*.generated.ts) from the CSV files
 * in data/snds/ (shared by `npm run referentiel:build` and the test that checks they are current).
 *
 * Compact form: one text per table, one line per row, cells separated by a tab, dates as
 * `YYYY-MM-DD` (empty when absent), sorted by code; numeric codes are written as the difference
 * with the previous row's code (empty for +1). See src/rules/snds/compact.ts. Only the columns
 * the library reads are kept, and no long labels: the tarball ships every module twice (ESM and
 * CJS) and must stay ≤ 1.5 MB packed (the NABM labels alone weigh 17 kB gzipped, the LPP codes
 * 24 kB, the LPP labels 145 kB, IR_ORG_V 256 kB).
 *
 * Source: « Source : CNAM / Health Data Hub, nomenclatures du SNDS, 2021 » (Licence Ouverte 2.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

/** `01JAN1996:00:00:00` → `1996-01-01`; empty stays empty. */
export function sasDate(text: string): string {
  if (text === '') return '';
  const m = /^(\d{2})([A-Z]{3})(\d{4})/.exec(text);
  const month = m === null ? undefined : MONTHS[m[2] ?? ''];
  if (m === null || month === undefined) throw new Error(`date SNDS illisible: ${text}`);
  return `${m[3]}-${month}-${m[1]}`;
}

/** `ferme le 31/12/2019` (PRS_NAT_OBS) → `2019-12-31`; anything else → empty. */
function closedOn(obs: string): string {
  const m = /ferm[ée]e? le (\d{2})\/(\d{2})\/(\d{4})/i.exec(obs);
  return m === null ? '' : `${m[3]}-${m[2]}-${m[1]}`;
}

/** `80.00` → `80`, `12.50` → `12.5`. */
function decimal(text: string): string {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`coefficient illisible: ${text}`);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A cell as written in the compact text (no tab, no line break; outer spaces trimmed). */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function read(dir: string, table: string): Row[] {
  const text = readFileSync(join(dir, `${table}.csv`), 'utf8');
  return parse(text, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true, relax_quotes: true }) as Row[];
}

/** Labels such as `"""MALADIE …"""` keep their text without the spreadsheet's extra quotes. */
function label(text: string | undefined): string {
  return cell(text).replace(/^"+|"+$/g, '');
}

function lines(rows: readonly string[][], key: (r: readonly string[]) => string | number): string {
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a), kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return sorted.map((r) => r.join('\t')).join('\n');
}

/** Numbers grouped by key, one line per key: `key\t1,3-5,9` (keys sorted). */
function grouped(pairs: readonly (readonly [string, number])[]): string {
  const byKey = new Map<string, number[]>();
  for (const [key, n] of pairs) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`numéro illisible: ${key} ${n}`);
    byKey.set(key, [...(byKey.get(key) ?? []), n]);
  }
  return [...byKey.keys()].sort().map((key) => {
    const nums = [...new Set(byKey.get(key))].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < nums.length;) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === (nums[j] as number) + 1) j++;
      parts.push(i === j ? String(nums[i]) : `${nums[i]}-${nums[j]}`);
      i = j + 1;
    }
    return `${key}\t${parts.join(',')}`;
  }).join('\n');
}

/** Rows sorted by their numeric code, the code written as the difference with the previous one. */
function deltaLines(rows: readonly string[][]): string {
  const sorted = [...rows].sort((a, b) => Number(a[0]) - Number(b[0]));
  let prev = 0;
  return sorted.map(([code, ...rest]) => {
    const n = Number(code);
    if (!Number.isSafeInteger(n) || n < 0 || String(n) !== code) throw new Error(`code numérique illisible: ${code}`);
    const d = n - prev;
    prev = n;
    return [d === 1 ? '' : String(d), ...rest].join('\t');
  }).join('\n');
}

/** The compact texts of every SNDS table the library ships, by constant name. */
export function sndsCompactTexts(dir: string): Record<string, string> {
  const num = (r: readonly string[]): number => Number(r[0]);
  // NABM: code, lettre, coefficient, création, coefficient en vigueur depuis, suppression.
  const nabm = deltaLines(read(dir, 'IR_BIO_R').map((r) => [
    cell(r['BIO_PRS_IDE']), cell(r['BIO_TAR_NAT']), r['BIO_TAR_COF'] === '' ? '' : decimal(cell(r['BIO_TAR_COF'])),
    sasDate(cell(r['BIO_CRE_DAT'])), sasDate(cell(r['BIO_HIS_DTD'])), sasDate(cell(r['BIO_SUP_DAT'])),
  ]));
  // Caisses: one line per prefix of the organisme de base (grand régime + C/A/M/I) and type,
  // then the caisse numbers as ranges (`01C\tRG\t11,21-22,…`).
  const caisses = grouped(read(dir, 'IR_CAI_V').map((r) => {
    const code = cell(r['ORG_BSE_NUM']);
    if (!/^\d{2}[A-Z]\d{3}$/.test(code)) throw new Error(`organisme de base illisible: ${code}`);
    return [`${code.slice(0, 3)}\t${cell(r['ORG_CAI_TYP'])}`, Number(code.slice(3))];
  }));
  // Régimes: one line per grand régime, then its petits régimes as ranges.
  const regimes = grouped(read(dir, 'IR_RGM_V').map((r) => [cell(r['RGM_GRG_COD']).padStart(2, '0'), Number(cell(r['RGM_COD']))]));
  // Natures de prestation: code, code B2 (lettre NGAP), fermeture (from PRS_NAT_OBS).
  const natures = deltaLines(read(dir, 'IR_NAT_V').map((r) => [cell(r['PRS_NAT']), cell(r['PRS_NAT_CB2']), closedOn(cell(r['PRS_NAT_OBS']))]));
  // Small tables, one section each (`#NAME` line, then rows).
  const small = [
    ['SPE', lines(read(dir, 'IR_SPE_V').map((r) => [cell(r['PFS_SPE_COD']), label(r['SPE_POS_LIB']), label(r['PFS_SPE_LIB'])]), num)],
    ['ASU', lines(read(dir, 'IR_ASU_V').map((r) => [cell(r['ASU_NAT']), cell(r['ASU_NAT_CB2']), label(r['ASU_NAT_LIB'])]), num)],
    ['EXO', lines(read(dir, 'IR_EXO_V').map((r) => [cell(r['EXO_MTF']), label(r['EXO_LIB'])]), num)],
    ['CNV', lines(read(dir, 'IR_CNV_V').map((r) => [cell(r['PFS_CNV_COD']), cell(r['PFS_CNV_SEC']), label(r['PFS_CNV_LIB'])]), num)],
  ].map(([name, text]) => `#${name}\n${text}`).join('\n');
  return { NABM_COMPACT: nabm, CAISSES_COMPACT: caisses, REGIMES_COMPACT: regimes, NATURES_PRESTATION_COMPACT: natures, NOMENCLATURES_COMPACT: small };
}

const FILES: Record<string, { file: string; what: string; tables: string }> = {
  NABM_COMPACT: { file: 'nabm.generated.ts', what: 'NABM acts (code, lettre, coefficient, dates; history up to 2019)', tables: 'IR_BIO_R' },
  CAISSES_COMPACT: { file: 'caisses.generated.ts', what: 'caisses (organisme de base: prefix, type, caisse numbers as ranges)', tables: 'IR_CAI_V' },
  REGIMES_COMPACT: { file: 'regimes.generated.ts', what: 'régimes (grand régime, petits régimes as ranges)', tables: 'IR_RGM_V' },
  NATURES_PRESTATION_COMPACT: { file: 'naturesPrestation.generated.ts', what: 'natures de prestation (code, code B2, fermeture)', tables: 'IR_NAT_V' },
  NOMENCLATURES_COMPACT: { file: 'nomenclatures.generated.ts', what: 'spécialités, natures d’assurance, motifs d’exonération, conventionnement', tables: 'IR_SPE_V, IR_ASU_V, IR_EXO_V, IR_CNV_V' },
};

/**
 * The generated modules' source texts.
 *
 * @param dir - data/snds.
 * @returns File name (in src/rules/snds/generated/) → source text.
 */
export function renderSndsModules(dir: string): Record<string, string> {
  const texts = sndsCompactTexts(dir);
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(texts)) {
    const f = FILES[name];
    if (f === undefined) throw new Error(name);
    out[f.file] = `/**
 * GENERATED by \`npm run referentiel:build\` from data/snds/ — do not edit.
 *
 * ${f.what}. Table(s) ${f.tables}.
 * Source : CNAM / Health Data Hub, nomenclatures du SNDS, 2021 (Licence Ouverte 2.0).
 * Compact form: see src/rules/snds/compact.ts.
 */

/** ${f.what} (compact text). */
export const ${name}: string = ${JSON.stringify(text)};
`;
  }
  return out;
}
