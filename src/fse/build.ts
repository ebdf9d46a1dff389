/**
 * buildFse / buildDre: domain input → FSE / DRE. Amounts are copied from the rules' Decompte
 * (`computeFacture`), never recomputed: the FSE says exactly what the rules decided.
 *
 * One error channel per operation: `buildFse` checks the input's shape (`INPUT_*`), its
 * identifiers and keys (NIR, n° de facturation, n° de facture, organismes: `FSE_*`) and prices
 * the invoice (`RULES_*`, paths under `facture`), and returns every issue found in one result.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), modèle de données SSV: groupes 1110 (facture), 1120 (PS), 1130/1160 (bénéficiaire), 1310/1321 (organismes)
 */
import { guardObject, inputErr } from '../core/guard/index';
import type { Issue, IssuePath, Result } from '../core/issues/index';
import { createIssueFactory, ok, resultOf } from '../core/issues/index';
import { compactNir } from '../core/ids/index';
import type { Decompte, FactureInput, LigneActe } from '../rules/model';
import { checkedPricing, defaultCompute } from './compute';
import { FSE_CODES } from './codes';
import type { IdentityDoc } from './controls/identifiers';
import { IDENTITY_CHECKS } from './controls/identifiers';
import type { FseInput, OrganismeAmc } from './input';
import type { Dre, Fse, LigneDetail, LigneFse } from './model';
import { isSecuringMode } from './securing';
import type { DecompteFse, LigneDecompteFse } from './shape';
import { checkAmc, checkDecompte, checkFacture, checkFse, checkFseInput, optFunction } from './shape';

const issue = createIssueFactory(FSE_CODES);

const CCAM = /^[A-Z]{4}\d{3}$/;
const LPP = /^\d{7}$/;

function detailOf(line: LigneActe): LigneDetail {
  const code = line.code.toUpperCase();
  if (CCAM.test(code)) {
    return { kind: 'ccam', code, activite: line.activite ?? '1', phase: line.phase ?? '0', modificateurs: line.modificateurs ?? [] };
  }
  if (LPP.test(code)) return { kind: 'lpp', code };
  return { kind: 'ngap' };
}

function ligneOf(input: FseInput, priced: LigneDecompteFse, executant: string): LigneFse {
  const source = input.facture.lignes[priced.index];
  return {
    index: priced.index,
    code: priced.code,
    date: priced.date,
    quantite: priced.quantite,
    coefficient: priced.coefficient,
    executant,
    prixUnitaire: priced.prixUnitaire,
    baseRemboursement: priced.baseRemboursement,
    taux: priced.taux,
    montantAmo: priced.partAmo,
    montantFacture: priced.montantFacture,
    montantAmc: priced.partAmc,
    justificationExoneration: priced.justificationExoneration,
    lieu: source?.lieu ?? 'cabinet',
    detail: source === undefined ? { kind: 'ngap' } : detailOf(source),
  };
}

const startsWith = (path: IssuePath, prefix: IssuePath): boolean => prefix.length <= path.length && prefix.every((p, k) => path[k] === p);

/**
 * The identity and key checks of an input (the FSE controls' identifier checks, on the input's
 * paths), plus the securing mode. A part whose shape is already reported is not re-checked.
 */
function identityIssues(input: FseInput, shapeIssues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  const mode: unknown = input.securisation.mode;
  if (mode !== undefined && !isSecuringMode(mode)) out.push(issue('FSE_SECURISATION_MODE_UNKNOWN', { path: ['securisation', 'mode'], received: mode }));
  const doc: IdentityDoc = {
    beneficiaire: input.beneficiaire,
    ps: input.ps,
    ...(input.remplacant !== undefined ? { remplacant: input.remplacant } : {}),
    ...(input.prescription !== undefined ? { prescription: input.prescription } : {}),
    ...(input.numeroFacture !== undefined ? { numeroFacture: input.numeroFacture } : {}),
    amo: input.amo,
    executants: [],
  };
  for (const c of IDENTITY_CHECKS) {
    // A part whose shape was reported by its guard is not re-checked: its checks would only repeat it.
    if (shapeIssues.some((i) => i.path.length === 1 && i.path[0] === c.part)) continue;
    if (!c.appliesTo(doc)) continue;
    const found = c.check(doc);
    if (found === undefined) continue;
    for (const d of Array.isArray(found) ? found : [found]) {
      const p = d.path ?? [];
      if (!shapeIssues.some((i) => startsWith(p, i.path) || startsWith(i.path, p))) out.push(issue(c.code, d));
    }
  }
  return out;
}

