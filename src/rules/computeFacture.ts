/**
 * computeFacture: prices one invoice and splits it AMO / AMC / patient, with a trace.
 *
 * Per line: tariff at the act date → base; rate (exonérations, parcours) → partAmo = base × taux
 * rounded halfUp to the centime (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024: 65 % × 3,29 = 2,1385 → 2,14); then PF and franchises
 * are taken from partAmo (netAmo, never below zero); then the AMC part; the patient keeps the rest.
 */
import type { Issue, Result } from '../core/issues/index';
import { resultOf } from '../core/issues/index';
import { createAmcPlan, computeAmc } from './amc';
import { multiplyCentimes, ZERO as ZERO_MONEY } from '../core/money/index';
import { dayNumber, issue } from './checks';
import { atDay } from './compiledParams';
import type { Contexte } from './context';
import { createContexte, inMaternite } from './context';
import type { AccidentTravail, Decompte, FactureInput, LigneActe, LigneDecompte, MontantsDecompte, TraceStep } from './model';
import type { LigneGroupee } from './groupes';
import { planGroupes } from './groupes';
import type { Prix } from './priceLigne';
import { createPrix, priceLigne } from './priceLigne';
import { applyTauxCcam, planActeLourd } from './ccam/acteLourd';
import { checkCumulsJour } from './ccam/cumul';
import { computeRetenues, createCumuls, createRetenues } from './retenues';
import { DEFAULT_REFERENTIEL, PARAMETRES_DEFAUT } from './tables/index';
import { chooseTaux, createTauxChoisi } from './taux';
import { decideTiersPayant } from './tiersPayant';
import { fmt, money, qte, step } from './trace';
import { validateFacture } from './validateFactureInput';
import { versionsOf } from './versions';
import type { ComputeFactureOptions } from './checkOptions';
import { checkComputeOptions } from './checkOptions';
import { inputErr } from '../core/guard/index';

const NO_OPTIONS: ComputeFactureOptions = Object.freeze({});

export type { ComputeFactureOptions } from './checkOptions';

/**
 * Invoice-level checks, on the line dates as day numbers (Hint: each date is parsed once, by the
 * validation; every later date test compares integers).
 */
function checkInvoice(ctx: Contexte, days: readonly number[]): void {
  const { input, issues } = ctx;
  const b = input.beneficiaire;
  if (ctx.nature === '41' && b.atmp === undefined) issues.push(issue('RULES_ATMP_MANQUANT', { path: ['beneficiaire', 'atmp'] }));
  if (ctx.nature === '13') issues.push(issue('RULES_REGIME_LOCAL', { path: ['natureAssurance'] }));
  // A médecin's lines depend on the parcours (rate, DA, majorations): never a silent default (a
  // forgotten hors-parcours patient would be paid at 70 % instead of 30 %). A rule of the pricing,
  // not of the shape: an FSE without parcours still reaches its own control (FSE_PARCOURS_MISSING).
  if (input.parcours === undefined && input.ps.profession === 'medecin') issues.push(issue('RULES_PARCOURS_MANQUANT', { path: ['parcours'] }));
  const birth = dayNumber(b.dateNaissance);
  // The same month and day one year before the billing date (NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024): one-year billing delay).
  const limit = dayNumber(input.dateFacturation) - 10000;
  const atmp = ctx.nature === '41' && b.atmp !== undefined ? dayNumber(b.atmp.date) : 0;
  let maternityWarned = false;
  for (let i = 0; i < input.lignes.length; i++) {
    const l = input.lignes[i] as FactureInput['lignes'][number];
    const day = days[i] as number;
    if (day < birth) issues.push(issue('RULES_DATE_AVANT_NAISSANCE', { path: ['lignes', i, 'date'], expected: b.dateNaissance, received: l.date }));
    if (day < limit) issues.push(issue('RULES_DELAI_FACTURATION', { path: ['lignes', i, 'date'], received: l.date }));
    if (l.enRapportAld === true && b.ald !== true) issues.push(issue('RULES_ALD_NON_DECLAREE', { path: ['lignes', i, 'enRapportAld'] }));
    if (day < atmp) issues.push(issue('RULES_ATMP_DATE', { path: ['lignes', i, 'date'], expected: (b.atmp as AccidentTravail).date, received: l.date }));
    if (input.prescripteurNonConventionne === true && atDay(ctx.regles.prescriptionNonConventionneExclue, day)?.value === true) {
      issues.push(issue('RULES_PRESCRIPTEUR_NON_CONVENTIONNE', { path: ['lignes', i, 'date'], expected: l.date }));
    }
    if (!maternityWarned && (ctx.nature === '10' || ctx.nature === '13') && inMaternite(ctx, day)) {
      maternityWarned = true;
      issues.push(issue('RULES_NATURE_MATERNITE', { path: ['natureAssurance'], received: ctx.nature }));
    }
  }
}

