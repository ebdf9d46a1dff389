/**
 * Reject dictionary as DATA: for each NOEMIE reject / signalement code (294 code rejet, 290
 * codification), its level, the part concerned, a label, what the user should fix and whether
 * the invoice is to be recycled (re-issued with a new number, FIDES ACE §TF).
 *
 * The official code tables are NOT public (Cahier des charges NOEMIE PS (CNAM), catalogue des entités notes, §8 item 2). The library therefore
 * ships {@link MODELED_REJECT_DICTIONARY}: an explicitly MODELED example table whose codes
 * (`MOD…`) are fictitious and never sent by a caisse; its rows describe the main reject causes
 * listed publicly by vendors (retours publics d’utilisateurs de logiciels de facturation: NIR errors, expired rights, prescription issues,
 * wrong NGAP codes, duplicates, missing justificatifs). A vendor holding the official table
 * loads it with {@link loadRejectDictionary}. Codes absent from the dictionary are reported by
 * reconciliation with the caisse's own libellé (294 pos. 10-95), never dropped.
 */
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { field, guardArray, guardBoolean, guardEnum, guardObject, guardString, inputErr } from '../../core/guard/index';
import { assertShape, MAX_ITEMS } from '../guards';
import { RECONCILE_CODES } from './codes';

/** Level of a reject: F fichier, L lot, A acte / facture (the document). */
export type RejectLevel = 'F' | 'L' | 'A';

/** Part concerned by a reject. */
export type RejectPart = 'AMO' | 'AMC';

/** One entry of the dictionary. */
export interface RejectDefinition {
  /** Code as the caisse writes it (294 pos. 6-9 or 290 pos. 8-17), trimmed. */
  readonly code: string;
  /** F fichier, L lot, A acte / facture. */
  readonly level: RejectLevel;
  /** Part the reject concerns. */
  readonly part: RejectPart;
  /** Label (French). */
  readonly libelle: string;
  /** What the user should fix (French). */
  readonly correction: string;
  /** Whether the invoice is to be recycled (new invoice, new number, linked). */
  readonly recycle: boolean;
  /** Provenance: `modeled` for the shipped examples, or the vendor's source. */
  readonly source: string;
}

/** A dictionary: entries keyed by code (and part when the same code exists for AMO and AMC). */
export interface RejectDictionary {
  /** Name of the table (e.g. `'modeled-example'`, the vendor's table version). */
  readonly name: string;
  /** Whether the table is a model (not the official codes). */
  readonly modeled: boolean;
  readonly entries: readonly RejectDefinition[];
}

const M = 'modeled (codes fictifs ; causes publiques retours publics d’utilisateurs de logiciels de facturation : Olaqin, TPZen)';

/**
 * MODELED example dictionary. NOT the official codes (not public): `MOD…` codes are
 * fictitious and exist so that demos and tests exercise the dictionary path.
 */
export const MODELED_REJECT_DICTIONARY: RejectDictionary = /* @__PURE__ */ Object.freeze({
  name: 'modeled-example',
  modeled: true,
  entries: Object.freeze([
    { code: 'MOD1', level: 'A', part: 'AMO', libelle: 'NIR du bénéficiaire inconnu ou clé erronée', correction: 'Relire la carte Vitale ou corriger le NIR et sa clé, puis refacturer.', recycle: true, source: M },
    { code: 'MOD2', level: 'A', part: 'AMO', libelle: 'Droits AMO non ouverts à la date des soins', correction: 'Mettre à jour les droits (carte Vitale, ADRi) et refacturer.', recycle: true, source: M },
    { code: 'MOD3', level: 'A', part: 'AMO', libelle: 'Prescription absente ou incohérente', correction: 'Renseigner le prescripteur et la date de prescription, joindre la pièce (SCOR), puis refacturer.', recycle: true, source: M },
    { code: 'MOD4', level: 'A', part: 'AMO', libelle: 'Acte ou cotation NGAP / CCAM non autorisé', correction: 'Corriger la cotation (code, coefficient, majorations) et refacturer.', recycle: true, source: M },
    { code: 'MOD5', level: 'A', part: 'AMO', libelle: 'Facture en double (déjà reçue)', correction: 'Ne pas refacturer : vérifier le paiement de la première facture.', recycle: false, source: M },
    { code: 'MOD6', level: 'A', part: 'AMO', libelle: 'Pièce justificative manquante', correction: 'Transmettre la pièce justificative (SCOR) ; refacturer si la caisse le demande.', recycle: true, source: M },
    { code: 'MOD7', level: 'A', part: 'AMC', libelle: 'Droits AMC non ouverts ou AMC inconnue', correction: 'Vérifier l’attestation de tiers payant AMC ; facturer la part AMC au patient sinon.', recycle: true, source: M },
    { code: 'MOD8', level: 'L', part: 'AMO', libelle: 'Lot non conforme', correction: 'Reconstituer le lot et le retransmettre.', recycle: false, source: M },
    { code: 'MOD9', level: 'F', part: 'AMO', libelle: 'Fichier non conforme', correction: 'Retransmettre le fichier (voir l’ARL).', recycle: false, source: M },
  ] satisfies RejectDefinition[]),
});

const issue = createIssueFactory(RECONCILE_CODES);
const LEVELS = ['F', 'L', 'A'] as const;
const PARTS = ['AMO', 'AMC'] as const;