function assemble(input: FseInput, decompte: DecompteFse): Fse {
  const facture = input.facture;
  const executant = input.remplacant ?? input.ps.numeroFacturation;
  const mat = facture.beneficiaire.maternite;
  const dateMaternite = mat?.dateDebutGrossesse ?? mat?.dateAccouchement ?? mat?.dateAccouchementPrevue;
  return {
    kind: 'fse',
    identification: {
      ...(input.numeroFacture !== undefined ? { numeroFacture: input.numeroFacture } : {}),
      dateElaboration: input.dateElaboration ?? facture.dateFacturation,
      dateFacturation: facture.dateFacturation,
      ...(input.numeroFactureRectifiee !== undefined ? { numeroFactureRectifiee: input.numeroFactureRectifiee } : {}),
    },
    ps: input.ps,
    ...(input.remplacant !== undefined ? { remplacant: input.remplacant } : {}),
    beneficiaire: {
      ...input.beneficiaire,
      nirAssure: compactNir(input.beneficiaire.nirAssure),
      ...(input.beneficiaire.nirIndividuel !== undefined ? { nirIndividuel: compactNir(input.beneficiaire.nirIndividuel) } : {}),
      dateNaissance: facture.beneficiaire.dateNaissance,
      rangNaissance: facture.beneficiaire.rangNaissance ?? 1,
    },
    amo: input.amo,
    ...(input.amc !== undefined ? { amc: input.amc } : {}),
    situation: {
      natureAssurance: decompte.natureAssurance,
      parcours: decompte.parcours,
      justificationExoneration: decompte.justificationExoneration,
      ...(facture.beneficiaire.atmp !== undefined ? { accidentTravail: facture.beneficiaire.atmp } : {}),
      ...(dateMaternite !== undefined ? { dateMaternite } : {}),
      ...(input.prescription !== undefined ? { prescription: input.prescription } : {}),
    },
    lignes: decompte.lignes.map((l) => ligneOf(input, l, executant)),
    totaux: decompte.total,
    reglement: {
      destinataire: decompte.destinataireReglement,
      tiersPayantAmo: decompte.tiersPayantAmo,
      tiersPayantAmc: decompte.tiersPayantAmc,
    },
    securisation: input.securisation,
    facture,
  };
}

/**
 * Builds an FSE from its input and a rules decompte of `input.facture` (both checked here).
 *
 * @param input - The invoice data (rules input plus FSE-only SSV data); anything is checked.
 * @param decompte - `computeFacture(input.facture)`'s value.
 * @returns The FSE (not yet controlled: run `validateFse`), or every issue found: shape
 *   (`INPUT_*`, `RULES_*` under `facture`, paths under `decompte` for the decompte), identity and
 *   keys (`FSE_*`), `FSE_SECURISATION_MODE_UNKNOWN`.
 */
export function buildFseFromDecompte(input: FseInput, decompte: Decompte): Result<Fse> {
  const issues: Issue[] = [];
  const inp = checkFseInput(input, [], issues);
  if (inp !== undefined && !issues.some((i) => startsWith(i.path, ['facture']))) checkFacture(inp.facture, ['facture'], issues);
  const dec = checkDecompte(decompte, ['decompte'], issues);
  if (inp === undefined) return inputErr(issues);
  issues.push(...identityIssues(inp, issues));
  if (dec === undefined || issues.some((i) => i.severity === 'error')) return inputErr(issues);
  return resultOf(assemble(inp, dec), issues);
}

