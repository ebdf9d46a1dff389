/**
 * Shape checks of the data the returns module receives (NOEMIE files, ARLs, bank movements,
 * ledger invoices, options), with the one shared guard style of `core/guard`: each checker pushes
 * `INPUT_*` issues with the path and returns the value typed, or `undefined`.
 *
 * Only the fields reconciliation, matching and the watchdog read are checked: a NOEMIE entity
 * the module never reads is passed through (its `entity` code is still checked), so the check
 * costs one pass over the entities, not a second parse.
 */
import type { Issue, IssuePath } from '../core/issues/index';
import { SesamError } from '../core/issues/index';
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardBoolean, guardEnum, guardInteger, guardMoney, guardObject, guardPlainDate, guardString } from '../core/guard/index';
import type { Arl } from '../noemie/arl/types';
import type { NoemieFile } from '../noemie/types';
import type { LedgerInvoice } from '../ledger/index';
import { PART_STATES } from '../ledger/index';
import type { BankMovement, Cfonb120File } from './bank/types';

/** Most entities of one NOEMIE file accepted (a file of 128-byte records of several hundred MB). */
export const MAX_ENTITIES = 5_000_000;
/** Most items of a caller list (movements, invoices, ARLs, files). */
export const MAX_ITEMS = 1_000_000;

type Kind = 's' | 'm' | 'd' | 'd?';
/** Fields read by reconciliation, per entity type: s text, m money, d date, d? optional date. */
const ENTITY_FIELDS: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  '071': { dateComptable: 'd', libelleVirement1: 's', libelleVirement2: 's', organismePayeur: 's' },
  '070': { dateComptable: 'd' },
  '080': { numeroLot: 's' },
  '100': { numeroFacture: 's' },
  '102': { numeroFacture: 's', numeroLot: 's', dateCreationLot: 'd?', dateFacturation: 'd?' },
  '198': { etat: 's', montantDemande: 'm', montantPaye: 'm' },
  '199': { etat: 's', montantDemande: 'm', montantPaye: 'm' },
  '294': { codeRejet: 's', libelle: 's', niveauRejet: 's', partRejet: 's' },
  '290': { codification: 's', libelle: 's' },
  '250': { referenceDette: 's', natureDette: 's', natureOperation: 's', dateEnregistrement: 'd', montant: 'm', soldeDette: 'm' },
  '261': { montant: 'm' },
};

function guardFields(o: Rec, fields: Readonly<Record<string, Kind>>, path: IssuePath, issues: Issue[]): boolean {
  const before = issues.length;
  for (const [name, kind] of Object.entries(fields)) {
    const v = field(o, name);
    const p = [...path, name];
    if (kind === 's') guardString(v, p, issues, { max: 1024 });
    else if (kind === 'm') guardMoney(v, p, issues);
    else guardPlainDate(v, p, issues, { required: kind === 'd' });
  }
  return issues.length === before;
}

/**
 * Checks the entity list of a NOEMIE file (the fields reconciliation reads).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The entities, or `undefined` after pushing issues.
 */
export function guardNoemieEntities(v: unknown, path: IssuePath, issues: Issue[]): NoemieFile['entities'] | undefined {
  const before = issues.length;
  const entities = guardArray(v, path, issues, { max: MAX_ENTITIES });
  for (const [i, e] of (entities ?? []).entries()) {
    const eo = guardObject(e, [...path, i], issues);
    const code = eo && guardString(field(eo, 'entity'), [...path, i, 'entity'], issues, { max: 3 });
    const fields = code === undefined ? undefined : ENTITY_FIELDS[code];
    if (eo && fields) guardFields(eo, fields, [...path, i], issues);
    if (issues.length - before >= 100) break; // one bad file says enough in 100 issues
  }
  return entities !== undefined && issues.length === before ? (entities as NoemieFile['entities']) : undefined;
}

/**
 * Checks a NOEMIE file (as `parseNoemie` gives it) before reconciliation.
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The file, or `undefined` after pushing issues.
 */
export function guardNoemieFile(v: unknown, path: IssuePath, issues: Issue[]): NoemieFile | undefined {
  const before = issues.length;
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const h = guardObject(field(o, 'header'), [...path, 'header'], issues);
  if (h) {
    for (const k of ['typeEmetteur', 'numeroEmetteur', 'typeDestinataire', 'numeroDestinataire', 'identificationFichier']) guardString(field(h, k), [...path, 'header', k], issues, { max: 64 });
    guardPlainDate(field(h, 'dateCreation'), [...path, 'header', 'dateCreation'], issues);
  }
  guardNoemieEntities(field(o, 'entities'), [...path, 'entities'], issues);
  return issues.length === before ? (o as unknown as NoemieFile) : undefined;
}

