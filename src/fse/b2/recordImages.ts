/**
 * Where the B2 serializer writes records: a small buffer of record slots (one invoice at a time)
 * updated in place by the precompiled writers of `writers.generated.ts`, then copied to the
 * output chunk with one native copy per invoice.
 *
 * Each slot keeps the last record written there with its layout's state, so a batch of
 * invoices of the same shape (2, 2M?, 4…, 5) costs per record one read and compare per field
 * and the encoding of the changed fields only. The invoice prefix (columns 2-35, repeated on
 * every record of an invoice) is checked and encoded once, on the type 2, and copied to the
 * following records whose prefix values are the same. A record a writer declines goes through
 * `serializeRecord`, which gives the located issues (the zone is blank then).
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de codage
 */
import type { Issue, IssuePath } from '../../core/issues/index';
import { serializeRecord } from '../../internal/fixed-width/index';
import type { B2Facture } from './file';
import type { B2RecordType } from './records/index';
import { B2_LAYOUTS, B2_RECORD_LENGTH } from './records/index';
import type { B2WriterState } from './writers.generated';
import { createB2Writers } from './writers.generated';

/** Where records are written, and where their issues go. */
export interface Out {
  buf: Uint8Array;
  at: number;
  readonly onIssue: (issue: Issue) => void;
}

/** The record writers of `createRecordImages`. */
export interface RecordImages {
  /**
   * Writes one file or lot record (000, 1, 6, 999) at `o.at`; the caller made room for it.
   *
   * @param o - The output.
   * @param type - The record type.
   * @param value - The record.
   * @param lot - Lot index (-1 for 000 / 999).
   * @param part - `'debut'` or `'fin'` (issue path).
   */
  putRecord(o: Out, type: '000' | '1' | '6' | '999', value: object, lot: number, part: string): void;
  /**
   * Writes the records of an invoice (2, 2S?, 2M?, lines, 5) at `o.at`; the caller made room.
   *
   * @param o - The output.
   * @param f - The invoice.
   * @param lot - Lot index (issue paths).
   * @param facture - Invoice index in the lot (`Number.MAX_SAFE_INTEGER`: paths from the invoice).
   */
  putFacture(o: Out, f: B2Facture, lot: number, facture: number): void;
}

/** Path of a record: top level (lot < 0), lot level (facture < 0) or inside an invoice (line ≥ 0 for lines). */
function pathOf(lot: number, facture: number, part: string, line: number, sub: string): IssuePath {
  if (lot < 0) return [part];
  if (facture < 0) return ['lots', lot, part];
  const base = facture === Number.MAX_SAFE_INTEGER ? [] : ['lots', lot, 'factures', facture];
  return line < 0 ? [...base, part] : [...base, 'lignes', line, sub];
}

/**
 * Record slots, their writers and the functions that fill them, in one closure (V8 11 runs this
 * code about a third slower as top-level declarations of an ES module: see docs/adr/0002-hot-code-in-closures.md).
 * One instance serves a whole process: the writers run one after the other (no await inside).
 *
 * @returns `putRecord` and `putFacture`.
 */
