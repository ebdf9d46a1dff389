/**
 * Where the B2 serializer writes records: record images (grouped by n° PS, one slot per record
 * type) updated in place by the precompiled writers of `writers.generated.ts`, each copied to
 * the output chunk with one native copy.
 *
 * Each slot keeps the last record written there with its layout's state, so invoices of the
 * same PS cost per record one read and compare per field
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
 * Record images, their writers and the functions that fill them, in one closure (V8 11 runs this
 * code about a third slower as top-level declarations of an ES module: see docs/adr/0002-hot-code-in-closures.md).
 * One instance serves a whole process: the writers run one after the other (no await inside).
 *
 * The images of the invoice records are kept in groups chosen by the invoice's n° PS (up to
 * `GROUPS` of them, reused round robin): the invoices of one PS share most zones (the PS's
 * identity, specialty, dates, routing), so the image a record updates differs from it in fewer
 * zones than the record written just before, whoever its PS (a mixed day: 6 PS, 13 shapes).
 * In a group each record type has its own slots (2, 2S, 2M, 5, and 4 / 4M / 4F per line rank
 * modulo `LINES`): an invoice with or without a 2M does not shift the images of its lines. Which
 * image is updated never changes the bytes: each image's state remembers what its bytes hold.
 *
 * @returns `putRecord` and `putFacture`.
 */
