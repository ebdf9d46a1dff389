/**
 * Routing a DRE by the AMC's data: the attestation de tiers payant harmonisée names the AMC, the
 * convention and the adhérent; an Annuaire AMC answer (modeled) gives the B2 type 2M routing and
 * the organism that receives DREs; without one, the AMC routing read on the Vitale card (group
 * 109, the FSE's `amc`) serves when it is the same AMC.
 *
 * @see Association Inter-AMC, attestation de tiers payant harmonisée ; Norme B2 inter-régimes, type 2M (routage AMC)
 */
import type { PlainDate } from '../core/date/index';
import type { Issue } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import type { OrganismeAmc } from '../fse/input';
import type { Fse } from '../fse/model';
import { DRE_CODES } from './codes';
import type { AmcRouting, DreRoutage } from './model';

const issue = createIssueFactory(DRE_CODES);

/** The routed AMC of a DRE and where its routing came from. */
export interface RoutedAmc {
  readonly amc: OrganismeAmc;
  readonly decision: DreRoutage;
}

/**
 * Decides the DRE's AMC from the routing data (pure; issues pushed, never thrown).
 *
 * @param fse - The checked FSE.
 * @param routing - The checked routing input.
 * @param issues - Collector of `DRE_*` issues (paths under `amc`).
 * @returns The AMC to write in the DRE, or `undefined` when no routing is known.
 */
export function routeAmc(fse: Fse, routing: AmcRouting, issues: Issue[]): RoutedAmc | undefined {
  const a = routing.annuaire;
  if (a !== undefined) {
    const mismatch = (['numeroAmc', 'typeConvention', 'critereSecondaireRoutage'] as const).find((k) => a[k] !== undefined && a[k] !== routing[k]);
    if (mismatch !== undefined) issues.push(issue('DRE_ANNUAIRE_MISMATCH', { path: ['amc', 'annuaire', mismatch], expected: routing[mismatch] ?? '(aucun)', received: a[mismatch] }));
    if (a.dre === false) issues.push(issue('DRE_ANNUAIRE_SANS_DRE', { path: ['amc', 'annuaire', 'dre'], received: routing.numeroAmc }));
  }
  checkPeriode(fse, routing, issues);
  // The card's AMC data describe the same AMC only when the numbers agree.
  const card = fse.amc !== undefined && fse.amc.numero === routing.numeroAmc ? fse.amc : undefined;
  const routage = a?.routage ?? card?.routage;
  if (routage === undefined) {
    issues.push(issue('DRE_ROUTAGE_ABSENT', { path: ['amc', 'annuaire'], received: routing.numeroAmc }));
    return undefined;
  }
  const codeApplication = a?.codeApplication ?? card?.codeApplication;
  const amc: OrganismeAmc = {
    numero: a?.destinataire ?? routing.numeroAmc,
    numeroAdherent: routing.numeroAdherent,
    indicateurTraitement: a?.indicateurTraitement ?? card?.indicateurTraitement ?? '',
    routage,
    ...(card?.typeContrat !== undefined ? { typeContrat: card.typeContrat } : {}),
    ...(codeApplication !== undefined ? { codeApplication } : {}),
    ...(card?.identifiantAdherentAmc !== undefined ? { identifiantAdherentAmc: card.identifiantAdherentAmc } : {}),
  };
  const decision: DreRoutage = {
    typeConvention: routing.typeConvention,
    ...(routing.critereSecondaireRoutage !== undefined ? { critereSecondaireRoutage: routing.critereSecondaireRoutage } : {}),
    source: a !== undefined ? 'annuaire' : 'carte',
  };
  return { amc, decision };
}

/** Every date of care must fall in the attestation's période de validité (both days included). */
function checkPeriode(fse: Fse, routing: AmcRouting, issues: Issue[]): void {
  const p = routing.periodeValidite;
  if (p === undefined) return;
  const outside = fse.lignes.map((l) => l.date).find((d: PlainDate) => d < p.debut || d > p.fin);
  if (outside !== undefined) issues.push(issue('DRE_ATTESTATION_PERIODE', { path: ['amc', 'periodeValidite'], expected: `${p.debut} au ${p.fin}`, received: outside }));
}