export function createRecordImages(): RecordImages {
  const writers = createB2Writers();
  // the record length is read once here: hot code reads closure slots (docs/adr/0002-hot-code-in-closures.md)
  const RECORD = B2_RECORD_LENGTH;
  const { B2_WRITERS, copyPrefix, create2, create2M, create2S, create4, create4F, create4M, create5 } = writers;
  const { write2, write2M, write2S, write4, write4F, write4M, write5 } = writers;
  /** Record slots: an invoice of more records is written in several passes. */
  const SLOTS = 16;
  /** One more slot, for the file and lot records (so that they do not take the type 2's slot 0). */
  const TOP = SLOTS;
  const IMAGES = new Uint8Array((SLOTS + 1) * RECORD);
  const WORDS = new Int32Array(IMAGES.buffer);
  /** The first n slots, as views (no subarray per copy). */
  const VIEWS = Array.from({ length: SLOTS + 1 }, (_, n) => IMAGES.subarray(0, n * RECORD));
  const TOP_VIEW = IMAGES.subarray(TOP * RECORD);
  /** Index in TYPES of the record type whose image each slot holds (-1: none). */
  const OWNER = new Int8Array(SLOTS + 1).fill(-1);
  const TYPES = Object.keys(B2_LAYOUTS) as B2RecordType[];
  const slotsOf = <S>(create: () => S): S[] => Array.from({ length: SLOTS + 1 }, create);
  // a state per slot and record type (the invoice ones typed for the direct calls below)
  const S2 = slotsOf(create2);
  const S2S = slotsOf(create2S);
  const S2M = slotsOf(create2M);
  const S4 = slotsOf(create4);
  const S4M = slotsOf(create4M);
  const S4F = slotsOf(create4F);
  const S5 = slotsOf(create5);
  const INVOICE: Partial<Record<B2RecordType, B2WriterState[]>> = { '2': S2, '2S': S2S, '2M': S2M, '4': S4, '4M': S4M, '4F': S4F, '5': S5 };
  const STATES: readonly B2WriterState[][] = TYPES.map((t) => INVOICE[t] ?? slotsOf(B2_WRITERS[t].create));
  const T2 = TYPES.indexOf('2');
  const T2S = TYPES.indexOf('2S');
  const T2M = TYPES.indexOf('2M');
  const T4 = TYPES.indexOf('4');
  const T4M = TYPES.indexOf('4M');
  const T4F = TYPES.indexOf('4F');
  const T5 = TYPES.indexOf('5');

  /** The state of slot `j` for the type at index `t`: a slot that held another type is written in full. */
  function stateOf<S extends B2WriterState>(states: readonly S[], t: number, j: number): S {
    const s = states[j]!;
    if (OWNER[j] !== t) {
      OWNER[j] = t;
      s.r = false;
    }
    return s;
  }

  /**
   * The slow path of a record a writer declined: the `serializeRecord` text (blank on error) in
   * slot `j`, and its located issues.
   *
   * @returns false (the record was not written by the fast path).
   */
  function slow(o: Out, t: number, value: object, j: number, lot: number, facture: number, part: string, line: number, sub: string): false {
    const r = serializeRecord(B2_LAYOUTS[TYPES[t]!], value as never, { path: pathOf(lot, facture, part, line, sub) });
    const text = r.ok ? r.value : ' '.repeat(RECORD);
    const p = j * RECORD;
    for (let i = 0; i < RECORD; i++) IMAGES[p + i] = text.charCodeAt(i) & 0xff;
    for (const issue of r.issues) o.onIssue(issue);
    return false;
  }

  /** Copies the first `n` slots to the output. */
  function flush(o: Out, n: number): void {
    o.buf.set(VIEWS[n]!, o.at);
    o.at += n * RECORD;
  }

  /**
   * Writes one file or lot record (000, 1, 6, 999) at `o.at`; the caller made room for it.
   *
   * @param o - The output.
   * @param type - The record type.
   * @param value - The record.
   * @param lot - Lot index (-1 for 000 / 999).
   * @param part - `'debut'` or `'fin'` (issue path).
   */
  function putRecord(o: Out, type: '000' | '1' | '6' | '999', value: object, lot: number, part: string): void {
    const t = TYPES.indexOf(type);
    const s = stateOf(STATES[t]!, t, TOP);
    if (!B2_WRITERS[type].write(value as Readonly<Record<string, unknown>>, s, IMAGES, TOP * RECORD, false)) slow(o, t, value, TOP, lot, -1, part, -1, '');
    o.buf.set(TOP_VIEW, o.at);
    o.at += RECORD;
  }

  /**
   * Writes the records of an invoice (2, 2S?, 2M?, lines, 5) at `o.at`; the caller made room.
   *
   * @param o - The output.
   * @param f - The invoice.
   * @param lot - Lot index (issue paths).
   * @param facture - Invoice index in the lot (`Number.MAX_SAFE_INTEGER`: paths from the invoice).
   */
  function putFacture(o: Out, f: B2Facture, lot: number, facture: number): void {
    const b = IMAGES;
    const e = f.entete;
    // the prefix is copied from slot 0 while it holds this invoice's type 2, written without issue
    let head = write2(e, stateOf(S2, T2, 0), b, 0, false) || slow(o, T2, e, 0, lot, facture, 'entete', -1, '');
    // each record type compares at its own site (one hidden class per site)
    const ps = e.numeroPs;
    const nir = e.nirAssure;
    const cle = e.cleNir;
    const num = e.numeroFacture;
    let j = 1;
    const individu = f.individu;
    if (individu !== undefined) {
      const pd = head && individu.numeroPs === ps && individu.nirAssure === nir && individu.cleNir === cle && individu.numeroFacture === num;
      if (write2S(individu, stateOf(S2S, T2S, j), b, j * RECORD, pd)) {
        if (pd) copyPrefix(b, WORDS, j * RECORD);
      } else slow(o, T2S, individu, j, lot, facture, 'individu', -1, '');
      j++;
    }
    const amc = f.amc;
    if (amc !== undefined) {
      const pd = head && amc.numeroPs === ps && amc.nirAssure === nir && amc.cleNir === cle && amc.numeroFacture === num;
      if (write2M(amc, stateOf(S2M, T2M, j), b, j * RECORD, pd)) {
        if (pd) copyPrefix(b, WORDS, j * RECORD);
      } else slow(o, T2M, amc, j, lot, facture, 'amc', -1, '');
      j++;
    }
    const lignes = f.lignes;
    for (let k = 0; k < lignes.length; k++) {
      const l = lignes[k]!;
      if (j + 4 > SLOTS) {
        // room for this line (4, 4M, 4F) and the 5; the next slot 0 will not hold the type 2
        flush(o, j);
        j = 0;
        head = false;
      }
      const r = l.prestation;
      const pd = head && r.numeroPs === ps && r.nirAssure === nir && r.cleNir === cle && r.numeroFacture === num;
      if (write4(r, stateOf(S4, T4, j), b, j * RECORD, pd)) {
        if (pd) copyPrefix(b, WORDS, j * RECORD);
      } else slow(o, T4, r, j, lot, facture, 'lignes', k, 'prestation');
      j++;
      const ccam = l.ccam;
      if (ccam !== undefined) {
        const pdc = head && ccam.numeroPs === ps && ccam.nirAssure === nir && ccam.cleNir === cle && ccam.numeroFacture === num;
        if (write4M(ccam, stateOf(S4M, T4M, j), b, j * RECORD, pdc)) {
          if (pdc) copyPrefix(b, WORDS, j * RECORD);
        } else slow(o, T4M, ccam, j, lot, facture, 'lignes', k, 'ccam');
        j++;
      }
      const lpp = l.lpp;
      if (lpp !== undefined) {
        const pdl = head && lpp.numeroPs === ps && lpp.nirAssure === nir && lpp.cleNir === cle && lpp.numeroFacture === num;
        if (write4F(lpp, stateOf(S4F, T4F, j), b, j * RECORD, pdl)) {
          if (pdl) copyPrefix(b, WORDS, j * RECORD);
        } else slow(o, T4F, lpp, j, lot, facture, 'lignes', k, 'lpp');
        j++;
      }
    }
    const t = f.total;
    const pd = head && t.numeroPs === ps && t.nirAssure === nir && t.cleNir === cle && t.numeroFacture === num;
    if (write5(t, stateOf(S5, T5, j), b, j * RECORD, pd)) {
      if (pd) copyPrefix(b, WORDS, j * RECORD);
    } else slow(o, T5, t, j, lot, facture, 'total', -1, '');
    flush(o, j + 1);
  }

  return { putRecord, putFacture };
}
