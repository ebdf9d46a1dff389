/**
 * DRE controls: tiers payant AMC, AMC number, adhérent (1 … 8 characters in B2 type 2 zones
 * 105-112, or 9 … 15 digits in type 2M zones 72-86), routing data (B2 type 2M), indicateur
 * de traitement, amount equal to the FSE's AMC part.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale): SSV groupe 109 (indicateur de traitement, routage), DRE;
 *   Norme B2 inter-régimes (cahier des charges CNAM), type 2M
 */
import { formatDecimal, sum } from '../../core/money/index';
import type { DreControl } from './types';
import { ALWAYS, control } from './types';

/** Indicateurs de traitement AMC known (SSV groupe 109 champ 4). */
export const INDICATEURS_TRAITEMENT: ReadonlySet<string> = new Set(['00', '12', '13', '22', '23', '32', '33', '60', '62', '63', '72', '73']);

/** DRE controls. */
export const DRE_CONTROLS: readonly DreControl[] = [
  control('FSE_DRE_NOT_TIERS_PAYANT', 'Part AMC en tiers payant', ALWAYS, (dre) =>
    dre.fse.reglement.tiersPayantAmc ? undefined : { path: ['fse', 'reglement', 'destinataire'], received: dre.fse.reglement.destinataire }),
  control('FSE_DRE_AMC_NUMERO_FORMAT', 'N° AMC sur 1 à 10 caractères', ALWAYS, (dre) =>
    /^[0-9A-Z]{1,10}$/.test(dre.amc.numero) ? undefined : { path: ['amc', 'numero'], received: dre.amc.numero }),
  control('FSE_DRE_ADHERENT_MISSING', 'N° d’adhérent AMC présent', ALWAYS, (dre) =>
    /^(?:[0-9A-Z]{1,8}|[0-9]{9,15})$/.test(dre.amc.numeroAdherent) ? undefined : { path: ['amc', 'numeroAdherent'] }),
  control('FSE_DRE_ROUTAGE_MISSING', 'Routage AMC complet (code routage, hôte, domaine)', ALWAYS, (dre) => {
    const r = dre.amc.routage;
    if (r === undefined) return { path: ['amc', 'routage'], received: 'routage' };
    const missing = (['codeRoutage', 'identifiantHote', 'nomDomaine'] as const).filter((k) => r[k].trim() === '');
    return missing.length === 0 ? undefined : { path: ['amc', 'routage'], received: missing.join(', ') };
  }),
  control('FSE_DRE_INDICATEUR_UNKNOWN', 'Indicateur de traitement AMC connu', ALWAYS, (dre) =>
    INDICATEURS_TRAITEMENT.has(dre.amc.indicateurTraitement) ? undefined : { path: ['amc', 'indicateurTraitement'], received: dre.amc.indicateurTraitement }),
  control('FSE_DRE_MONTANT_MISMATCH', 'Montant de la DRE égal à la part AMC de la FSE', ALWAYS, (dre) => {
    const lines = sum(dre.lignes.map((l) => l.montantAmc));
    const want = dre.fse.totaux.partAmc;
    if (dre.montantAmc.centimes !== want.centimes) return { path: ['montantAmc'], expected: formatDecimal(want), received: formatDecimal(dre.montantAmc) };
    return lines.centimes === want.centimes ? undefined : { path: ['lignes'], expected: formatDecimal(want), received: formatDecimal(lines) };
  }),
  control('FSE_DRE_AMC_ZERO', 'DRE d’un montant non nul', ALWAYS, (dre) => (dre.montantAmc.centimes === 0 ? { path: ['montantAmc'] } : undefined)),
];