export function createRecordImages(): RecordImages {
  const writers = createB2Writers();
  // the record length is read once here: hot code reads closure slots (docs/adr/0002-hot-code-in-closures.md)
  const RECORD = B2_RECORD_LENGTH;
  const { B2_WRITERS, copyPrefix, create2, create2M, create2S, create4, create4F, create4M, create5 } = writers;
  const { write2, write2M, write2S, write4, write4F, write4M, write5 } = writers;
  /** Groups of invoice images (n° PS seen recently). */
  const GROUPS = 8;
  /** Line ranks with their own images in a group (a line of rank k uses the images of rank k % LINES). */
  const LINES = 4;
  /** Slots of a group: 2 (slot 0: the prefix is copied from it), 2S, 2M, 5, then 4 / 4M / 4F per line rank. */
  const SLOTS = 4 + 3 * LINES;
  const TYPES = Object.keys(B2_LAYOUTS) as B2RecordType[];
  const T2 = TYPES.indexOf('2');
  const T2S = TYPES.indexOf('2S');
  const T2M = TYPES.indexOf('2M');
  const T4 = TYPES.indexOf('4');
  const T4M = TYPES.indexOf('4M');
  const T4F = TYPES.indexOf('4F');
  const T5 = TYPES.indexOf('5');

  /** The images of one group and their states (fixed record type per slot). */
  interface Group {
    /** The n° PS of the last invoice written with this group (only a choice of images: any group writes any invoice right). */
    ps: unknown;
    readonly b: Uint8Array;
    readonly w: Int32Array;
    /** One 128-byte view per slot (no subarray per copy). */
    readonly v: readonly Uint8Array[];
    readonly s2: ReturnType<typeof create2>;
    readonly s2S: ReturnType<typeof create2S>;
    readonly s2M: ReturnType<typeof create2M>;
    readonly s5: ReturnType<typeof create5>;
    readonly s4: ReturnType<typeof create4>[];
    readonly s4M: ReturnType<typeof create4M>[];
    readonly s4F: ReturnType<typeof create4F>[];
  }
  function group(): Group {
    const b = new Uint8Array(SLOTS * RECORD);
    const lines = <S>(create: () => S): S[] => Array.from({ length: LINES }, create);
    return {
      ps: undefined, b, w: new Int32Array(b.buffer), v: Array.from({ length: SLOTS }, (_, j) => b.subarray(j * RECORD, (j + 1) * RECORD)),
      s2: create2(), s2S: create2S(), s2M: create2M(), s5: create5(), s4: lines(create4), s4M: lines(create4M), s4F: lines(create4F),
    };
  }
  const G: readonly Group[] = Array.from({ length: GROUPS }, group);
  /** The group used last, and the next one to reuse for an unseen n° PS. */
  let last = 0;
  let next = 0;
  /** The group of an invoice's n° PS (compared as given: a value that is not a string only picks a group). */
  function groupOf(ps: unknown): Group {
    if (G[last]!.ps === ps) return G[last]!;
    for (let i = 0; i < GROUPS; i++) {
      if (G[i]!.ps === ps) {
        last = i;
        return G[i]!;
      }
    }
    last = next;
    next = (next + 1) % GROUPS;
    const g = G[last]!;
    g.ps = ps;
    return g;
  }
  /** The file and lot records (000, 1, 6, 999): a slot per type. */
  const TOP = new Uint8Array(TYPES.length * RECORD);
  const TOP_VIEWS = TYPES.map((_, t) => TOP.subarray(t * RECORD, (t + 1) * RECORD));
  const TOP_STATES: readonly B2WriterState[] = TYPES.map((t) => B2_WRITERS[t].create());

  /**
   * The slow path of a record a writer declined: the `serializeRecord` text (blank on error) at
   * `b[p]`, and its located issues.
   *
   * @returns false (the record was not written by the fast path).
   */
  function slow(o: Out, t: number, value: object, b: Uint8Array, p: number, lot: number, facture: number, part: string, line: number, sub: string): false {
    const r = serializeRecord(B2_LAYOUTS[TYPES[t]!], value as never, { path: pathOf(lot, facture, part, line, sub) });
    const text = r.ok ? r.value : ' '.repeat(RECORD);
    for (let i = 0; i < RECORD; i++) b[p + i] = text.charCodeAt(i) & 0xff;
    for (const issue of r.issues) o.onIssue(issue);
    return false;
  }

  /** Copies a record image to the output. */
  function put(o: Out, image: Uint8Array): void {
    o.buf.set(image, o.at);
    o.at += RECORD;
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
    if (!B2_WRITERS[type].write(value as Readonly<Record<string, unknown>>, TOP_STATES[t]!, TOP, t * RECORD, false)) slow(o, t, value, TOP, t * RECORD, lot, -1, part, -1, '');
    put(o, TOP_VIEWS[t]!);
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
    const e = f.entete;
    // each record type compares at its own site (one hidden class per site)
    const ps = e.numeroPs;
    const g = groupOf(ps);
    const b = g.b;
    const w = g.w;
    const v = g.v;
    // the prefix is copied from slot 0, which holds this invoice's type 2 when written without issue
    const head = write2(e, g.s2, b, 0, false) || slow(o, T2, e, b, 0, lot, facture, 'entete', -1, '');
    put(o, v[0]!);
    const nir = e.nirAssure;
    const cle = e.cleNir;
    const num = e.numeroFacture;
    const individu = f.individu;
    if (individu !== undefined) {
      const pd = head && individu.numeroPs === ps && individu.nirAssure === nir && individu.cleNir === cle && individu.numeroFacture === num;
      if (write2S(individu, g.s2S, b, RECORD, pd)) {
        if (pd) copyPrefix(b, w, RECORD);
      } else slow(o, T2S, individu, b, RECORD, lot, facture, 'individu', -1, '');
      put(o, v[1]!);
    }
    const amc = f.amc;
    if (amc !== undefined) {
      const pd = head && amc.numeroPs === ps && amc.nirAssure === nir && amc.cleNir === cle && amc.numeroFacture === num;
      if (write2M(amc, g.s2M, b, 2 * RECORD, pd)) {
        if (pd) copyPrefix(b, w, 2 * RECORD);
      } else slow(o, T2M, amc, b, 2 * RECORD, lot, facture, 'amc', -1, '');
      put(o, v[2]!);
    }
    const lignes = f.lignes;
    for (let k = 0; k < lignes.length; k++) {
      const l = lignes[k]!;
      const i = k % LINES;
      const j = 4 + 3 * i;
      const r = l.prestation;
      const pd = head && r.numeroPs === ps && r.nirAssure === nir && r.cleNir === cle && r.numeroFacture === num;
      if (write4(r, g.s4[i]!, b, j * RECORD, pd)) {
        if (pd) copyPrefix(b, w, j * RECORD);
      } else slow(o, T4, r, b, j * RECORD, lot, facture, 'lignes', k, 'prestation');
      put(o, v[j]!);
      const ccam = l.ccam;
      if (ccam !== undefined) {
        const pdc = head && ccam.numeroPs === ps && ccam.nirAssure === nir && ccam.cleNir === cle && ccam.numeroFacture === num;
        if (write4M(ccam, g.s4M[i]!, b, (j + 1) * RECORD, pdc)) {
          if (pdc) copyPrefix(b, w, (j + 1) * RECORD);
        } else slow(o, T4M, ccam, b, (j + 1) * RECORD, lot, facture, 'lignes', k, 'ccam');
        put(o, v[j + 1]!);
      }
      const lpp = l.lpp;
      if (lpp !== undefined) {
        const pdl = head && lpp.numeroPs === ps && lpp.nirAssure === nir && lpp.cleNir === cle && lpp.numeroFacture === num;
        if (write4F(lpp, g.s4F[i]!, b, (j + 2) * RECORD, pdl)) {
          if (pdl) copyPrefix(b, w, (j + 2) * RECORD);
        } else slow(o, T4F, lpp, b, (j + 2) * RECORD, lot, facture, 'lignes', k, 'lpp');
        put(o, v[j + 2]!);
      }
    }
    const t = f.total;
    const pd = head && t.numeroPs === ps && t.nirAssure === nir && t.cleNir === cle && t.numeroFacture === num;
    if (write5(t, g.s5, b, 3 * RECORD, pd)) {
      if (pd) copyPrefix(b, w, 3 * RECORD);
    } else slow(o, T5, t, b, 3 * RECORD, lot, facture, 'total', -1, '');
    put(o, v[3]!);
  }

  return { putRecord, putFacture };
}
