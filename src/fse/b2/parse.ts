/**
 * parseB2File: bytes → B2 file model. Never throws: unknown records, bad fields, a broken
 * sequence and control totals that do not match (types 5, 6, 999) come back as issues located by
 * record number and column. At most `maxIssues` issues are reported: past the cap, warnings are
 * dropped and reading goes on until the first error (kept), so `ok` always follows severity.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM, juin 2007 avec errata (règles de présentation, enchaînement des séquences)
 */
import type { PlainDate } from '../../core/date/index';
import { field, guardBoolean, guardBytes, guardInteger, guardObject, guardPlainDate, inputErr } from '../../core/guard/index';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, hasErrors, resultOf } from '../../core/issues/index';
import { parseRecord, readRecords } from '../../internal/fixed-width/index';
import { FSE_CODES } from '../codes';
import { B2_CODES } from './codes';
import type { B2Facture, B2File, B2Ligne, B2Lot, LotTotals } from './file';
import { addInvoice, emptyLotTotals, invoiceTotalsOf } from './file';
import type { B2RecordType as B2Kind, Record000, Record1, Record2, Record4, Record5, Record6, Record999 } from './records/index';
import { B2_LAYOUTS, recordTypeOf } from './records/index';

const issue = createIssueFactory(FSE_CODES);
const b2Issue = createIssueFactory(B2_CODES);
/** What may follow each kind (undefined key = start of file). */
const NEXT: Readonly<Record<B2Kind | 'start', readonly B2Kind[]>> = {
  start: ['000'], '000': ['1', '999'], '1': ['2', '6'], '2': ['2S', '2M', '4'], '2S': ['2M', '4'], '2M': ['4'],
  '4': ['4M', '4F', '4', '5'], '4M': ['4', '5'], '4F': ['4', '5'], '5': ['2', '6'], '6': ['1', '999'], '999': [],
};

/** Options of {@link parseB2File}. */
export interface ParseB2Options {
  /** Report at most this many issues (default 100), then `FSE_TOO_MANY_ISSUES` (a warning) and the first error that follows. */
  readonly maxIssues?: number;
  /**
   * Century pivot of the 000 record's AAMMJJ date de création. Default `2049-12-31`
   * (the date reads as 20AA). Every later AAMMJJ date pivots on the file's own 000 date de
   * création; the machine's clock is never read.
   */
  readonly referenceDate?: PlainDate;
  /** @deprecated Since 0.3.0: renamed `referenceDate`; removed in the next minor release. */
  readonly reference?: PlainDate;
  /**
   * Tolerance: accept a CR LF (or LF) after each 128-character record (a file converted by a
   * text transfer). Off (default): the reference framing chains records with no line end, and
   * a line end after the first record is `B2_LINE_BREAK`, located at record 1, column 129.
   */
  readonly lineBreaks?: boolean;
}

/** Default pivot of the 000 date de création: AAMMJJ reads as 20AA (B2 files of the euro era, after 2001), as for NOEMIE headers. */
export const B2_HEADER_REFERENCE = '2049-12-31' as PlainDate;

/** Guards the arguments of {@link parseB2File} (shape only). */
function guardArgs(bytes: unknown, options: unknown): { bytes: Uint8Array; max: number; reference: PlainDate | undefined; lineBreaks: boolean } | Issue[] {
  const issues: Issue[] = [];
  const b = guardBytes(bytes, ['bytes'], issues);
  let max = 100;
  let reference: PlainDate | undefined;
  let lineBreaks = false;
  if (options !== undefined) {
    const o = guardObject(options, ['options'], issues);
    if (o !== undefined) {
      max = guardInteger(field(o, 'maxIssues'), ['options', 'maxIssues'], issues, { required: false, min: 1, max: 1_000_000 }) ?? 100;
      const key = field(o, 'referenceDate') === undefined && field(o, 'reference') !== undefined ? 'reference' : 'referenceDate';
      reference = guardPlainDate(field(o, key), ['options', key], issues, { required: false }) as PlainDate | undefined;
      lineBreaks = guardBoolean(field(o, 'lineBreaks'), ['options', 'lineBreaks'], issues, { required: false }) ?? false;
    }
  }
  return b === undefined || issues.length > 0 ? issues : { bytes: b, max, reference, lineBreaks };
}

interface OpenInvoice { entete: Record2; individu?: B2Facture['individu']; amc?: B2Facture['amc']; lignes: B2Ligne[]; startRecord: number }
interface OpenLot { debut: Record1; factures: B2Facture[]; totals: LotTotals; record: number }

