/**
 * Bénéficiaire controls: rang de naissance, rang bénéficiaire, qualité, age, NIR vs birth date.
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), type 2 zones 96-104; SSV groupe 1130 (qualité); INSEE (NIR)
 */
import { ageAt } from '../../core/date/index';
import { compactNir } from '../../core/ids/index';
import type { FseControl } from './types';
import { ALWAYS, control } from './types';
import { firstDateSoins } from './dates';

const QUALITES = new Set(['0', '1', '2', '3', '4', '5', '6', '8', '9']);

/** Bénéficiaire controls of an FSE. */
export const BENEFICIAIRE_CONTROLS: readonly FseControl[] = [
  control('FSE_RANG_NAISSANCE_RANGE', 'Rang de naissance de 1 à 9', ALWAYS, (fse) => {
    const r = fse.beneficiaire.rangNaissance;
    return Number.isInteger(r) && r >= 1 && r <= 9 ? undefined : { path: ['beneficiaire', 'rangNaissance'], received: r };
  }),
  control('FSE_RANG_BENEFICIAIRE_RANGE', 'Rang du bénéficiaire de 1 à 99', ALWAYS, (fse) => {
    const r = fse.beneficiaire.rangBeneficiaire;
    return Number.isInteger(r) && r >= 1 && r <= 99 ? undefined : { path: ['beneficiaire', 'rangBeneficiaire'], received: r };
  }),
  control('FSE_QUALITE_UNKNOWN', 'Qualité du bénéficiaire connue', ALWAYS, (fse) =>
    QUALITES.has(fse.beneficiaire.qualite) ? undefined : { path: ['beneficiaire', 'qualite'], received: fse.beneficiaire.qualite }),
  control('FSE_AGE_RANGE', 'Âge du bénéficiaire vraisemblable', ALWAYS, (fse, ctx) => {
    const age = ageAt(fse.beneficiaire.dateNaissance, firstDateSoins(fse));
    return age > ctx.ageMax ? { path: ['beneficiaire', 'dateNaissance'], expected: `≤ ${ctx.ageMax}`, received: age } : undefined;
  }),
  control('FSE_QUALITE_ENFANT_AGE', 'Qualité enfant cohérente avec l’âge', (fse) => fse.beneficiaire.qualite === '6', (fse, ctx) => {
    const age = ageAt(fse.beneficiaire.dateNaissance, firstDateSoins(fse));
    return age >= ctx.ageMaxEnfant ? { path: ['beneficiaire', 'qualite'], expected: String(ctx.ageMaxEnfant), received: age } : undefined;
  }),
  control('FSE_NIR_NAISSANCE_MISMATCH', 'NIR de l’assuré cohérent avec sa date de naissance', (fse) => fse.beneficiaire.qualite === '0', (fse) => {
    const nir = compactNir(fse.beneficiaire.nirIndividuel ?? fse.beneficiaire.nirAssure);
    if (!/^[12]\d{4}/.test(nir)) return undefined; // provisional NIA (7/8) or unreadable: other controls
    const month = Number(nir.slice(3, 5));
    if (month < 1 || month > 12) return undefined; // pseudo-month: birth month unknown at registration
    const birth = fse.beneficiaire.dateNaissance;
    const yymm = birth.slice(2, 4) + birth.slice(5, 7);
    return nir.slice(1, 5) === yymm ? undefined : { path: ['beneficiaire', 'dateNaissance'], expected: birth, received: nir.slice(1, 5) };
  }),
  control('FSE_QUALITE_ASSURE_INDIVIDU', 'Qualité assuré sans NIR individuel différent', (fse) => fse.beneficiaire.qualite === '0' && fse.beneficiaire.nirIndividuel !== undefined, (fse) =>
    compactNir(fse.beneficiaire.nirIndividuel ?? '').slice(0, 13) === compactNir(fse.beneficiaire.nirAssure).slice(0, 13) ? undefined : { path: ['beneficiaire', 'nirIndividuel'] }),
];
