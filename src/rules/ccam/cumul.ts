/**
 * Same-day rules between a line and the others (internal, called by computeFacture once the
 * lines are priced):
 *
 * - Consultation and technical act (CCAM livre III, art. III-3 A): « quand des actes techniques
 *   sont effectués dans le même temps qu'une consultation ou une visite […], les honoraires de
 *   celle-ci ne se cumulent pas avec ceux des actes techniques », except the dérogations of the
 *   article (ECG, radiographie pulmonaire for pneumologues …: `parametres.ccam.cumulConsultation`).
 *   The engine knows the day, not the moment: acts done at distinct moments of the day are
 *   billed separately, hence a warning (`CCAM_CUMUL_CONSULTATION_ACTE`), never a refusal.
 * - Association order (livre III, art. III-3 B, règle générale): « l'acte dont le tarif hors
 *   modificateurs est le plus élevé est tarifé à taux plein, le second est tarifé à 50 % » — an
 *   act coded 2 may not have a higher tariff than the day's acts coded 1 (`CCAM_ASSOCIATION_ORDRE`),
 *   and an act coded 2 goes with an act coded 1 (`CCAM_ASSOCIATION_SANS_PRINCIPAL`, a warning).
 * - Imaging on several sites (livre I, art. I-12: acts of échographie, scanographie or
 *   remnographie on several anatomical sites are incompatible; livre III, art. III-3 B:
 *   « pour les actes d'échographie, lorsque l'examen porte sur plusieurs régions anatomiques, un
 *   seul acte doit être tarifé, sauf dans le cas de l'examen d'organes intra-abdominaux et/ou
 *   pelviens et d'un ou plusieurs des organes suivants : sein, thyroïde, testicules »): two acts of
 *   one technique the same day raise `CCAM_IMAGERIE_SITES_MULTIPLES` (a warning: the technique
 *   is read from the CNAM label, « Échographie… », « Scanographie… », « Remnographie… », and
 *   acts at distinct moments of a day are billed separately).
 */
import { createIssueFactory } from '../../core/issues/index';
import type { Contexte } from '../context';
import type { LigneActe } from '../model';
import type { CompiledRow } from '../referentiel';
import { fmt } from '../trace';
import { CCAM_CODES } from './codes';
import type { CumulConsultation, DerogationCumul } from './parametres';
import { CUMUL_CONSULTATION_DEFAUT } from './parametres';
import { dayNumber } from '../checks';
import { ccamParams } from './pricing';

const issue = createIssueFactory(CCAM_CODES);

/** The part of a line's price these rules read (priceLigne's `Prix`). */
export interface PrixCumul {
  readonly row: CompiledRow;
  /** The act's tariff × coefficient, before modificateurs and association (centimes). */
  readonly unit: number;
}

function derogationOf(c: CumulConsultation, consultation: string, acte: string, specialite: string, day: number): DerogationCumul | undefined {
  for (const d of c.derogations) {
    if (!d.actes.includes(acte)) continue;
    if (d.consultations !== undefined && !d.consultations.includes(consultation)) continue;
    if (d.specialites !== undefined && !d.specialites.includes(specialite)) continue;
    if (d.from !== null && dayNumber(d.from) > day) continue;
    return d;
  }
  return undefined;
}

/**
 * Raises the same-day issues of priced lines (Hint: nothing to do, and nothing allocated, for an
 * invoice without a CCAM line).
 *
 * @param ctx - The invoice context.
 * @param days - Line dates as day numbers.
 * @param prix - Each line's price (undefined: not priced, its issue already raised).
 */
export function checkCumulsJour(ctx: Contexte, days: readonly number[], prix: readonly (PrixCumul | undefined)[]): void {
  const lignes = ctx.input.lignes;
  // Hint: one pass decides which rules have anything to read (most invoices: none of them).
  let ccam = false, ngap = false, second = false, images = 0;
  for (let i = 0; i < lignes.length; i++) {
    const row = prix[i]?.row.row;
    if (row === undefined) continue;
    if (row.nomenclature === 'ngap') ngap = true;
    else if (row.nomenclature === 'ccam') {
      ccam = true;
      if ((lignes[i] as LigneActe).codeAssociation === '2') second = true;
      if (techniqueOf(row.libelle) !== undefined) images++;
    }
  }
  if (!ccam) return;
  // Lines billed at 50 % beside a consultation under a dérogation: the consultation is their « acte à taux plein ».
  const avecConsultation = ngap ? consultationActe(ctx, days, prix) : NONE;
  if (second) associationOrdre(ctx, days, prix, avecConsultation);
  if (images > 1) imagerie(ctx, days, prix);
}

const NONE: readonly number[] = [];

