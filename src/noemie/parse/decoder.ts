/**
 * The NOEMIE PS record-level state machine, shared by `parseNoemie` (sync) and `streamNoemie`
 * (async): 000 header → payload records (flag `1` = last segment, its trailing blanks trimmed)
 * → 999 trailer → nothing (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers). It turns raw 128-byte records into events and
 * re-checks the 990 / 999 controls on the fly, in constant memory.
 */
import type { Issue, IssueDetails, Severity } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import { formatDecimal } from '../../core/money/index';
import { decodeLatin1 } from '../../internal/fixed-width/charset';
import { parseRecord } from '../../internal/fixed-width/parse';
import type { RawRecord } from '../../internal/fixed-width/reader';
import { NOEMIE_CODES } from '../codes';
import { LAYOUT_000, LAYOUT_999 } from '../records/index';
import type { NoemieEnTete, NoemieEntity, NoemieFinFichier } from '../types';
import type { DateContext } from './fastDecode';
import { createDateContext } from './fastDecode';
import type { ClosedGroup, GroupingAssumption } from './hierarchy';
import { createHierarchyWalk, defaultControlAmount } from './hierarchy';
import type { NoemieParseOptions } from './options';
import { DEFAULT_HEADER_REFERENCE, DEFAULT_MAX_ISSUES } from './options';
import { createEntityStream } from './entityStream';

const issue = createIssueFactory(NOEMIE_CODES);
const NOT_PRINTABLE = /[^\x20-\x7e]/;

/** Niveaux de rupture fixed by the public material (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers). */
const FIXED_NIVEAU: Readonly<Record<string, string>> = { '020': '01', '040': '02', '070': '02', '071': '02', '081': '02', '990': '99' };
/** The same, by type number (no string-keyed lookup per entity). */
const FIXED_BY_CODE: readonly (number | undefined)[] = /* @__PURE__ */ (() => {
  const t = new Array<number | undefined>(1000).fill(undefined);
  for (const [type, niveau] of Object.entries(FIXED_NIVEAU)) t[Number(type)] = Number(niveau);
  return t;
})();
/** What each assumed grouping means (French, for `NOEMIE_CONTROL_GROUPING`). */
const ASSUMPTIONS: Readonly<Record<GroupingAssumption, string>> = {
  nesting: 'règle d’imbrication (niveau ouvert le plus interne ayant des entités)',
  level: 'niveau ouvert dont les valeurs concordent, identification non reconnue',
  span: 'niveau étendu aux entités de même niveau qui suivent son entité d’ouverture',
};
const HEADER_FIELDS = ['typeEmetteur', 'numeroEmetteur', 'typeDestinataire', 'numeroDestinataire', 'identificationFichier'] as const;

/** Receives what the decoder reads, in file order (internal). */
export interface NoemieSink {
  readonly header: (header: NoemieEnTete, offset: number) => void;
  readonly entity: (entity: NoemieEntity, offset: number) => void;
  readonly trailer: (trailer: NoemieFinFichier, offset: number) => void;
  readonly issue: (issue: Issue) => void;
}

/** A record-level decoder (internal). */
export interface NoemieDecoder {
  /** Feeds one raw record. */
  readonly record: (rec: RawRecord) => void;
  /**
   * Feeds back-to-back 128-byte records (the reference framing, no line ends): `view` from
   * `latin1View`, the first record at `pos` (byte offset `abs` in the input, record number
   * `recordNo`), at most `count` of them. Returns how many were consumed (≥ 1 when `count` ≥ 1).
   * Same events as {@link NoemieDecoder.record} on each, but runs of continuation records are
   * decoded in one call and cut into entities in one pass.
   */
  readonly records: (view: Uint8Array, pos: number, count: number, abs: number, recordNo: number) => number;
  /** Signals the end of input. */
  readonly end: () => void;
  /** Whether `maxIssues` was reached (further input is ignored). */
  readonly stopped: () => boolean;
}

/** Largest run of continuation records decoded at once (8 KiB: one string of ≈ 8 K chars). */
const RUN_MAX = 64;
const NO_ISSUES: readonly Issue[] = /* @__PURE__ */ Object.freeze([]);