/**
 * Checks a CFONB 120 model (as `parseCfonb120` gives it, or built by a caller to serialize).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The file, or `undefined` after pushing issues.
 */
export function guardCfonbFile(v: unknown, path: IssuePath, issues: Issue[]): Cfonb120File | undefined {
  const before = issues.length;
  const o = guardObject(v, path, issues);
  const statements = o && guardArray(field(o, 'statements'), [...path, 'statements'], issues, { max: MAX_ITEMS });
  const text = (r: Rec, k: string, p: IssuePath): void => void guardString(field(r, k), [...p, k], issues, { max: 1024 });
  const solde = (r: Rec, k: string, p: IssuePath): void => {
    const so = guardObject(field(r, k), [...p, k], issues);
    if (so) {
      guardPlainDate(field(so, 'date'), [...p, k, 'date'], issues);
      guardMoney(field(so, 'montant'), [...p, k, 'montant'], issues);
    }
  };
  for (const [si, st] of (statements ?? []).entries()) {
    const sp = [...path, 'statements', si];
    const so = guardObject(st, sp, issues);
    if (!so) continue;
    const c = guardObject(field(so, 'compte'), [...sp, 'compte'], issues);
    if (c) {
      for (const k of ['codeBanque', 'codeGuichet', 'devise', 'numeroCompte']) text(c, k, [...sp, 'compte']);
      guardInteger(field(c, 'nombreDecimales'), [...sp, 'compte', 'nombreDecimales'], issues, { min: 0, max: 9 });
    }
    solde(so, 'ancienSolde', sp);
    solde(so, 'nouveauSolde', sp);
    const ms = guardArray(field(so, 'mouvements'), [...sp, 'mouvements'], issues, { max: MAX_ITEMS });
    for (const [mi, m] of (ms ?? []).entries()) {
      const mp = [...sp, 'mouvements', mi];
      const mo = guardObject(m, mp, issues);
      if (!mo) continue;
      for (const k of ['codeOperationInterne', 'codeOperationInterbancaire', 'codeMotifRejet', 'libelle', 'numeroEcriture', 'indiceExoneration', 'indiceIndisponibilite', 'reference']) text(mo, k, mp);
      guardPlainDate(field(mo, 'dateComptable'), [...mp, 'dateComptable'], issues);
      guardPlainDate(field(mo, 'dateValeur'), [...mp, 'dateValeur'], issues, { required: false });
      guardMoney(field(mo, 'montant'), [...mp, 'montant'], issues);
      guardInteger(field(mo, 'record'), [...mp, 'record'], issues, { min: 0 });
      const cs = guardArray(field(mo, 'complements'), [...mp, 'complements'], issues, { max: MAX_ITEMS });
      for (const [ci, cpl] of (cs ?? []).entries()) {
        const co = guardObject(cpl, [...mp, 'complements', ci], issues);
        if (co) for (const k of ['qualifiant', 'information']) text(co, k, [...mp, 'complements', ci]);
      }
      if (issues.length - before >= 100) break;
    }
    if (issues.length - before >= 100) break;
  }
  return o !== undefined && issues.length === before ? (o as unknown as Cfonb120File) : undefined;
}

function guardMotif(v: unknown, path: IssuePath, issues: Issue[]): void {
  const m = guardObject(v, path, issues, { required: false });
  if (m) {
    guardString(field(m, 'code'), [...path, 'code'], issues, { max: 64 });
    guardString(field(m, 'libelle'), [...path, 'libelle'], issues, { max: 1024 });
  }
}

/**
 * Checks an ARL (as a decoder gives it).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The ARL, or `undefined` after pushing issues.
 */
export function guardArl(v: unknown, path: IssuePath, issues: Issue[]): Arl | undefined {
  const before = issues.length;
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  for (const k of ['typeEmetteur', 'numeroEmetteur', 'identificationFichier', 'dateReception']) guardString(field(o, k), [...path, k], issues, { max: 64 });
  guardEnum(field(o, 'statut'), ['positif', 'negatif'], [...path, 'statut'], issues);
  guardMotif(field(o, 'motif'), [...path, 'motif'], issues);
  const lots = guardArray(field(o, 'lots'), [...path, 'lots'], issues, { max: MAX_ITEMS });
  for (const [i, l] of (lots ?? []).entries()) {
    const lo = guardObject(l, [...path, 'lots', i], issues);
    if (!lo) continue;
    guardString(field(lo, 'numeroLot'), [...path, 'lots', i, 'numeroLot'], issues, { max: 16 });
    guardEnum(field(lo, 'statut'), ['positif', 'negatif'], [...path, 'lots', i, 'statut'], issues);
    guardMotif(field(lo, 'motif'), [...path, 'lots', i, 'motif'], issues);
    if (issues.length - before >= 100) break;
  }
  return issues.length === before ? (o as unknown as Arl) : undefined;
}

