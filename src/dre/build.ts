/**
 * buildDreFromFse: FSE → DRE, one way. The AMC is routed by its own data (attestation de tiers
 * payant, Annuaire AMC) and asked only what a CLC guaranteed (the ROC principle): no DRE without
 * a `garanti` guarantee (the patient pays the AMC part), the amount capped at the guaranteed
 * amount, spread over the lines in proportion to their AMC parts (largest remainder: exact
 * centimes, no line above its own part).
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), DRE ; Association Inter-AMC, IDB / CLC (modeled)
 */
import { field, guardObject, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, resultOf } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { allocate, formatDecimal, min } from '../core/money/index';
import type { Fse, LigneDre } from '../fse/model';
import { checkFse } from '../fse/shape';
import { runControls } from '../fse/validate';
import { DRE_CODES } from './codes';
import type { AmcRouting, Dre, GarantieClc } from './model';
import { routeAmc } from './routing';
import { checkAmcRouting, checkGarantieClc } from './shape';
import type { ValidateDreOptions } from './validate';
import { prepareDreRun } from './validate';

const issue = createIssueFactory(DRE_CODES);

/** Options of {@link buildDreFromFse}: the CLC guarantee, and the controls run on the result. */
export interface BuildDreOptions extends ValidateDreOptions {
  /** The guarantee a CLC returned for this invoice (from the adr module). */
  readonly guarantee?: GarantieClc;
}

/**
 * The AMC lines, capped at `cap` when it is below their total.
 *
 * @param fse - The FSE.
 * @param cap - The amount the AMC is asked.
 * @returns The DRE lines.
 */
function lignesOf(fse: Fse, cap: Money): LigneDre[] {
  const lines = fse.lignes.map((l): LigneDre => ({ index: l.index, code: l.code, date: l.date, montantFacture: l.montantFacture, montantAmo: l.montantAmo, montantAmc: l.montantAmc }));
  const ratios = lines.map((l) => l.montantAmc.centimes);
  const total = ratios.reduce((a, b) => a + b, 0);
  if (cap.centimes >= total || total <= 0 || ratios.some((r) => r < 0)) return lines;
  const shares = allocate(cap, ratios);
  return lines.map((l, k) => ({ ...l, montantAmc: shares[k] ?? l.montantAmc }));
}

/**
 * Builds the DRE of an FSE, routed by the AMC's data and capped at the CLC guarantee.
 *
 * @param fse - A built FSE (anything is checked; paths under `fse`).
 * @param amc - The AMC routing: the attestation's fields and, optionally, an Annuaire AMC answer.
 * @param options - `guarantee` (the CLC outcome), and the controls run on the DRE (`disable`, `controls`).
 * @returns The DRE (with `DRE_MONTANT_PLAFONNE` when capped), or: `INPUT_*` (shape);
 *   `DRE_GARANTIE_ABSENTE` / `DRE_NON_GARANTI` (no tiers payant AMC: the patient pays the AMC
 *   part); `DRE_ANNUAIRE_*`, `DRE_ROUTAGE_ABSENT`, `DRE_ATTESTATION_PERIODE` (routing); the
 *   DRE controls' codes (`FSE_DRE_*`, `DRE_*`).
 * @example
 * const dre = buildDreFromFse(fse, { numeroAmc: '12345678', typeConvention: 'TP', numeroAdherent: '87654321' },
 *   { guarantee: { id: 'CLC-1', montantGaranti: euros('9.00'), statut: 'garanti' } });
 */
export function buildDreFromFse(fse: Fse, amc: AmcRouting, options: BuildDreOptions = {}): Result<Dre> {
  const issues: Issue[] = [];
  const doc = checkFse(fse, ['fse'], issues);
  const routing = checkAmcRouting(amc, ['amc'], issues);
  const o = guardObject(options, ['options'], issues, { required: false });
  const guarantee = o && checkGarantieClc(field(o, 'guarantee'), ['options', 'guarantee'], issues);
  const run = prepareDreRun(options, issues);
  if (doc === undefined || routing === undefined || issues.length > 0) return inputErr(issues);
  const part = doc.totaux.partAmc;
  if (guarantee !== undefined && guarantee.statut !== 'garanti') {
    issues.push(issue('DRE_NON_GARANTI', { path: ['options', 'guarantee', 'statut'], expected: formatDecimal(part), received: guarantee.statut }));
  }
  const routed = routeAmc(doc, routing, issues);
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  if (routed === undefined) return err(issue('DRE_ROUTAGE_ABSENT', { path: ['amc'], received: routing.numeroAmc }));
  const cap = guarantee === undefined ? part : min(part, guarantee.montantGaranti);
  const lignes = lignesOf(doc, cap);
  const dre: Dre = {
    kind: 'dre',
    fse: doc,
    amc: routed.amc,
    lignes,
    montantAmc: cap,
    ...(guarantee !== undefined ? { garantie: { id: guarantee.id, montantGaranti: guarantee.montantGaranti } } : {}),
    routageDecision: routed.decision,
  };
  if (cap.centimes < part.centimes) issues.push(issue('DRE_MONTANT_PLAFONNE', { path: ['montantAmc'], expected: formatDecimal(part), received: formatDecimal(cap) }));
  return resultOf(dre, [...issues, ...runControls(dre, run)]);
}
