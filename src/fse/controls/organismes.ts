/**
 * Organisme AMO controls against the SNDS reference tables (issue #11 §2): the grand régime is one
 * of IR_GRG_V / IR_RGM_V, the caisse is one of that régime's caisses in IR_CAI_V, and the régime
 * of the organisme is the bénéficiaire's own when the invoice names one.
 *
 * The centre gestionnaire (4 digits on the card and in the norme B2) is only checked for its
 * format (`FSE_ORGANISME_CENTRE_FORMAT`): the SNDS organismes table (IR_ORG_V) writes centres on 3
 * characters with no published mapping to the card's 4 digits, and is not shipped (size).
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), type 2 zones 49-57; nomenclatures du SNDS (CNAM / Health Data Hub, 2021, Licence Ouverte 2.0)
 */
import { findCaisse, findRegime } from '../../rules/snds/organismes';
import type { Fse } from '../model';
import type { FseControl } from './types';
import { control } from './types';

const TWO = /^\d{2}$/;
const THREE = /^\d{3}$/;

/** Whether the grand régime has its 2 digits and is known. */
function regimeConnu(fse: Fse): boolean {
  const g = fse.amo.grandRegime;
  return TWO.test(g) && findRegime(g).ok;
}

/** The bénéficiaire's grand régime on 2 digits, when the priced invoice names one. */
function regimeBeneficiaire(fse: Fse): string | undefined {
  const r = fse.facture.beneficiaire.regime;
  return typeof r === 'string' && /^\d{1,2}$/.test(r) ? r.padStart(2, '0') : undefined;
}

/** Organisme AMO controls of an FSE. */
export const ORGANISME_CONTROLS: readonly FseControl[] = [
  control('FSE_ORGANISME_REGIME_INCONNU', 'Grand régime connu des nomenclatures (IR_GRG_V)', (fse) => TWO.test(fse.amo.grandRegime), (fse) =>
    findRegime(fse.amo.grandRegime).ok ? undefined : { path: ['amo', 'grandRegime'], received: fse.amo.grandRegime }),
  control('FSE_ORGANISME_CAISSE_INCONNUE', 'Caisse connue pour ce régime (IR_CAI_V)', (fse) => THREE.test(fse.amo.caisse) && regimeConnu(fse), (fse) =>
    findCaisse(`${fse.amo.grandRegime}${fse.amo.caisse}`).ok ? undefined : { path: ['amo', 'caisse'], received: fse.amo.caisse, expected: fse.amo.grandRegime }),
  control('FSE_ORGANISME_REGIME_INCOHERENT', 'Régime de l’organisme AMO = régime du bénéficiaire', (fse) => TWO.test(fse.amo.grandRegime) && regimeBeneficiaire(fse) !== undefined, (fse) => {
    const own = regimeBeneficiaire(fse) as string;
    return own === fse.amo.grandRegime ? undefined : { path: ['amo', 'grandRegime'], received: fse.amo.grandRegime, expected: own };
  }),
];
