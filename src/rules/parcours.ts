/**
 * Parcours de soins: the SESAM-Vitale « situation de parcours » numeric codes that PMS screens
 * show (01–13) mapped to the indicateur de parcours de soins (IPS) letters of the Norme B2 that the
 * engine reads. CSS L.162-5-3 (parcours de soins coordonnés).
 *
 * Source of the numeric list: the codes as labelled by vendor screens (public browser extension
 * Weda-Helper, 2024); the cahier des charges SESAM-Vitale that defines them is not public, so the
 * mapping is modeled. Codes 06 (généraliste récemment installé) and 07 (installé en zone
 * sous-médicalisée) are in the parcours (no hors-parcours penalty, no DA); the B2 letters of this
 * library have no letter of their own for them (other PMS use J / B): modeled as `T`.
 */
import type { CodeParcoursSesam, Parcours } from './model';

/**
 * Mapping of the SESAM-Vitale parcours codes to the IPS letters (modeled where not public, see the
 * module comment).
 *
 * @example PARCOURS_SESAM['13'] // 'S' (non-respect du parcours: hors parcours)
 */
export const PARCOURS_SESAM: Readonly<Record<CodeParcoursSesam, Parcours>> = /* @__PURE__ */ Object.freeze({
  '01': '', // exclusion du parcours (non concerné)
  '02': 'U', // urgence
  '03': 'T', // je suis le médecin traitant
  '04': 'N', // nouveau médecin traitant
  '05': 'R', // médecin traitant de substitution
  '06': 'T', // généraliste récemment installé (dans le parcours; modeled)
  '07': 'T', // médecin installé en zone sous-médicalisée (dans le parcours; modeled)
  '08': 'H', // hors résidence habituelle
  '09': 'D', // accès direct spécifique
  '10': 'S', // hors accès direct spécifique: hors parcours
  '11': 'O', // orienté par le médecin traitant
  '12': 'M', // orienté par un autre médecin
  '13': 'S', // non-respect du parcours: hors parcours
});

/** The IPS letters. */
export const PARCOURS_LETTRES: readonly Parcours[] = ['T', 'N', 'R', 'H', 'D', 'O', 'M', 'U', 'A', 'S', ''];

/**
 * The IPS letter of a parcours given as a letter or as a SESAM-Vitale code (internal: validated input).
 *
 * @param p - A letter or a code `'01'`–`'13'`.
 * @returns The letter.
 */
export function parcoursLettre(p: Parcours | CodeParcoursSesam): Parcours {
  return p.length === 2 ? PARCOURS_SESAM[p as CodeParcoursSesam] : (p as Parcours);
}
