/**
 * decideTiersPayant: tiers payant obligations and the destinataire du règlement (internal).
 *
 * Obligations (Code de la sécurité sociale, art. L.861-3 (C2S) et L.160-8 (tiers payant)): C2S → AMO + AMC (CSS L.861-3); AME → full tiers payant (AMO side,
 * the TM being waived); ALD (acts en rapport), maternité, AT/MP → AMO part. The caller's
 * preference adds to them. Tiers payant AMC needs an AMC (a garantie or the C2S).
 * Destinataire (B2 type 2 pos 115-116): 00 hors TP, 05 TP AMO, 15 TP intégral, 25 TP AMC seule.
 */
import type { Contexte } from './context';
import { dayNumber, issue } from './checks';
import { atDay } from './compiledParams';
import type { DestinataireReglement, LigneDecompte, PreferenceTiersPayant } from './model';
import { step } from './trace';

/** The tiers payant decision (internal). */
export interface DecisionTiersPayant {
  readonly amo: boolean;
  readonly amc: boolean;
  readonly destinataire: DestinataireReglement;
}

const NO_PREFERENCE: PreferenceTiersPayant = /* @__PURE__ */ Object.freeze({});

function obligation(ctx: Contexte, lignes: readonly LigneDecompte[]): string | null {
  const b = ctx.input.beneficiaire;
  if (b.c2s === true) return 'c2s';
  if (b.ame === true) return 'ame';
  if (ctx.nature === '41') return 'atmp';
  for (const l of lignes) if (l.exoneration === 'ald' || l.exoneration === 'maternite') return l.exoneration;
  // LFSS 2026: tiers payant AMO for the séances Mon soutien psy (dated).
  if (ctx.input.ps.profession === 'psychologue') {
    for (const l of lignes) if (atDay(ctx.regles.tiersPayantAmoPsychologue, dayNumber(l.date))?.value === true) return 'psychologue';
  }
  return null;
}

function withheld(lignes: readonly LigneDecompte[]): boolean {
  for (const l of lignes) if (l.participationForfaitaire.centimes + l.franchise.centimes > 0) return true;
  return false;
}

/**
 * Decides tiers payant AMO / AMC and the destinataire du règlement.
 *
 * @param ctx - The context.
 * @param lignes - The priced lines.
 * @returns The decision (and a trace step; PF / franchises under tiers payant are recovered later).
 */
export function decideTiersPayant(ctx: Contexte, lignes: readonly LigneDecompte[]): DecisionTiersPayant {
  const pref = ctx.input.tiersPayant ?? NO_PREFERENCE;
  const why = obligation(ctx, lignes);
  const hasAmc = ctx.input.amc !== undefined || ctx.input.beneficiaire.c2s === true;
  const amo = why !== null || pref.amo === true;
  let amc = why === 'c2s' || pref.amc === true;
  if (amc && !hasAmc) {
    amc = false;
    ctx.issues.push(issue('RULES_TP_AMC_SANS_GARANTIE', { path: ['tiersPayant', 'amc'] }));
  }
  const destinataire: DestinataireReglement = amo ? (amc ? '15' : '05') : amc ? '25' : '00';
  if (ctx.trace !== null) step(ctx, 'tiers-payant', undefined, { obligation: why ?? 'aucune', preferenceAmo: pref.amo === true ? 'true' : 'false', preferenceAmc: pref.amc === true ? 'true' : 'false' }, `destinataire du règlement ${destinataire}`, undefined, 'Code de la sécurité sociale, art. L.861-3 (C2S) et L.160-8 (tiers payant); B2 type 2 pos 115-116 (§2.3)');
  if (amo && ctx.trace !== null && withheld(lignes)) {
    step(ctx, 'tiers-payant.pf-recuperee', undefined, {}, 'PF / franchises non encaissées : récupérées ultérieurement par la caisse', undefined, 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024');
  }
  return { amo, amc, destinataire };
}
