/**
 * Identifier controls: NIR (assuré, bénéficiaire), n° de facturation (PS, prescripteur,
 * exécutant, remplaçant), n° de facture, organismes AMO. Keys are checked with core/ids
 * (NIR mod 97, Luhn "clé type 1-2 norme B2"), so a one-digit typo is caught before the caisse.
 *
 * @see ../shared/domain/SPECS.md §6.1, §6.2, §2.3 type 2
 */
import type { IssueDetails, IssuePath } from '../../core/issues/index';
import { validateNir, validateNumeroFacturation } from '../../core/ids/index';
import type { Fse } from '../model';
import type { FseControl } from './types';
import { ALWAYS, control } from './types';

type Stage = 'format' | 'key' | undefined;

/** Which stage of an identifier fails (format/length/components vs key), with the key details. */
function nirStage(value: string): { stage: Stage; expected?: string; received?: string } {
  const r = validateNir(value);
  if (r.ok) return { stage: undefined };
  const first = r.issues[0];
  if (first.code === 'NIR_CHECKSUM') return { stage: 'key', ...(first.expected !== undefined ? { expected: first.expected } : {}), ...(first.received !== undefined ? { received: first.received } : {}) };
  return { stage: 'format' };
}

function numStage(value: string): { stage: Stage; expected?: string; received?: string } {
  const r = validateNumeroFacturation(value);
  if (r.ok) return { stage: undefined };
  const first = r.issues[0];
  if (first.code === 'NUMFACT_CHECKSUM') return { stage: 'key', ...(first.expected !== undefined ? { expected: first.expected } : {}), ...(first.received !== undefined ? { received: first.received } : {}) };
  return { stage: 'format' };
}

function keyFinding(path: IssuePath, s: { expected?: string; received?: string }): IssueDetails {
  return { path, ...(s.expected !== undefined ? { expected: s.expected } : {}), ...(s.received !== undefined ? { received: s.received } : {}) };
}

const digitsOf = (n: number) => (f: string | undefined): boolean => f !== undefined && new RegExp(`^\\d{${n}}$`).test(f);

const hasPrescription = (fse: Fse): boolean => fse.situation.prescription !== undefined;
const prescripteur = (fse: Fse): string => fse.situation.prescription?.numeroPrescripteur ?? '';

/** Identifier controls of an FSE. */
export const IDENTIFIER_CONTROLS: readonly FseControl[] = [
  control('FSE_ASSURE_NIR_FORMAT', 'NIR de l’assuré lisible (13 caractères + clé)', ALWAYS, (fse) =>
    nirStage(fse.beneficiaire.nirAssure).stage === 'format' ? { path: ['beneficiaire', 'nirAssure'], expected: '15 caractères', received: fse.beneficiaire.nirAssure } : undefined),
  control('FSE_ASSURE_NIR_KEY', 'Clé du NIR de l’assuré', ALWAYS, (fse) => {
    const s = nirStage(fse.beneficiaire.nirAssure);
    return s.stage === 'key' ? keyFinding(['beneficiaire', 'nirAssure'], s) : undefined;
  }),
  control('FSE_BENEFICIAIRE_NIR_FORMAT', 'NIR individuel du bénéficiaire lisible', (fse) => fse.beneficiaire.nirIndividuel !== undefined, (fse) =>
    nirStage(fse.beneficiaire.nirIndividuel ?? '').stage === 'format' ? { path: ['beneficiaire', 'nirIndividuel'], received: fse.beneficiaire.nirIndividuel ?? '' } : undefined),
  control('FSE_BENEFICIAIRE_NIR_KEY', 'Clé du NIR individuel du bénéficiaire', (fse) => fse.beneficiaire.nirIndividuel !== undefined, (fse) => {
    const s = nirStage(fse.beneficiaire.nirIndividuel ?? '');
    return s.stage === 'key' ? keyFinding(['beneficiaire', 'nirIndividuel'], s) : undefined;
  }),
  control('FSE_PS_NUMERO_FORMAT', 'N° de facturation du PS sur 9 chiffres', ALWAYS, (fse) =>
    numStage(fse.ps.numeroFacturation).stage === 'format' ? { path: ['ps', 'numeroFacturation'], received: fse.ps.numeroFacturation } : undefined),
  control('FSE_PS_NUMERO_KEY', 'Clé de Luhn du n° de facturation du PS', ALWAYS, (fse) => {
    const s = numStage(fse.ps.numeroFacturation);
    return s.stage === 'key' ? keyFinding(['ps', 'numeroFacturation'], s) : undefined;
  }),
  control('FSE_PRESCRIPTEUR_NUMERO_FORMAT', 'N° du prescripteur sur 9 chiffres', hasPrescription, (fse) =>
    numStage(prescripteur(fse)).stage === 'format' ? { path: ['situation', 'prescription', 'numeroPrescripteur'], received: prescripteur(fse) } : undefined),
  control('FSE_PRESCRIPTEUR_NUMERO_KEY', 'Clé de Luhn du n° du prescripteur', hasPrescription, (fse) => {
    const s = numStage(prescripteur(fse));
    return s.stage === 'key' ? keyFinding(['situation', 'prescription', 'numeroPrescripteur'], s) : undefined;
  }),
  control('FSE_EXECUTANT_NUMERO_KEY', 'N° de l’exécutant de chaque acte valide', ALWAYS, (fse) =>
    fse.lignes.flatMap((l, k) => (numStage(l.executant).stage === undefined ? [] : [{ path: ['lignes', k, 'executant'], received: l.executant }]))),
  control('FSE_REMPLACANT_NUMERO_KEY', 'N° du PS remplaçant valide', (fse) => fse.remplacant !== undefined, (fse) =>
    numStage(fse.remplacant ?? '').stage === undefined ? undefined : { path: ['remplacant'], received: fse.remplacant ?? '' }),
  control('FSE_NUMERO_FACTURE_RANGE', 'N° de facture entre 1 et 999 999 999', (fse) => fse.identification.numeroFacture !== undefined, (fse) => {
    const n = fse.identification.numeroFacture ?? 0;
    return Number.isInteger(n) && n >= 1 && n <= 999_999_999 ? undefined : { path: ['identification', 'numeroFacture'], expected: '1 à 999999999', received: n };
  }),
  control('FSE_ORGANISME_REGIME_FORMAT', 'Grand régime sur 2 chiffres', ALWAYS, (fse) =>
    digitsOf(2)(fse.amo.grandRegime) ? undefined : { path: ['amo', 'grandRegime'], received: fse.amo.grandRegime }),
  control('FSE_ORGANISME_CAISSE_FORMAT', 'Caisse gestionnaire sur 3 chiffres', ALWAYS, (fse) =>
    digitsOf(3)(fse.amo.caisse) ? undefined : { path: ['amo', 'caisse'], received: fse.amo.caisse }),
  control('FSE_ORGANISME_CENTRE_FORMAT', 'Centre gestionnaire sur 4 chiffres', ALWAYS, (fse) =>
    digitsOf(4)(fse.amo.centre) ? undefined : { path: ['amo', 'centre'], received: fse.amo.centre }),
  control('FSE_ORGANISME_DESTINATAIRE_FORMAT', 'Organisme destinataire sur 3 chiffres', ALWAYS, (fse) =>
    digitsOf(3)(fse.amo.organismeDestinataire) ? undefined : { path: ['amo', 'organismeDestinataire'], received: fse.amo.organismeDestinataire }),
];