/**
 * Checks a reject dictionary given by a caller (what `findReject` and `reconcile` read).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The dictionary, or `undefined` after pushing `INPUT_*` issues.
 */
export function guardRejectDictionary(v: unknown, path: IssuePath, issues: Issue[]): RejectDictionary | undefined {
  const before = issues.length;
  const o = guardObject(v, path, issues);
  if (!o) return undefined;
  guardString(field(o, 'name'), [...path, 'name'], issues);
  guardBoolean(field(o, 'modeled'), [...path, 'modeled'], issues);
  const entries = guardArray(field(o, 'entries'), [...path, 'entries'], issues, { max: MAX_ITEMS });
  for (const [i, e] of (entries ?? []).entries()) {
    const p = [...path, 'entries', i];
    const eo = guardObject(e, p, issues);
    if (!eo) continue;
    for (const k of ['code', 'libelle', 'correction', 'source']) guardString(field(eo, k), [...p, k], issues);
    guardEnum(field(eo, 'level'), LEVELS, [...p, 'level'], issues);
    guardEnum(field(eo, 'part'), PARTS, [...p, 'part'], issues);
    guardBoolean(field(eo, 'recycle'), [...p, 'recycle'], issues);
    if (issues.length - before >= 100) break;
  }
  return issues.length === before ? (o as unknown as RejectDictionary) : undefined;
}

/**
 * Builds a dictionary from rows (e.g. a vendor's official table read from CSV or JSON).
 *
 * @param rows - Objects with `code`, `level` (F / L / A), `part` (AMO / AMC), `libelle`,
 *   `correction`, `recycle` (boolean) and optionally `source`.
 * @param name - Name of the table.
 * @returns The dictionary, or `RECONCILE_DICTIONARY_ROW` / `RECONCILE_DICTIONARY_DUPLICATE`
 *   issues naming the row.
 * @example
 * const dict = unwrap(loadRejectDictionary(JSON.parse(fs.readFileSync('rejets.json', 'utf8')), 'vendor-2025'));
 */
export function loadRejectDictionary(rows: readonly unknown[], name = 'loaded'): Result<RejectDictionary> {
  const shape: Issue[] = [];
  const list = guardArray(rows, ['rows'], shape, { max: MAX_ITEMS });
  const dictName = guardString(name, ['name'], shape, { min: 1, max: 200 });
  if (list === undefined || dictName === undefined) return inputErr(shape);
  const issues: Issue[] = [];
  const entries: RejectDefinition[] = [];
  const seen = new Set<string>();
  list.forEach((row, i) => {
    // A row that is not an object reads as a row whose every field is missing (one issue per field).
    const r = guardObject(row, [], []) ?? {};
    const text = (k: string): string | undefined => guardString(field(r, k), [], [], { max: 4096 })?.trim() || undefined;
    const bad = (name: string, expected: string): void => {
      issues.push(issue('RECONCILE_DICTIONARY_ROW', { path: ['rows', i, name], expected, received: field(r, name) }));
    };
    const code = text('code');
    const level = guardEnum(text('level'), LEVELS, [], []);
    const part = guardEnum(text('part'), PARTS, [], []);
    const libelle = text('libelle');
    const correction = text('correction');
    const recycle = guardBoolean(field(r, 'recycle'), [], []);
    if (code === undefined) bad('code', 'texte non vide');
    if (level === undefined) bad('level', 'F | L | A');
    if (part === undefined) bad('part', 'AMO | AMC');
    if (libelle === undefined) bad('libelle', 'texte non vide');
    if (correction === undefined) bad('correction', 'texte non vide');
    if (recycle === undefined) bad('recycle', 'true | false');
    if (code === undefined || libelle === undefined || correction === undefined || recycle === undefined || level === undefined || part === undefined) return;
    const key = `${code}|${part}`;
    if (seen.has(key)) {
      issues.push(issue('RECONCILE_DICTIONARY_DUPLICATE', { path: ['rows', i, 'code'], received: key }));
      return;
    }
    seen.add(key);
    entries.push({ code, level, part, libelle, correction, recycle, source: text('source') ?? dictName });
  });
  return resultOf({ name: dictName, modeled: false, entries }, issues);
}

/**
 * Finds a code in a dictionary (the entry of the given part first, then any part).
 *
 * @param dictionary - The dictionary.
 * @param code - The code as read (trimmed here).
 * @param part - The part concerned, when known.
 * @returns The entry, or `undefined` for an unknown code (to be reported, never dropped).
 * @throws SesamError `ASSERTION` when the dictionary, code or part has the wrong shape.
 */
export function findReject(dictionary: RejectDictionary, code: string, part?: RejectPart): RejectDefinition | undefined {
  assertShape('findReject', (issues) => {
    guardRejectDictionary(dictionary, ['dictionary'], issues);
    guardString(code, ['code'], issues);
    guardEnum(part, PARTS, ['part'], issues, { required: false });
    return true;
  });
  return lookupReject(dictionary, code, part);
}

/** {@link findReject} on data already checked (reconciliation checks the dictionary once per call). */
export function lookupReject(dictionary: RejectDictionary, code: string, part?: RejectPart): RejectDefinition | undefined {
  const c = code.trim();
  return dictionary.entries.find((e) => e.code === c && (part === undefined || e.part === part)) ?? dictionary.entries.find((e) => e.code === c);
}