/** The versions as one trace text (Hint: `versionsOf` returns the same frozen list per référentiel × parameters: joined once). */
const JOINED = new WeakMap<readonly string[], string>();
function joinedVersions(list: readonly string[]): string {
  let text = JOINED.get(list);
  if (text === undefined) {
    text = list.join(' ; ');
    JOINED.set(list, text);
  }
  return text;
}

function traceContexte(ctx: Contexte): void {
  const ps = ctx.input.ps;
  step(ctx, 'contexte', undefined, { natureAssurance: ctx.nature, parcours: ctx.parcours, profession: ps.profession, secteur: ps.secteur, zone: ps.zone, referentiel: ctx.ref.version, parametres: ctx.params.version, versions: joinedVersions(versionsOf(ctx.ref, ctx.params.version)) }, 'facture acceptée', undefined, 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion');
  if (ctx.materniteDebut !== null) step(ctx, 'maternite.periode', undefined, {}, `${ctx.materniteDebut} → ${ctx.materniteFin as string}`, undefined, 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) (1er jour du 6e mois → accouchement + 12 j)');
}

function allAld(lignes: readonly LigneDecompte[]): boolean {
  for (let i = 0; i < lignes.length; i++) if ((lignes[i] as LigneDecompte).justificationExoneration !== '4') return false;
  return true;
}

function totals(lignes: readonly LigneDecompte[]): MontantsDecompte {
  let f = 0, b = 0, a = 0, tm = 0, pf = 0, fr = 0, n = 0, c = 0, rp = 0, r = 0, d = 0, al = 0;
  for (const l of lignes) {
    f += l.montantFacture.centimes; b += l.baseRemboursement.centimes; a += l.partAmo.centimes; tm += l.ticketModerateur.centimes;
    pf += l.participationForfaitaire.centimes; fr += l.franchise.centimes; n += l.rembourseAmo.centimes;
    c += l.partAmc.centimes; rp += l.resteAChargePatient.centimes; r += l.resteACharge.centimes; d += l.depassement.centimes; al += l.participationActeLourd.centimes;
  }
  const net = money(n);
  return {
    montantFacture: money(f), baseRemboursement: money(b), partAmo: money(a), ticketModerateur: money(tm), participationForfaitaire: money(pf), franchise: money(fr),
    rembourseAmo: net, netAmo: net, partAmc: money(c), resteAChargePatient: money(rp), resteACharge: money(r), depassement: money(d), participationActeLourd: money(al),
  };
}

/**
 * Pass 1: prices every line (Hint: once; the 24 € plan reads these prices). Each line's pricing
 * steps and issues are taken out of the context and returned with their per-line ends, so that
 * pass 2 puts them back in line order, before the line's rate steps, as one pass would.
 */
function priceLignes(ctx: Contexte, days: readonly number[], groupes: Map<number, LigneGroupee> | undefined, set: PricingSet): void {
  const lignes = ctx.input.lignes;
  const trace = ctx.trace;
  const issues = ctx.issues;
  const traceStart = trace === null ? 0 : trace.length;
  const issueStart = issues.length;
  for (let i = 0; i < lignes.length; i++) {
    const grouped = groupes?.get(i);
    const line = grouped === undefined ? (lignes[i] as LigneActe) : grouped.line;
    const prix = createPrix();
    if (priceLigne(ctx, line, i, days[i] as number, prix, grouped?.group)) set.prix[i] = prix;
    set.traceEnd[i] = trace === null ? 0 : trace.length - traceStart;
    set.issueEnd[i] = issues.length - issueStart;
  }
  if (trace !== null && trace.length > traceStart) set.steps = trace.splice(traceStart);
  if (issues.length > issueStart) set.issues = issues.splice(issueStart);
}

/** What pass 1 hands to pass 2 (internal). */
interface PricingSet {
  readonly prix: (Prix | undefined)[];
  readonly traceEnd: number[];
  readonly issueEnd: number[];
  steps: TraceStep[];
  issues: Issue[];
}

const NO_STEPS: TraceStep[] = [];
const NO_ISSUES: Issue[] = [];

/** Puts back the pricing steps and issues of line i (pass 2). */
function restore(ctx: Contexte, set: PricingSet, i: number): void {
  if (set.steps.length > 0 && ctx.trace !== null) {
    for (let k = i === 0 ? 0 : (set.traceEnd[i - 1] as number); k < (set.traceEnd[i] as number); k++) ctx.trace.push(set.steps[k] as TraceStep);
  }
  if (set.issues.length > 0) {
    for (let k = i === 0 ? 0 : (set.issueEnd[i - 1] as number); k < (set.issueEnd[i] as number); k++) ctx.issues.push(set.issues[k] as Issue);
  }
}

function computeLignes(ctx: Contexte, days: readonly number[]): LigneDecompte[] | undefined {
  const cumuls = createCumuls(ctx.input);
  const plan = createAmcPlan(ctx);
  // Hint: two scratch objects per invoice, overwritten line by line.
  const t = createTauxChoisi();
  const ret = createRetenues();
  const out: LigneDecompte[] = [];
  const lignes = ctx.input.lignes;
  // Hint: the group pass runs only when a line has a `groupe`.
  const groupes = lignes.some((l) => l.groupe !== undefined) ? planGroupes(ctx, days) : undefined;
  const set: PricingSet = { prix: new Array<Prix | undefined>(lignes.length), traceEnd: new Array<number>(lignes.length).fill(0), issueEnd: new Array<number>(lignes.length).fill(0), steps: NO_STEPS, issues: NO_ISSUES };
  priceLignes(ctx, days, groupes, set);
  const lourd = planActeLourd(ctx, days, set.prix);
  for (let i = 0; i < lignes.length; i++) {
    restore(ctx, set, i);
    const prix = set.prix[i];
    if (prix === undefined) continue;
    const grouped = groupes?.get(i);
    const line = grouped === undefined ? (lignes[i] as LigneActe) : grouped.line;
    const day = days[i] as number;
    if (!chooseTaux(ctx, line, prix.row, day, t)) {
      ctx.issues.push(issue('RULES_PARAMETRE_DATE', { path: ['lignes', i, 'date'], received: 'taux', expected: line.date }));
      continue;
    }
    const base = prix.base;
    const participationActeLourd = applyTauxCcam(ctx, lourd, line, prix.row, i, day, t);
    const partAmo = multiplyCentimes(base, t.taux, 'halfUp') - participationActeLourd;
    const partAmoMoney = money(partAmo);
    if (ctx.trace !== null) {
      step(ctx, t.rule, i, { base: fmt(base), taux: t.text }, `part AMO ${fmt(partAmo)} (arrondi halfUp)`, partAmoMoney, t.source);
    }
    if (!computeRetenues(ctx, cumuls, prix.row, line.date, day, line.quantite, partAmo, i, ret)) continue;
    const amc = computeAmc(ctx, plan, base, partAmo, prix.billed - base, i, day, line.date);
    if (amc === undefined) continue;
    const net = money(partAmo - ret.pf - ret.franchise);
    // Hint: the Money objects are those of the trace steps (and `montantFacture` is `baseRemboursement`
    // without dépassement); one literal, keys always in this order (the derived amounts written out,
    // not spread: a spread copies property by property). The 24 € participation replaces the ticket
    // modérateur: it is not counted in it. The deprecated aliases share the Money objects.
    out.push({
      index: i, code: line.code, date: line.date, quantite: line.quantite, coefficient: prix.coefficient, prixUnitaire: prix.unitMoney, taux: t.taux,
      exoneration: t.exoneration, justificationExoneration: t.exoneration === 'ald' ? '4' : '0', exemptionPf: ret.exemption, franchiseKind: ret.kind,
      sourceTarif: prix.row.row.source,
      montantFacture: prix.billedMoney, baseRemboursement: prix.baseMoney, partAmo: partAmoMoney, participationForfaitaire: ret.pfMoney, franchise: ret.franchiseMoney,
      ticketModerateur: money(base - partAmo - participationActeLourd), rembourseAmo: net, netAmo: net, partAmc: amc,
      resteAChargePatient: money(prix.billed - net.centimes - amc.centimes), resteACharge: money(prix.billed - partAmo - amc.centimes), depassement: prix.depassementMoney,
      participationActeLourd: participationActeLourd === 0 ? ZERO_MONEY : money(participationActeLourd),
    });
  }
  // Same-day rules between lines (consultation + acte, association order), after the lines' own issues.
  checkCumulsJour(ctx, days, set.prix);
  return out.length === lignes.length ? out : undefined;
}

/**
 * Prices one invoice and splits it between the AMO, the AMC and the patient.
 *
 * @param input - The invoice (validated here: anything may be passed).
 * @param options - Référentiel / parameters override, `trace` (default true).
 * @returns The {@link Decompte} with warnings, or issues with paths (`['lignes', 2, 'code']`).
 * @example
 * const r = computeFacture({ dateFacturation: '2025-03-10', ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' },
 *   beneficiaire: { dateNaissance: '1980-05-01' }, parcours: 'T', lignes: [{ code: 'G', date: '2025-03-10', quantite: 1 }] });
 * // r.value.total: partAmo 21,00 €, PF 2,00 €, netAmo 19,00 €, resteACharge 9,00 €
 * @see NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024)
 */
export function computeFacture(input: unknown, options?: ComputeFactureOptions): Result<Decompte> {
  const days: number[] = [];
  const valid = validateFacture(input, days);
  if (!valid.ok) return valid;
  const facture = valid.value;
  let opts: ComputeFactureOptions = NO_OPTIONS;
  if (options !== undefined) {
    // The options are caller data too: a bad référentiel or parameters are INPUT_* issues, never a crash while pricing.
    const optionIssues: Issue[] = [];
    const checked = checkComputeOptions(options, ['options'], optionIssues);
    if (checked === undefined) return inputErr(optionIssues);
    opts = checked;
  }
  const ctx = createContexte(facture, opts.parametres ?? PARAMETRES_DEFAUT, opts.referentiel ?? DEFAULT_REFERENTIEL, opts.trace !== false);
  checkInvoice(ctx, days);
  if (ctx.trace !== null) traceContexte(ctx);
  const lignes = computeLignes(ctx, days);
  // validateFactureInput raises errors only: past it, every issue is the engine's.
  const issues = ctx.issues;
  // Invariant: a line is left unpriced only after an error issue was pushed.
  if (lignes === undefined) return { ok: false, issues: issues as unknown as readonly [Issue, ...Issue[]] };
  const total = totals(lignes);
  const tp = decideTiersPayant(ctx, lignes);
  const paidByTp = (tp.amo ? total.partAmo.centimes : 0) + (tp.amc ? total.partAmc.centimes : 0);
  if (ctx.trace !== null) step(ctx, 'total', undefined, { lignes: qte(lignes.length) }, `remboursé AMO ${fmt(total.rembourseAmo.centimes)} · AMC ${fmt(total.partAmc.centimes)} · reste à charge ${fmt(total.resteAChargePatient.centimes)} (dont PF/franchises ${fmt(total.participationForfaitaire.centimes + total.franchise.centimes)})`, total.montantFacture, 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024');
  const decompte: Decompte = {
    lignes,
    total,
    chargePatient: total.resteAChargePatient,
    aEncaisserPatient: money(total.montantFacture.centimes - paidByTp),
    tiersPayantAmo: tp.amo,
    tiersPayantAmc: tp.amc,
    destinataireReglement: tp.destinataire,
    natureAssurance: ctx.nature,
    parcours: ctx.parcours,
    justificationExoneration: allAld(lignes) ? '4' : '0',
    versions: versionsOf(ctx.ref, ctx.params.version),
    trace: ctx.trace ?? [],
  };
  return resultOf(decompte, issues);
}