/** The imaging technique a CNAM label starts with, or undefined. */
function techniqueOf(libelle: string): string | undefined {
  const c = libelle.charCodeAt(0);
  if (c !== 201 /* É */ && c !== 83 /* S */ && c !== 82 /* R */) return undefined;
  if (libelle.startsWith('Échographie')) return 'échographie';
  if (libelle.startsWith('Scanographie')) return 'scanographie';
  if (libelle.startsWith('Remnographie')) return 'remnographie';
  return undefined;
}

const ORGANES_ECHO = /sein|thyroïde|testicul|bourses/i;
const ABDOMEN_PELVIS = /abdom|pelvi|petit bassin/i;

function imagerie(ctx: Contexte, days: readonly number[], prix: readonly (PrixCumul | undefined)[]): void {
  const lignes = ctx.input.lignes;
  for (let j = 0; j < lignes.length; j++) {
    const q = prix[j];
    if (q === undefined || q.row.row.nomenclature !== 'ccam') continue;
    const technique = techniqueOf(q.row.row.libelle);
    if (technique === undefined) continue;
    for (let i = 0; i < j; i++) {
      const p = prix[i];
      if (p === undefined || p.row.row.nomenclature !== 'ccam' || days[i] !== days[j] || techniqueOf(p.row.row.libelle) !== technique) continue;
      const a = p.row.row.libelle;
      const b = q.row.row.libelle;
      // The échographie exception: an intra-abdominal / pelvic examination with the breast, thyroid or testes.
      if (technique === 'échographie' && ((ORGANES_ECHO.test(a) && ABDOMEN_PELVIS.test(b)) || (ORGANES_ECHO.test(b) && ABDOMEN_PELVIS.test(a)))) continue;
      ctx.issues.push(issue('CCAM_IMAGERIE_SITES_MULTIPLES', { path: ['lignes', j, 'code'], received: `${(lignes[j] as LigneActe).code} (${technique})`, expected: `${(lignes[i] as LigneActe).code} (ligne ${i})` }));
      break;
    }
  }
}

function consultationActe(ctx: Contexte, days: readonly number[], prix: readonly (PrixCumul | undefined)[]): readonly number[] {
  const lignes = ctx.input.lignes;
  const ps = ctx.input.ps;
  const covered: number[] = [];
  if (ps.profession !== 'medecin') return covered;
  const c = ccamParams(ctx).cumulConsultation ?? CUMUL_CONSULTATION_DEFAUT;
  const specialite = ps.specialite.padStart(2, '0');
  for (let i = 0; i < lignes.length; i++) {
    const p = prix[i];
    if (p === undefined || p.row.row.nomenclature !== 'ngap' || !c.consultations.includes((lignes[i] as LigneActe).code)) continue;
    const consultation = (lignes[i] as LigneActe).code;
    for (let j = 0; j < lignes.length; j++) {
      const q = prix[j];
      if (q === undefined || q.row.row.nomenclature !== 'ccam' || days[j] !== days[i]) continue;
      const acte = lignes[j] as LigneActe;
      const code = acte.code;
      const d = derogationOf(c, consultation, code, specialite, days[j] as number);
      if (d === undefined) {
        ctx.issues.push(issue('CCAM_CUMUL_CONSULTATION_ACTE', { path: ['lignes', j, 'code'], received: code, expected: `${consultation} (ligne ${i})` }));
      } else if (d.codeAssociation !== undefined) {
        covered.push(j);
        if (acte.codeAssociation !== d.codeAssociation) ctx.issues.push(issue('CCAM_CUMUL_ACTE_TAUX', { path: ['lignes', j, 'codeAssociation'], received: code, expected: `code d’association ${d.codeAssociation}` }));
      }
    }
  }
  return covered;
}

function associationOrdre(ctx: Contexte, days: readonly number[], prix: readonly (PrixCumul | undefined)[], avecConsultation: readonly number[]): void {
  const lignes = ctx.input.lignes;
  for (let j = 0; j < lignes.length; j++) {
    const q = prix[j];
    const second = lignes[j] as LigneActe;
    if (q === undefined || q.row.row.nomenclature !== 'ccam' || second.codeAssociation !== '2') continue;
    let top = -1;
    for (let i = 0; i < lignes.length; i++) {
      const p = prix[i];
      if (p === undefined || p.row.row.nomenclature !== 'ccam' || days[i] !== days[j] || (lignes[i] as LigneActe).codeAssociation !== '1') continue;
      if (p.unit > top) top = p.unit;
    }
    if (top < 0) {
      if (!avecConsultation.includes(j)) ctx.issues.push(issue('CCAM_ASSOCIATION_SANS_PRINCIPAL', { path: ['lignes', j, 'codeAssociation'], received: second.code }));
    } else if (q.unit > top) ctx.issues.push(issue('CCAM_ASSOCIATION_ORDRE', { path: ['lignes', j, 'codeAssociation'], received: fmt(q.unit), expected: fmt(top) }));
  }
}
