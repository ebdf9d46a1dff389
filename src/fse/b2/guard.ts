/**
 * Shape checks of the B2 writers' input (`serializeB2File`, `serializeB2Facture`): the
 * objects and lists the writers walk, with the record counts they need to size their buffer, in
 * the same single pass. Zone values themselves are checked by the generated writers (`FW_*`).
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM, juin 2007 avec errata (composition des envois)
 */
import { field, guardArray, guardEnum, guardMoney, guardObject, guardString } from '../../core/guard/index';
import type { Rec } from '../../core/guard/index';
import type { Issue, IssuePath } from '../../core/issues/index';
import type { LotTotals } from './file';

/** Quiet pass: no path is built and no issue kept (paths are built only to report). */
const NO_PATH: IssuePath = Object.freeze([]) as IssuePath;
const SINK: Issue[] = [];
const OPTIONAL = Object.freeze({ required: false });
const LIGNES = Object.freeze({ max: 9999 });
const LOTS = Object.freeze({ max: 999 });
const FACTURES = Object.freeze({ max: 1_000_000 });

/**
 * A property of a caller object: `field()` (own data property, getters never run) when
 * reporting; a plain read in the quiet pass, which is what the writers do right after
 * (Hint: `field()` allocates a property descriptor, ~10 per invoice on the writers' hot path).
 * The quiet pass runs inside try/catch, so a throwing getter only sends it to the loud pass.
 */
function get(o: Rec, key: string, loud: boolean): unknown {
  return loud ? field(o, key) : (o as Readonly<Record<string, unknown>>)[key];
}

/** `[...path, ...more]` when reporting, the shared empty path otherwise. */
function sub(loud: boolean, path: IssuePath, a: string | number, b?: string | number, c?: string): IssuePath {
  if (!loud) return NO_PATH;
  return b === undefined ? [...path, a] : c === undefined ? [...path, a, b] : [...path, a, b, c];
}

/**
 * Checks one invoice (`entete`, optional `individu` / `amc`, `lignes` with `prestation` and
 * optional `ccam` / `lpp`, `total`) and counts its records.
 *
 * Hint: a quiet pass (no path, no issue object) runs first on the hot path of the writers; the
 * loud pass that builds the located issues runs only when the quiet one fails.
 *
 * @param v - The caller's invoice.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns Its number of records (2…5), or `undefined` after `INPUT_*` issues.
 */
export function guardB2Facture(v: unknown, path: IssuePath, issues: Issue[]): number | undefined {
  const n = quiet(() => facture(v, NO_PATH, SINK, false));
  return n ?? facture(v, path, issues, true);
}

/** Runs a quiet pass: its count, or `undefined` (shape wrong, or a getter threw). */
function quiet(pass: () => number | undefined): number | undefined {
  try {
    return pass();
  } catch {
    return undefined;
  } finally {
    SINK.length = 0;
  }
}

/**
 * Quiet-pass object test (Hint: inlined instead of `guardObject` on the writers' hot path; the
 * loud pass that reports uses the shared guards, and decides).
 */
function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null;
}

/** Quiet count of an invoice's records, or `undefined` when its shape is wrong. */
function quietFacture(v: unknown): number | undefined {
  const n = addShapedInvoice(undefined, v);
  return n < 0 ? undefined : n;
}

/** Centimes of a type 5 total for the lot sums (a value that is not a Money counts 0: the writer reports it on the type 5). */
function cents(m: unknown): number {
  if (!isRecord(m)) return 0;
  const c = (m as { centimes?: unknown }).centimes;
  return Number.isSafeInteger(c) ? (c as number) : 0;
}

/**
 * The quiet shape check of an invoice, which may also add it to its lot's totals (`t`): one walk
 * checks what the writers will walk (`entete`, optional `individu` / `amc`, `lignes` (an array
 * of at most 9999) with `prestation` and optional `ccam` / `lpp`, `total`) and counts its
 * records (the streaming writer needs the count to make room before writing). Plain reads: a
 * getter of the caller's may throw (the callers catch it).
 *
 * @param t - Lot totals to add the invoice to (only when its shape holds), or `undefined`.
 * @param v - The caller's invoice.
 * @returns Its number of records, or -1 when its shape is wrong.
 */