/**
 * Builds the DRE of an FSE: exists only when the AMC part is in tiers payant (destinataire du
 * règlement 15 or 25) and carries the AMC routing (B2 type 2M).
 *
 * @param fse - A built FSE (anything is checked).
 * @param amc - The AMC addressed (default: the FSE's).
 * @returns The DRE, or `INPUT_*` (shape), `FSE_DRE_NOT_TIERS_PAYANT` / `FSE_DRE_AMC_MISSING`
 *   (run `validateDre` for the routing controls).
 * @see Norme B2 inter-régimes (cahier des charges CNAM), type 2M (données AMC)
 */
export function buildDre(fse: Fse, amc?: OrganismeAmc): Result<Dre> {
  const issues: Issue[] = [];
  const doc = checkFse(fse, [], issues);
  const given = checkAmc(amc, ['amc'], issues);
  if (doc === undefined || issues.length > 0) return inputErr(issues);
  const target = given ?? doc.amc;
  if (!doc.reglement.tiersPayantAmc) {
    issues.push(issue('FSE_DRE_NOT_TIERS_PAYANT', { path: ['reglement', 'destinataire'], received: doc.reglement.destinataire }));
  }
  if (target === undefined) issues.push(issue('FSE_DRE_AMC_MISSING', { path: ['amc'] }));
  if (target === undefined || issues.length > 0) return inputErr(issues);
  return ok({
    kind: 'dre',
    fse: doc,
    amc: target,
    lignes: doc.lignes.map((l) => ({ index: l.index, code: l.code, date: l.date, montantFacture: l.montantFacture, montantAmo: l.montantAmo, montantAmc: l.montantAmc })),
    montantAmc: doc.totaux.partAmc,
  });
}

/** Options of {@link buildFse}. */
export interface BuildFseOptions {
  /** Pricing function (default the rules' `computeFacture` with its default référentiel). */
  readonly compute?: (facture: FactureInput) => Result<Decompte>;
}

/**
 * Builds an FSE: checks the input, prices `input.facture` with the rules engine, then copies its
 * amounts. Every issue comes back together: the input's shape (`INPUT_*`), identity and keys
 * (`FSE_ASSURE_NIR_KEY`, `FSE_PS_NUMERO_KEY`…) and pricing (`RULES_*`, paths under `facture`).
 *
 * @param input - The invoice data (anything is checked).
 * @param options - Pricing function override (référentiel, parameters: see `computeWith`).
 * @returns The FSE with the rules' warnings, or every issue found.
 * @example
 * const fse = unwrap(buildFse({ facture, ps, beneficiaire, amo, amc, securisation }));
 * const checked = validateFse(fse, { today });
 */
export function buildFse(input: FseInput, options: BuildFseOptions = {}): Result<Fse> {
  const issues: Issue[] = [];
  const inp = checkFseInput(input, [], issues);
  const opts = guardObject(options, ['options'], issues, { required: false }) ?? {};
  const given = optFunction<NonNullable<BuildFseOptions['compute']>>(opts, 'compute', ['options'], issues);
  const compute = given === undefined ? defaultCompute : checkedPricing(given, ['options', 'compute']);
  if (inp === undefined) return inputErr(issues);
  issues.push(...identityIssues(inp, issues));
  let decompte: Decompte | undefined;
  if (!issues.some((i) => i.path.length === 1 && i.path[0] === 'facture')) {
    const priced = compute(inp.facture);
    // The rules' paths are the facture's; a malformed override's are under `options`.
    for (const i of priced.issues) issues.push(i.path[0] === 'options' ? i : { ...i, path: ['facture', ...i.path] });
    if (priced.ok) decompte = priced.value;
  }
  if (decompte === undefined || issues.some((i) => i.severity === 'error')) return inputErr(issues);
  const dec = checkDecompte(decompte, ['decompte'], issues);
  if (dec === undefined || issues.some((i) => i.severity === 'error')) return inputErr(issues);
  return resultOf(assemble(inp, dec), issues);
}