/**
 * Reads an FSE/DRE B2 file.
 *
 * @param bytes - The file (records of 128 bytes back to back).
 * @param options - Issue cap, century pivot of the 000 date (`referenceDate`), line-end tolerance.
 * @returns The file (with warnings), or every issue found (`FW_*` field issues, `FSE_RECORD_*`,
 *   `FSE_INVOICE_TOTAL_MISMATCH`, `FSE_LOT_TOTAL_MISMATCH`, `FSE_FILE_TOTAL_MISMATCH`).
 * @example
 * const r = parseB2File(bytes);
 * if (!r.ok) for (const i of r.issues) console.log(i.code, i.source?.record, i.source?.column);
 */
export function parseB2File(bytes: Uint8Array, options?: ParseB2Options): Result<B2File> {
  const args = guardArgs(bytes, options);
  if (Array.isArray(args)) return inputErr(args);
  const { max } = args;
  const input = args.bytes;
  const issues: Issue[] = [];
  let reference = args.reference ?? B2_HEADER_REFERENCE;
  // Line ends: off, the first record boundary is checked (located issue); on, the reader
  // decides CR LF / LF / none from the bytes after the first record.
  const eol = input[128] === 0x0d && input[129] === 0x0a ? 2 : input[128] === 0x0a || input[128] === 0x0d ? 1 : 0;
  if (eol > 0 && !args.lineBreaks) {
    return err(b2Issue('B2_LINE_BREAK', { path: [], source: { record: 1, column: 129, offset: 128 }, received: eol === 2 ? 'CR LF' : input[128] === 0x0a ? 'LF' : 'CR' }));
  }
  const stride = args.lineBreaks ? 128 + eol : 128;
  let kept = -1;
  /** Applies the cap after each record; returns true when reading must stop (an error is kept). */
  const settle = (record: number): boolean => {
    if (kept < 0) {
      if (issues.length < max) return false;
      const head = issues.slice(0, max);
      const firstError = hasErrors(head) ? undefined : issues.slice(max).find((i) => i.severity === 'error');
      issues.length = 0;
      // A warning: the cap drops warnings only, the first error is kept (ok follows severity).
      issues.push(...head, issue('FSE_TOO_MANY_ISSUES', { expected: String(max), source: at(record), severity: 'warning', message: `Trop d’anomalies : seules les ${max} premières sont rapportées (et la première erreur qui suit)` }));
      if (firstError !== undefined) issues.push(firstError);
      kept = issues.length;
      return hasErrors(issues);
    }
    const extra = issues.splice(kept);
    const firstError = extra.find((i) => i.severity === 'error');
    if (firstError === undefined) return false;
    issues.push(firstError);
    return true;
  };
  let prev: B2Kind | 'start' = 'start';
  let debut: Record000 | undefined;
  let fin: Record999 | undefined;
  const lots: B2Lot[] = [];
  let lot: OpenLot | undefined;
  let inv: OpenInvoice | undefined;
  let count = 0;
  const at = (record: number, column = 1): { record: number; column: number; offset: number } => ({ record, column, offset: (record - 1) * stride + column - 1 });
  const mismatch = (code: 'FSE_INVOICE_TOTAL_MISMATCH' | 'FSE_LOT_TOTAL_MISMATCH' | 'FSE_FILE_TOTAL_MISMATCH', path: IssuePath, record: number, what: string, want: number, got: number): void => {
    if (want !== got) issues.push(issue(code, { path, source: at(record), expected: `${what} ${want}`, received: got }));
  };
  let stopped = false;
  for (const raw of readRecords(input, { recordLength: 128, lineEnds: args.lineBreaks ? 'auto' : 'none' })) {
    if (settle(raw.record)) {
      stopped = true;
      break;
    }
    count++;
    issues.push(...raw.issues);
    if (raw.text.length !== 128) {
      issues.push(issue('FSE_RECORD_LENGTH', { source: at(raw.record, raw.text.length + 1), expected: '128', received: raw.text.length }));
      continue;
    }
    const kind = recordTypeOf(raw.text);
    if (kind === undefined) {
      issues.push(issue('FSE_RECORD_UNKNOWN', { source: at(raw.record), received: raw.text.slice(0, 1) + (raw.text[35] ?? '') }));
      continue;
    }
    if (!NEXT[prev].includes(kind)) {
      issues.push(issue('FSE_RECORD_SEQUENCE', { source: at(raw.record), expected: NEXT[prev].join(', ') || 'fin', received: kind }));
      if (kind !== '999' && kind !== '000') continue;
    }
    const path: IssuePath = kind === '000' || kind === '999' ? [kind === '000' ? 'debut' : 'fin'] : ['lots', lots.length];
    const r = parseRecord(B2_LAYOUTS[kind], raw.text, { record: raw.record, offset: raw.offset, path, referenceDate: reference });
    issues.push(...r.issues);
    prev = kind;
    if (!r.ok) continue;
    const v = r.value as Record<string, unknown>;
    switch (kind) {
      case '000': debut = v as Record000; reference = debut.dateCreationFichier; break;
      case '1': lot = { debut: v as Record1, factures: [], totals: emptyLotTotals(), record: raw.record }; break;
      case '2': inv = { entete: v as Record2, lignes: [], startRecord: raw.record }; break;
      case '2S': if (inv) inv.individu = v as NonNullable<B2Facture['individu']>; break;
      case '2M': if (inv) inv.amc = v as NonNullable<B2Facture['amc']>; break;
      case '4': inv?.lignes.push({ prestation: v as Record4 }); break;
      case '4M': case '4F': {
        const last = inv?.lignes.pop();
        if (last && inv) inv.lignes.push(kind === '4M' ? { ...last, ccam: v as NonNullable<B2Ligne['ccam']> } : { ...last, lpp: v as NonNullable<B2Ligne['lpp']> });
        break;
      }
      case '5': {
        if (!inv || !lot) break;
        const total = v as Record5;
        const f: B2Facture = { entete: inv.entete, ...(inv.individu ? { individu: inv.individu } : {}), ...(inv.amc ? { amc: inv.amc } : {}), lignes: inv.lignes, total };
        const want = invoiceTotalsOf(inv.lignes);
        const p = ['lots', lots.length, 'factures', lot.factures.length, 'total'];
        mismatch('FSE_INVOICE_TOTAL_MISMATCH', [...p, 'nombreEnregistrementsType4'], raw.record, 'nombreEnregistrementsType4', want.nombreEnregistrementsType4, total.nombreEnregistrementsType4);
        for (const k of ['totalFacture', 'totalRemboursableAmo', 'totalParticipationAssure', 'totalRemboursableAmc'] as const) mismatch('FSE_INVOICE_TOTAL_MISMATCH', [...p, k], raw.record, k, want[k], total[k]?.centimes ?? 0);
        lot.factures.push(f);
        addInvoice(lot.totals, f);
        inv = undefined;
        break;
      }
      case '6': {
        if (!lot) break;
        const trailer = v as Record6;
        const t = lot.totals;
        const p = ['lots', lots.length, 'fin'];
        for (const k of ['nombreFactures', 'nombreLignesActes', 'nombreEnregistrementsType2', 'nombreEnregistrementsType5'] as const) mismatch('FSE_LOT_TOTAL_MISMATCH', [...p, k], raw.record, k, t[k], trailer[k]);
        for (const k of ['montantTotalFacture', 'montantTotalRemboursableAmo', 'montantTotalRemboursableAmc'] as const) mismatch('FSE_LOT_TOTAL_MISMATCH', [...p, k], raw.record, k, t[k], trailer[k].centimes);
        mismatch('FSE_LOT_TOTAL_MISMATCH', [...p, 'numeroLot'], raw.record, 'numeroLot', lot.debut.numeroLot, trailer.numeroLot);
        lots.push({ debut: lot.debut, factures: lot.factures, fin: trailer });
        lot = undefined;
        break;
      }
      case '999': {
        fin = v as Record999;
        mismatch('FSE_FILE_TOTAL_MISMATCH', ['fin', 'nombreLots'], raw.record, 'nombreLots', lots.length, fin.nombreLots);
        mismatch('FSE_FILE_TOTAL_MISMATCH', ['fin', 'volumeFichier'], raw.record, 'volumeFichier', count, fin.volumeFichier);
        if (debut !== undefined && debut.identificationFichier !== fin.identificationFichier) {
          issues.push(issue('FSE_FILE_TOTAL_MISMATCH', { path: ['fin', 'identificationFichier'], source: at(raw.record, 50), expected: debut.identificationFichier, received: fin.identificationFichier }));
        }
        break;
      }
    }
  }
  if (!stopped && (prev !== '999' || debut === undefined || fin === undefined)) {
    issues.push(issue('FSE_RECORD_SEQUENCE', { source: at(count + 1), expected: prev === 'start' ? '000' : (NEXT[prev].join(', ') || 'fin'), received: 'fin de fichier' }));
  }
  if (!stopped) settle(count + 1);
  if (debut === undefined || fin === undefined) {
    if (!hasErrors(issues)) issues.push(issue('FSE_RECORD_SEQUENCE', { source: at(count + 1), expected: '000 … 999', received: 'fin de fichier' }));
    return err(issues[0] as Issue, ...issues.slice(1));
  }
  return resultOf({ debut, lots, fin }, issues);
}