export function addShapedInvoice(t: LotTotals | undefined, v: unknown): number {
  if (!isRecord(v)) return -1;
  const f = v as Readonly<Record<string, unknown>>;
  const lignes = f['lignes'];
  const total = f['total'];
  if (!isRecord(f['entete']) || !isRecord(total) || !Array.isArray(lignes) || lignes.length > 9999) return -1;
  let type2 = 1;
  const individu = f['individu'];
  const amc = f['amc'];
  if (individu !== undefined) {
    if (!isRecord(individu)) return -1;
    type2++;
  }
  if (amc !== undefined) {
    if (!isRecord(amc)) return -1;
    type2++;
  }
  let type4 = 0;
  for (let k = 0; k < lignes.length; k++) {
    const l: unknown = lignes[k];
    if (!isRecord(l) || !isRecord(l['prestation'])) return -1;
    type4++;
    const ccam = l['ccam'];
    const lpp = l['lpp'];
    if (ccam !== undefined) {
      if (!isRecord(ccam)) return -1;
      type4++;
    }
    if (lpp !== undefined) {
      if (!isRecord(lpp)) return -1;
      type4++;
    }
  }
  const records = type2 + type4 + 1;
  if (t === undefined) return records;
  const r = total as Readonly<Record<string, unknown>>;
  t.nombreFactures += 1;
  t.nombreLignesActes += lignes.length;
  t.nombreEnregistrementsType2 += type2;
  t.nombreEnregistrementsType5 += 1;
  t.montantTotalFacture += cents(r['totalFacture']);
  t.montantTotalRemboursableAmo += cents(r['totalRemboursableAmo']);
  t.montantTotalRemboursableAmc += cents(r['totalRemboursableAmc']);
  t.records += records;
  return records;
}

function facture(v: unknown, path: IssuePath, issues: Issue[], loud: boolean): number | undefined {
  if (!loud) return quietFacture(v);
  const f = guardObject(v, path, issues);
  if (f === undefined) return undefined;
  const before = issues.length;
  let records = 2;
  guardObject(get(f, 'entete', loud), sub(loud, path, 'entete'), issues);
  if (guardObject(get(f, 'individu', loud), sub(loud, path, 'individu'), issues, OPTIONAL) !== undefined) records++;
  if (guardObject(get(f, 'amc', loud), sub(loud, path, 'amc'), issues, OPTIONAL) !== undefined) records++;
  guardObject(get(f, 'total', loud), sub(loud, path, 'total'), issues);
  const lignes = guardArray(get(f, 'lignes', loud), sub(loud, path, 'lignes'), issues, LIGNES);
  if (lignes !== undefined) {
    for (let k = 0; k < lignes.length; k++) {
      const l = guardObject(lignes[k], sub(loud, path, 'lignes', k), issues);
      if (l === undefined) continue;
      records++;
      guardObject(get(l, 'prestation', loud), sub(loud, path, 'lignes', k, 'prestation'), issues);
      if (guardObject(get(l, 'ccam', loud), sub(loud, path, 'lignes', k, 'ccam'), issues, OPTIONAL) !== undefined) records++;
      if (guardObject(get(l, 'lpp', loud), sub(loud, path, 'lignes', k, 'lpp'), issues, OPTIONAL) !== undefined) records++;
    }
  }
  return issues.length === before ? records : undefined;
}

/**
 * Checks a whole file (`debut`, `lots` of `{ debut, factures, fin }`, `fin`) and counts its
 * records (quiet pass first, as {@link guardB2Facture}).
 *
 * @param v - The caller's file.
 * @param issues - Collector.
 * @returns Its number of records, or `undefined` after `INPUT_*` issues.
 */
export function guardB2File(v: unknown, issues: Issue[]): number | undefined {
  const n = quiet(() => file(v, SINK, false));
  return n ?? file(v, issues, true);
}

