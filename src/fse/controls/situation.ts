/**
 * Coherence controls: nature d'assurance, AT/MP number, exonération vs rights and nature,
 * parcours de soins vs the acts, prescripteur for auxiliaires médicaux, acts and quantities,
 * tiers payant AMC vs the organisme complémentaire.
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), types 2 and 4 (nature d'assurance, exonération, parcours);
 *   Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés), L.160-14 (exonérations)
 */
import type { Profession } from '../../rules/model';
import type { Fse } from '../model';
import { covers, firstDateSoins } from './dates';
import type { FseControl } from './types';
import { ALWAYS, control } from './types';

const NATURES = new Set(['10', '13', '30', '41', '90']);
const EXONERATIONS = new Set(['0', '1', '3', '4', '6', '9', 'C']);
const PARCOURS = new Set(['T', 'N', 'R', 'H', 'D', 'O', 'M', 'U', 'A', 'S', '']);
/** Professions whose acts are billed on prescription (auxiliaires médicaux, transport). */
export const PROFESSIONS_SUR_PRESCRIPTION: ReadonlySet<Profession> = new Set<Profession>([
  'infirmier', 'masseurKinesitherapeute', 'orthophoniste', 'orthoptiste', 'pedicurePodologue', 'transporteur',
]);
const MAX_LIGNES = 99;
const NGAP_CODE = /^[A-Z0-9]{1,5}$/;

const isMedecin = (fse: Fse): boolean => fse.facture.ps.profession === 'medecin';
const lineExo = (fse: Fse): string[] => [fse.situation.justificationExoneration, ...fse.lignes.map((l) => l.justificationExoneration)];

/** Situation / coherence controls of an FSE. */
export const SITUATION_CONTROLS: readonly FseControl[] = [
  control('FSE_NATURE_ASSURANCE_UNKNOWN', 'Nature d’assurance connue', ALWAYS, (fse) =>
    NATURES.has(fse.situation.natureAssurance) ? undefined : { path: ['situation', 'natureAssurance'], received: fse.situation.natureAssurance }),
  control('FSE_AT_NUMERO_MISSING', 'N° ou date d’AT en nature AT/MP', (fse) => fse.situation.natureAssurance === '41', (fse) => {
    const at = fse.situation.accidentTravail;
    return at === undefined || at.numero.trim() === '' ? { path: ['situation', 'accidentTravail'] } : undefined;
  }),
  control('FSE_AT_NUMERO_FORMAT', 'N° d’AT sur 1 à 9 chiffres', (fse) => (fse.situation.accidentTravail?.numero ?? '') !== '', (fse) => {
    const n = fse.situation.accidentTravail?.numero ?? '';
    return /^\d{1,9}$/.test(n) ? undefined : { path: ['situation', 'accidentTravail', 'numero'], received: n };
  }),
  control('FSE_AT_NUMERO_UNEXPECTED', 'Pas de n° d’AT hors nature AT/MP', (fse) => fse.situation.accidentTravail !== undefined, (fse) =>
    fse.situation.natureAssurance === '41' ? undefined : { path: ['situation', 'accidentTravail'], received: fse.situation.natureAssurance }),
  control('FSE_EXONERATION_UNKNOWN', 'Justification d’exonération connue', ALWAYS, (fse) =>
    EXONERATIONS.has(fse.situation.justificationExoneration) ? undefined : { path: ['situation', 'justificationExoneration'], received: fse.situation.justificationExoneration }),
  control('FSE_EXONERATION_ALD_SANS_DROIT', 'Exonération ALD couverte par une période ALD', (fse) => lineExo(fse).includes('4'), (fse) => {
    const periodes = fse.beneficiaire.periodesAld ?? [];
    const lines = fse.lignes.map((l, k) => ({ l, k })).filter(({ l }) => l.justificationExoneration === '4');
    const dates = lines.length > 0 ? lines.map(({ l, k }) => ({ date: l.date, path: ['lignes', k, 'justificationExoneration'] })) : [{ date: firstDateSoins(fse), path: ['situation', 'justificationExoneration'] }];
    return dates.filter((d) => !periodes.some((p) => covers(p, d.date))).map((d) => ({ path: d.path, received: d.date }));
  }),
  control('FSE_EXONERATION_NATURE_CONFLICT', 'Pas d’exonération en maternité ou AT/MP', (fse) => fse.situation.natureAssurance === '30' || fse.situation.natureAssurance === '41', (fse) =>
    fse.situation.justificationExoneration !== '0'
      ? { path: ['situation', 'justificationExoneration'], expected: fse.situation.natureAssurance, received: fse.situation.justificationExoneration }
      : undefined),
  control('FSE_PARCOURS_UNKNOWN', 'Indicateur de parcours connu', ALWAYS, (fse) =>
    PARCOURS.has(fse.situation.parcours) ? undefined : { path: ['situation', 'parcours'], received: fse.situation.parcours }),
  control('FSE_PARCOURS_MISSING', 'Parcours de soins renseigné pour un médecin', isMedecin, (fse) =>
    fse.facture.parcours === undefined ? { path: ['facture', 'parcours'] } : undefined),
  control('FSE_PARCOURS_MAJORATION', 'Majorations de coordination seulement dans le parcours', (fse) => fse.situation.parcours === 'S', (fse, ctx) =>
    fse.lignes.flatMap((l, k) => (ctx.majorationsParcours.includes(l.code.toUpperCase()) ? [{ path: ['lignes', k, 'code'], received: l.code }] : []))),
  control('FSE_PRESCRIPTEUR_MISSING', 'Prescripteur pour les actes d’auxiliaires médicaux', (fse) => PROFESSIONS_SUR_PRESCRIPTION.has(fse.facture.ps.profession), (fse) =>
    fse.situation.prescription === undefined ? { path: ['situation', 'prescription'] } : undefined),
  control('FSE_PRESCRIPTION_DATE_MISSING', 'Date de prescription avec le prescripteur', (fse) => fse.situation.prescription !== undefined, (fse) =>
    fse.situation.prescription?.date === undefined ? { path: ['situation', 'prescription', 'date'] } : undefined),
  control('FSE_DESTINATAIRE_REGLEMENT_AMC', 'Tiers payant AMC avec un organisme complémentaire', (fse) => fse.reglement.destinataire === '15' || fse.reglement.destinataire === '25', (fse) =>
    fse.amc === undefined ? { path: ['amc'], received: fse.reglement.destinataire } : undefined),
  control('FSE_ACTE_CODE_FORMAT', 'Code acte NGAP sur 1 à 5 caractères', ALWAYS, (fse) =>
    fse.lignes.flatMap((l, k) => (l.detail.kind !== 'ngap' || NGAP_CODE.test(l.code) ? [] : [{ path: ['lignes', k, 'code'], received: l.code }]))),
  control('FSE_QUANTITE_RANGE', 'Quantité de 1 à 99', ALWAYS, (fse) =>
    fse.lignes.flatMap((l, k) => (Number.isInteger(l.quantite) && l.quantite >= 1 && l.quantite <= 99 ? [] : [{ path: ['lignes', k, 'quantite'], received: l.quantite }]))),
  control('FSE_LIGNES_EMPTY', 'Au moins un acte', ALWAYS, (fse) => (fse.lignes.length === 0 ? { path: ['lignes'] } : undefined)),
  control('FSE_LIGNES_TOO_MANY', `Au plus ${MAX_LIGNES} actes`, ALWAYS, (fse) =>
    fse.lignes.length > MAX_LIGNES ? { path: ['lignes'], expected: String(MAX_LIGNES), received: fse.lignes.length } : undefined),
];