/**
 * Checks a list of bank movements (as `parseBankCsv` / `computeBankMovements` give them).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The movements, or `undefined` after pushing issues.
 */
export function guardBankMovements(v: unknown, path: IssuePath, issues: Issue[]): readonly BankMovement[] | undefined {
  const before = issues.length;
  const list = guardArray(v, path, issues, { max: MAX_ITEMS });
  for (const [i, m] of (list ?? []).entries()) {
    const p = [...path, i];
    const o = guardObject(m, p, issues);
    if (!o) continue;
    guardPlainDate(field(o, 'date'), [...p, 'date'], issues);
    guardPlainDate(field(o, 'dateValeur'), [...p, 'dateValeur'], issues, { required: false });
    guardString(field(o, 'libelle'), [...p, 'libelle'], issues, { max: 4096 });
    guardMoney(field(o, 'montant'), [...p, 'montant'], issues);
    guardString(field(o, 'reference'), [...p, 'reference'], issues, { required: false, max: 4096 });
    if (issues.length - before >= 100) break;
  }
  return list !== undefined && issues.length === before ? (list as readonly BankMovement[]) : undefined;
}

const PART_STATE_LIST = PART_STATES as readonly string[];

function guardPart(v: unknown, path: IssuePath, issues: Issue[], required: boolean): void {
  const p = guardObject(v, path, issues, { required });
  if (!p) return;
  guardEnum(field(p, 'state'), PART_STATE_LIST, [...path, 'state'], issues);
  guardMoney(field(p, 'expected'), [...path, 'expected'], issues);
  guardMoney(field(p, 'paid'), [...path, 'paid'], issues);
  guardString(field(p, 'transmittedAt'), [...path, 'transmittedAt'], issues, { required: false, min: 10, max: 40 });
  guardString(field(p, 'updatedAt'), [...path, 'updatedAt'], issues, { min: 10, max: 40 });
}

/**
 * Checks ledger invoices (as `LedgerStore.listInvoices` gives them) for the follow-up and the watchdog.
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The invoices, or `undefined` after pushing issues.
 */
export function guardLedgerInvoices(v: unknown, path: IssuePath, issues: Issue[]): readonly LedgerInvoice[] | undefined {
  const before = issues.length;
  const list = guardArray(v, path, issues, { max: MAX_ITEMS });
  for (const [i, inv] of (list ?? []).entries()) {
    const p = [...path, i];
    const o = guardObject(inv, p, issues);
    if (!o) continue;
    guardString(field(o, 'id'), [...p, 'id'], issues, { max: 64 });
    guardString(field(o, 'ps'), [...p, 'ps'], issues, { max: 64 });
    guardInteger(field(o, 'numero'), [...p, 'numero'], issues, { min: 0 });
    guardPlainDate(field(o, 'dateSoins'), [...p, 'dateSoins'], issues);
    guardPlainDate(field(o, 'dateFacturation'), [...p, 'dateFacturation'], issues);
    const parts = guardObject(field(o, 'parts'), [...p, 'parts'], issues);
    if (parts) {
      guardPart(field(parts, 'amo'), [...p, 'parts', 'amo'], issues, true);
      guardPart(field(parts, 'amc'), [...p, 'parts', 'amc'], issues, false);
    }
    if (issues.length - before >= 100) break;
  }
  return list !== undefined && issues.length === before ? (list as readonly LedgerInvoice[]) : undefined;
}

/**
 * Checks a boolean option (absent allowed).
 *
 * @returns The boolean or `undefined`.
 */
export function guardFlag(v: unknown, path: IssuePath, issues: Issue[]): boolean | undefined {
  return guardBoolean(v, path, issues, { required: false });
}

/**
 * For programmer-facing primitives (`computeX`, `formatX`): runs guards and throws
 * `SesamError('ASSERTION')` with the issues when the data has the wrong shape, as the house
 * rule asks of primitives (never a TypeError).
 *
 * @param what - Name of the function, for the message.
 * @param check - Runs the guards, pushing issues.
 * @returns The checked value.
 * @throws SesamError `ASSERTION` when any issue was raised.
 */
export function assertShape<T>(what: string, check: (issues: Issue[]) => T | undefined): T {
  const issues: Issue[] = [];
  const value = check(issues);
  if (issues.length > 0 || value === undefined) {
    const first = issues[0];
    throw new SesamError('ASSERTION', `${what}: ${first ? `${first.path.join('.') || 'argument'} — ${first.message}` : 'invalid argument'}`, { issues });
  }
  return value;
}