/** What a 990 closes, in French (for its control issues; module level: no closure per 990). */
function closure(closed: ClosedGroup): string {
  return `clôture du niveau ${String(closed.niveau).padStart(2, '0')} ouvert par l’entité ${closed.entity} n° ${closed.index}${closed.span ? ' et les entités de même niveau qui la suivent' : ''}`;
}

function isPadding(text: string): boolean {
  return /^[ \0\r\n\x1a]*$/.test(text);
}

function show(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Creates a decoder.
 *
 * @param options - Parser options (tolerances, control severity, max issues).
 * @returns The decoder.
 */
export function createNoemieDecoder(options: NoemieParseOptions, sink: NoemieSink): NoemieDecoder {
  const max = options.maxIssues ?? DEFAULT_MAX_ISSUES;
  const control = options.controlTotals ?? 'error';
  const controlSeverity: Severity = control === 'warning' ? 'warning' : 'error';
  const grouping = options.controlGrouping ?? 'identification';
  const walk = createHierarchyWalk({ amountOf: options.controlAmount ?? defaultControlAmount, grouping });
  let dates: DateContext = createDateContext(options.referenceDate ?? DEFAULT_HEADER_REFERENCE);
  let phase: 'header' | 'payload' | 'trailer' | 'after' | 'done' = 'header';
  let header: NoemieEnTete | undefined;
  let issues = 0;
  let capped = false;
  let errorKept = false;
  let stopped = false;
  let lineBreakHinted = false;
  let trailingReported = false;
  let payloadSeen = false;
  /** 990 findings no grouping explains, held until the 999 says whether its totals agree. */
  const deferred: { code: 'NOEMIE_CONTROL_COUNT' | 'NOEMIE_CONTROL_AMOUNT' | 'NOEMIE_CONTROL_ORPHAN'; details: IssueDetails }[] = [];
  const assumed = new Set<string>();

  // The cap keeps ok following severity: past `max` issues, warnings are dropped but reading goes
  // on until the first error (kept), so a file with many warnings and no error stays ok.
  const emit = (i: Issue): void => {
    if (stopped) return;
    const error = i.severity === 'error';
    if (capped) {
      if (!error) return;
      sink.issue(i);
      stopped = true;
      return;
    }
    sink.issue(i);
    if (error) errorKept = true;
    issues++;
    if (issues >= max) {
      sink.issue(issue('NOEMIE_MAX_ISSUES', { expected: String(max), severity: 'warning' }));
      capped = true;
      if (errorKept) stopped = true;
    }
  };

  const mismatch = (code: 'NOEMIE_CONTROL_COUNT' | 'NOEMIE_CONTROL_AMOUNT', index: number, offset: number, expected: string, received: string, what: string): void => {
    if (control === 'off' || expected === received) return;
    const details = { path: ['entities', index], source: { offset }, expected, received, message: `Entité 990 (${what}) : ${code === 'NOEMIE_CONTROL_COUNT' ? 'compteur' : 'cumul des montants'} ${received}, calculé ${expected}` };
    if (grouping === 'nesting') emit(issue(code, { ...details, severity: controlSeverity }));
    else if (deferred.length < max) deferred.push({ code, details });
  };

  /** Reports the held 990 findings: warnings when the 999 totals agree (`agree`), else with the control severity. */
  const flushDeferred = (agree: boolean): void => {
    for (const d of deferred) {
      const note = agree ? ' — totaux de la 999 concordants : regroupement non établi, signalé pour information' : '';
      emit(issue(d.code, { ...d.details, ...(d.details.message !== undefined ? { message: d.details.message + note } : {}), severity: agree ? 'warning' : controlSeverity }));
    }
    deferred.length = 0;
  };

  const onEntity = (e: NoemieEntity, index: number, offset: number, type: string, niveau: number): void => {
    const fixed = FIXED_BY_CODE[(type.charCodeAt(0) - 48) * 100 + (type.charCodeAt(1) - 48) * 10 + type.charCodeAt(2) - 48];
    if (fixed !== undefined && niveau !== fixed) {
      emit(issue('NOEMIE_NIVEAU_RUPTURE', { path: ['entities', index, 'niveauRupture'], source: { offset: offset + 3 }, expected: FIXED_NIVEAU[type] ?? String(fixed), received: e.niveauRupture }));
    }
    const closed = walk.next(e, index, type, niveau);
    if (closed === null) {
      if (control === 'off') {
        // nothing
      } else if (grouping === 'nesting') emit(issue('NOEMIE_CONTROL_ORPHAN', { path: ['entities', index], source: { offset }, severity: controlSeverity }));
      else if (deferred.length < max) deferred.push({ code: 'NOEMIE_CONTROL_ORPHAN', details: { path: ['entities', index], source: { offset } } });
    } else if (closed !== undefined && type === '990' && e.entity === '990' && control !== 'off') {
      if (closed.assumption !== undefined && !assumed.has(closed.assumption)) {
        assumed.add(closed.assumption);
        emit(issue('NOEMIE_CONTROL_GROUPING', { path: ['entities', index, 'identificationNiveau'], source: { offset: offset + 5 }, message: `Entité 990 : son identification du niveau de rupture « {received} » ne désigne pas le regroupement contrôlé ; lue selon l’hypothèse : ${ASSUMPTIONS[closed.assumption]} (${closure(closed)}) — première occurrence`, received: e.identificationNiveau }));
      }
      // Compare numbers; build the texts only for a mismatch (a 990 in ten in a return).
      const count = closed.compteur !== e.compteur;
      const amount = closed.cumul !== e.cumulMontants.centimes;
      if (count || amount) {
        if (count) mismatch('NOEMIE_CONTROL_COUNT', index, offset, String(closed.compteur), String(e.compteur), closure(closed));
        if (amount) mismatch('NOEMIE_CONTROL_AMOUNT', index, offset, formatDecimal({ centimes: closed.cumul }), formatDecimal(e.cumulMontants), closure(closed));
      }
    }
    if (!stopped) sink.entity(e, offset);
  };

  const entities = createEntityStream({ skipUnknownEntities: options.skipUnknownEntities === true, dates: () => dates }, { entity: onEntity, issue: emit });

  /** Re-checks the 999; returns whether its totals (records, lots, cumul) agree. */
  const checkTrailer = (t: NoemieFinFichier, rec: RawRecord): boolean => {
    const agree = t.nombreEnregistrements === rec.record && t.nombreLots === walk.lots() && t.cumulMontants.centimes === walk.total();
    if (control === 'off') return agree;
    const at = (column: number): { record: number; column: number; offset: number } => ({ record: rec.record, column, offset: rec.offset + column - 1 });
    const sev = { severity: controlSeverity };
    if (t.nombreEnregistrements !== rec.record) {
      emit(issue('NOEMIE_TRAILER_RECORDS', { path: ['trailer', 'nombreEnregistrements'], source: at(56), expected: String(rec.record), received: t.nombreEnregistrements, ...sev }));
    }
    if (t.nombreLots !== walk.lots()) {
      emit(issue('NOEMIE_TRAILER_LOTS', { path: ['trailer', 'nombreLots'], source: at(83), expected: String(walk.lots()), received: t.nombreLots, ...sev }));
    }
    if (t.cumulMontants.centimes !== walk.total()) {
      emit(issue('NOEMIE_TRAILER_AMOUNT', { path: ['trailer', 'cumulMontants'], source: at(86), expected: formatDecimal({ centimes: walk.total() }), received: formatDecimal(t.cumulMontants), ...sev }));
    }
    if (header === undefined) return agree;
    for (const f of HEADER_FIELDS) {
      if (t[f] !== header[f]) emit(issue('NOEMIE_TRAILER_HEADER', { path: ['trailer', f], source: at(1), expected: `${f} = ${header[f]}`, received: `${f} = ${t[f]}`, ...sev }));
    }
    return agree;
  };

  const onTrailer = (rec: RawRecord): void => {
    phase = 'after';
    if (!rec.text.startsWith('999')) {
      emit(issue('NOEMIE_TRAILER_EXPECTED', { path: ['trailer'], source: { record: rec.record, offset: rec.offset }, received: show(rec.text.slice(0, 3)) }));
      flushDeferred(false);
      return;
    }
    const r = parseRecord(LAYOUT_999, rec.text, { record: rec.record, offset: rec.offset, path: ['trailer'] });
    for (const x of r.issues) emit(x);
    if (!r.ok) {
      flushDeferred(false);
      return;
    }
    const t = r.value as NoemieFinFichier;
    if (!stopped) sink.trailer(t, rec.offset);
    flushDeferred(checkTrailer(t, rec));
  };

  const onHeader = (rec: RawRecord): void => {
    phase = 'payload';
    if (!rec.text.startsWith('000')) {
      emit(issue('NOEMIE_HEADER', { path: ['header'], source: { record: rec.record, offset: rec.offset }, received: show(rec.text.slice(0, 3)) }));
      return;
    }
    const r = parseRecord(LAYOUT_000, rec.text, { record: rec.record, offset: rec.offset, path: ['header'], referenceDate: options.referenceDate ?? DEFAULT_HEADER_REFERENCE });
    for (const x of r.issues) emit(x);
    if (!r.ok) return;
    header = r.value as NoemieEnTete;
    dates = createDateContext(header.dateCreation);
    if (header.longueurEnregistrement !== 128) {
      emit(issue('NOEMIE_RECORD_LENGTH', { path: ['header', 'longueurEnregistrement'], source: { record: 1, column: 83, offset: rec.offset + 82 }, expected: '128', received: header.longueurEnregistrement }));
    }
    if (!stopped) sink.header(header, rec.offset);
  };

  const onPayload = (rec: RawRecord): void => {
    const text = rec.text;
    if (entities.idle() && text.startsWith('999')) {
      if (payloadSeen) emit(issue('NOEMIE_LAST_SEGMENT', { source: { record: rec.record, offset: rec.offset } }));
      onTrailer(rec);
      return;
    }
    payloadSeen = true;
    const flag = text.charCodeAt(0);
    if ((flag === 10 || flag === 13) && !lineBreakHinted) {
      lineBreakHinted = true;
      emit(issue('NOEMIE_LINE_BREAK', { source: { record: rec.record, offset: rec.offset } }));
    }
    const last = flag === 49;
    let end = text.length;
    if (last) while (end > 1 && text.charCodeAt(end - 1) === 32) end--;
    entities.append(end === text.length ? text.slice(1) : text.slice(1, end), rec.offset + 1);
    entities.drain(last);
    if (last) phase = 'trailer';
  };

  const record = (rec: RawRecord): void => {
    if (stopped) return;
    if (phase === 'after' && isPadding(rec.text) && options.trailingPadding === true) return;
    for (const x of rec.issues) emit(x);
    switch (phase) {
      case 'header':
        onHeader(rec);
        break;
      case 'payload':
        onPayload(rec);
        break;
      case 'trailer':
        onTrailer(rec);
        break;
      case 'after':
      case 'done':
        if (!trailingReported) {
          trailingReported = true;
          emit(issue('NOEMIE_TRAILING_DATA', { source: { record: rec.record, offset: rec.offset }, received: `${rec.text.length}+` }));
        }
        break;
    }
  };

  const records = (view: Uint8Array, pos: number, count: number, abs: number, recordNo: number): number => {
    if (stopped || count <= 0) return 0;
    // Fast path: a run of continuation records (flag '0', never a 999) in the payload phase.
    let n = 0;
    if (phase === 'payload') {
      const limit = count < RUN_MAX ? count : RUN_MAX;
      while (n < limit && view[pos + n * 128] === 0x30) n++;
    }
    if (n === 0) {
      record({ text: decodeLatin1(view, pos, pos + 128), record: recordNo, offset: abs, issues: NO_ISSUES });
      return 1;
    }
    const block = decodeLatin1(view, pos, pos + n * 128);
    if (NOT_PRINTABLE.test(block)) {
      // Rare: let each record mark its own dirty region (exactly as record by record).
      for (let k = 0; k < n; k++) entities.append(block.slice(k * 128 + 1, k * 128 + 128), abs + k * 128 + 1);
    } else {
      entities.appendRun(block, n, abs + 1);
    }
    payloadSeen = true;
    entities.drain(false);
    return n;
  };

  const end = (): void => {
    flushDeferred(false);
    if (stopped) return;
    if (phase === 'header') emit(issue('NOEMIE_EMPTY'));
    else if (phase === 'payload') {
      entities.drain(true);
      if (payloadSeen) emit(issue('NOEMIE_LAST_SEGMENT'));
      emit(issue('NOEMIE_TRAILER_MISSING', { path: ['trailer'] }));
    } else if (phase === 'trailer') emit(issue('NOEMIE_TRAILER_MISSING', { path: ['trailer'] }));
    phase = 'done';
  };

  return { record, records, end, stopped: () => stopped };
}
