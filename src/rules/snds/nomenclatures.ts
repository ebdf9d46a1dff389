/**
 * Small SNDS nomenclatures (spécialités IR_SPE_V, natures d'assurance IR_ASU_V, motifs
 * d'exonération IR_EXO_V, conventionnement IR_CNV_V) and the natures de prestation (IR_NAT_V):
 * the 4-digit code of a prestation ↔ its B2 code (`PRS_NAT_CB2`, the NGAP letter: 1110 ↔ G).
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { guardPlainDate, inputErr } from '../../core/guard/index';
import { SNDS_CODES } from './codes';
import { dateCell, lazy, readCompact, readSections } from './compact';
import { NATURES_PRESTATION_COMPACT } from './generated/naturesPrestation.generated';
import { NOMENCLATURES_COMPACT } from './generated/nomenclatures.generated';

const issue = createIssueFactory(SNDS_CODES);

/** A coded label of a small nomenclature. */
export interface CodeLibelle {
  /** Code as the SNDS writes it (`'10'`). */
  readonly code: string;
  /** Label (upper case, as in the SNDS). */
  readonly libelle: string;
}

/** A spécialité of PS (IR_SPE_V); its code on 2 digits as the PS carries it (`'01'`). */
export interface Specialite extends CodeLibelle {
  /** Family (`'MEDECINS SPECIALISTES'`, `'DENTISTES'` …). */
  readonly famille: string;
}

/** A nature d'assurance (IR_ASU_V). */
export interface NatureAssuranceSnds extends CodeLibelle {
  /** Two-letter B2 code (`'AS'` maladie, `'MA'` maternité, `'AT'` …), empty when none. */
  readonly codeB2: string;
}

/** A conventionnement code (IR_CNV_V). */
export interface Conventionnement extends CodeLibelle {
  /** Secteur (`'0'`, `'1'`, `'2'`, `'9'` unknown). */
  readonly secteur: string;
}

const sections = lazy(() => readSections(NOMENCLATURES_COMPACT));
const section = (name: string): ReadonlyMap<string, readonly string[]> => sections().get(name) ?? new Map();

const specialites = lazy(() => [...section('SPE')].map(([code, [famille = '', libelle = '']]): Specialite => Object.freeze({ code: code.padStart(2, '0'), libelle, famille })));
const naturesAssurance = lazy(() => Object.freeze([...section('ASU')].map(([code, [codeB2 = '', libelle = '']]): NatureAssuranceSnds => Object.freeze({ code, codeB2, libelle }))));
const motifsExoneration = lazy(() => Object.freeze([...section('EXO')].map(([code, [libelle = '']]): CodeLibelle => Object.freeze({ code, libelle }))));
const conventionnements = lazy(() => Object.freeze([...section('CNV')].map(([code, [secteur = '', libelle = '']]): Conventionnement => Object.freeze({ code, secteur, libelle }))));

/**
 * Finds a spécialité of PS (`'01'` or `'1'` médecine générale, `'38'` …).
 *
 * @param code - Code spécialité (1 or 2 digits).
 * @returns The spécialité, or `SNDS_CODE_INCONNU`.
 */
export function findSpecialite(code: string): Result<Specialite> {
  const key = typeof code === 'string' && /^\d{1,2}$/.test(code) ? code.padStart(2, '0') : undefined;
  const found = key === undefined ? undefined : specialites().find((s) => s.code === key);
  return found === undefined ? err(issue('SNDS_CODE_INCONNU', { path: ['code'], expected: 'de spécialité (IR_SPE_V)', received: code })) : ok(found);
}

/** @returns the natures d'assurance of IR_ASU_V (10 maladie, 30 maternité, 40 AT/MP, 90 prévention …). */
export function listNaturesAssurance(): readonly NatureAssuranceSnds[] {
  return naturesAssurance();
}

/** @returns the motifs d'exonération du ticket modérateur of IR_EXO_V (SNDS coding, not the B2 one-character justification). */
export function listMotifsExoneration(): readonly CodeLibelle[] {
  return motifsExoneration();
}

/** @returns the conventionnement codes of IR_CNV_V with their secteur. */
export function listConventionnements(): readonly Conventionnement[] {
  return conventionnements();
}

/** A nature de prestation (IR_NAT_V). */
export interface NaturePrestation {
  /** Code nature de prestation (`'1110'`). */
  readonly code: string;
  /** B2 code (NGAP letter, `'G'`), empty when none. */
  readonly lettre: string;
  /** Closing date (from the table's note « fermé le … »): not in force after it. */
  readonly fermeture?: PlainDate;
}

const natures = lazy(() => {
  const byCode = new Map<string, NaturePrestation>();
  const byLetter = new Map<string, NaturePrestation[]>();
  for (const [code, [lettre = '', ferme]] of readCompact(NATURES_PRESTATION_COMPACT, true)) {
    const f = dateCell(ferme);
    const n: NaturePrestation = Object.freeze(f === undefined ? { code, lettre } : { code, lettre, fermeture: f as PlainDate });
    byCode.set(code, n);
    if (lettre !== '') byLetter.set(lettre, [...(byLetter.get(lettre) ?? []), n]);
  }
  return { byCode, byLetter };
});

/**
 * The nature de prestation of a B2 code / NGAP letter (`'G'` → 1110, `'APC'` → 1103).
 *
 * @param letter - The letter.
 * @param date - Optional date: natures closed on or before it are skipped.
 * @returns The nature (the lowest code among those in force when several share the letter), or `SNDS_CODE_INCONNU`.
 */
export function naturePrestationOf(letter: string, date?: PlainDate): Result<NaturePrestation> {
  const guard: Issue[] = [];
  const day = guardPlainDate(date, ['date'], guard, { required: false });
  if (guard.length > 0) return inputErr(guard);
  const list = typeof letter === 'string' ? natures().byLetter.get(letter.trim().toUpperCase()) : undefined;
  const found = list?.find((n) => day === undefined || n.fermeture === undefined || n.fermeture > day);
  if (found !== undefined) return ok(found);
  if (list !== undefined) return err(issue('SNDS_HORS_PERIODE', { path: ['letter'], received: letter, expected: `${day ?? ''} (fermée le ${list[0]?.fermeture ?? '?'})` }));
  return err(issue('SNDS_CODE_INCONNU', { path: ['letter'], expected: 'de prestation B2 (IR_NAT_V)', received: letter }));
}

/**
 * The B2 code / NGAP letter of a nature de prestation (`'1110'` → `'G'`).
 *
 * @param code - Code nature de prestation (4 digits, or a number).
 * @returns The nature, or `SNDS_CODE_INCONNU`.
 */
export function letterOfNaturePrestation(code: string | number): Result<NaturePrestation> {
  const key = typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 ? String(code)
    : typeof code === 'string' && /^\d{1,4}$/.test(code) ? String(Number(code)) : undefined;
  const found = key === undefined ? undefined : natures().byCode.get(key);
  return found === undefined ? err(issue('SNDS_CODE_INCONNU', { path: ['code'], expected: 'nature de prestation (IR_NAT_V)', received: code })) : ok(found);
}