function file(v: unknown, issues: Issue[], loud: boolean): number | undefined {
  const root: IssuePath = loud ? ['file'] : NO_PATH;
  const f = guardObject(v, root, issues);
  if (f === undefined) return undefined;
  const before = issues.length;
  guardObject(get(f, 'debut', loud), loud ? ['debut'] : NO_PATH, issues);
  guardObject(get(f, 'fin', loud), loud ? ['fin'] : NO_PATH, issues);
  const lots = guardArray(get(f, 'lots', loud), loud ? ['lots'] : NO_PATH, issues, LOTS);
  let records = 2;
  if (lots !== undefined) {
    for (let i = 0; i < lots.length; i++) {
      const lotPath: IssuePath = loud ? ['lots', i] : NO_PATH;
      const lot = guardObject(lots[i], lotPath, issues);
      if (lot === undefined) continue;
      records += 2;
      guardObject(get(lot, 'debut', loud), sub(loud, lotPath, 'debut'), issues);
      guardObject(get(lot, 'fin', loud), sub(loud, lotPath, 'fin'), issues);
      const factures = guardArray(get(lot, 'factures', loud), sub(loud, lotPath, 'factures'), issues, FACTURES);
      if (factures === undefined) continue;
      for (let j = 0; j < factures.length; j++) {
        const n = facture(factures[j], sub(loud, lotPath, 'factures', j), issues, loud);
        if (n === undefined && !loud) return undefined; // the quiet pass pushes no issue: stop here
        records += n ?? 0;
      }
      if (issues.length - before > 100) break;
    }
  }
  return issues.length === before ? records : undefined;
}

/**
 * Checks the objects `b2FactureOf` walks in an FSE or a DRE (the model's groups, its lines and
 * their detail); zone values are checked as the records are built (`FSE_RECORD_FIELD`, `FW_*`).
 *
 * @param doc - The caller's FSE or DRE.
 * @param options - The caller's options (`undefined` for none).
 * @param issues - Collector.
 * @returns Whether the shape holds (no issue pushed).
 */
export function guardB2Source(doc: unknown, options: unknown, issues: Issue[]): boolean {
  const before = issues.length;
  if (options !== undefined) guardObject(options, ['options'], issues);
  const d = guardObject(doc, [], issues);
  if (d === undefined) return false;
  const kind = guardEnum(field(d, 'kind'), ['fse', 'dre'], ['kind'], issues);
  const fse = kind === 'dre' ? guardObject(field(d, 'fse'), ['fse'], issues) : d;
  if (kind === 'dre') {
    guardObject(field(d, 'amc'), ['amc'], issues, { required: false });
    // The DRE's own line amounts (type 4 montant remboursable AMC).
    guardArray(field(d, 'lignes'), ['lignes'], issues, { max: 9999 })?.forEach((raw, k) => {
      const l = guardObject(raw, ['lignes', k], issues);
      if (l !== undefined) guardMoney(field(l, 'montantAmc'), ['lignes', k, 'montantAmc'], issues);
    });
  }
  if (kind === undefined || fse === undefined) return false;
  const p: IssuePath = kind === 'dre' ? ['fse'] : [];
  for (const k of ['ps', 'identification', 'situation', 'amo', 'reglement']) guardObject(field(fse, k), [...p, k], issues);
  const b = guardObject(field(fse, 'beneficiaire'), [...p, 'beneficiaire'], issues);
  if (b !== undefined) guardString(field(b, 'nirAssure'), [...p, 'beneficiaire', 'nirAssure'], issues);
  guardObject(field(fse, 'amc'), [...p, 'amc'], issues, { required: false });
  const lignes = guardArray(field(fse, 'lignes'), [...p, 'lignes'], issues, { max: 9999 });
  lignes?.forEach((raw, k) => {
    const l = guardObject(raw, [...p, 'lignes', k], issues);
    if (l === undefined) return;
    const detail = guardObject(field(l, 'detail'), [...p, 'lignes', k, 'detail'], issues);
    if (detail !== undefined) guardString(field(detail, 'kind'), [...p, 'lignes', k, 'detail', 'kind'], issues);
    for (const f of ['coefficient', 'taux']) guardObject(field(l, f), [...p, 'lignes', k, f], issues);
  });
  return issues.length === before;
}
