/**
 * buildFse / buildDre: domain input → FSE / DRE. Amounts are copied from the rules' Decompte
 * (`computeFacture`), never recomputed: the FSE says exactly what the rules decided.
 *
 * @see ../shared/domain/SPECS.md §3.2 (groups), §3.5 (DRE when the AMC part is in tiers payant)
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { compactNir } from '../core/ids/index';
import type { Decompte, FactureInput, LigneActe, LigneDecompte } from '../rules/model';
import { defaultCompute } from './compute';
import { FSE_CODES } from './codes';
import type { FseInput, OrganismeAmc } from './input';
import type { Dre, Fse, LigneDetail, LigneFse } from './model';
import { isSecuringMode } from './securing';

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

function ligneOf(input: FseInput, priced: LigneDecompte, executant: string): LigneFse {
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

/**
 * Builds an FSE from its input and the rules' decompte of `input.facture`.
 *
 * @param input - The invoice data (rules input plus FSE-only SSV data).
 * @param decompte - `computeFacture(input.facture)`'s value.
 * @returns The FSE (not yet controlled: run `validateFse`), or `FSE_SECURISATION_MODE_UNKNOWN`.
 * @see ../shared/domain/SPECS.md §3.2
 */
export function buildFseFromDecompte(input: FseInput, decompte: Decompte): Result<Fse> {
  if (!isSecuringMode(input.securisation.mode)) {
    return err(issue('FSE_SECURISATION_MODE_UNKNOWN', { path: ['securisation', 'mode'], received: input.securisation.mode }));
  }
  const facture = input.facture;
  const executant = input.remplacant ?? input.ps.numeroFacturation;
  const mat = facture.beneficiaire.maternite;
  const dateMaternite = mat?.dateDebutGrossesse ?? mat?.dateAccouchement ?? mat?.dateAccouchementPrevue;
  const fse: Fse = {
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
  return ok(fse);
}

/**
 * Builds the DRE of an FSE: exists only when the AMC part is in tiers payant (destinataire du
 * règlement 15 or 25) and carries the AMC routing (B2 type 2M).
 *
 * @param fse - A built FSE.
 * @param amc - The AMC addressed (default: the FSE's).
 * @returns The DRE, or `FSE_DRE_NOT_TIERS_PAYANT` / `FSE_DRE_AMC_MISSING` (run `validateDre` for routing controls).
 * @see ../shared/domain/SPECS.md §3.5
 */
export function buildDre(fse: Fse, amc: OrganismeAmc | undefined = fse.amc): Result<Dre> {
  const issues: Issue[] = [];
  if (!fse.reglement.tiersPayantAmc) {
    issues.push(issue('FSE_DRE_NOT_TIERS_PAYANT', { path: ['reglement', 'destinataire'], received: fse.reglement.destinataire }));
  }
  if (amc === undefined) issues.push(issue('FSE_DRE_AMC_MISSING', { path: ['amc'] }));
  const [first, ...rest] = issues;
  if (first !== undefined || amc === undefined) return err(first ?? issue('FSE_DRE_AMC_MISSING', { path: ['amc'] }), ...rest);
  return ok({
    kind: 'dre',
    fse,
    amc,
    lignes: fse.lignes.map((l) => ({ index: l.index, code: l.code, date: l.date, montantFacture: l.montantFacture, montantAmo: l.montantAmo, montantAmc: l.montantAmc })),
    montantAmc: fse.totaux.partAmc,
  });
}

/** Options of {@link buildFse}. */
export interface BuildFseOptions {
  /** Pricing function (default the rules' `computeFacture` with its default référentiel). */
  readonly compute?: (facture: FactureInput) => Result<Decompte>;
}

/**
 * Builds an FSE: prices `input.facture` with the rules engine, then copies its amounts.
 *
 * @param input - The invoice data.
 * @param options - Pricing function override (référentiel, parameters: see `computeWith`).
 * @returns The FSE with the rules' warnings, or the rules' issues (paths under `facture`).
 * @example
 * const fse = unwrap(buildFse({ facture, ps, beneficiaire, amo, amc, securisation }));
 * const checked = validateFse(fse, { today });
 * @see ../shared/domain/SPECS.md §3.2
 */
export function buildFse(input: FseInput, options: BuildFseOptions = {}): Result<Fse> {
  const priced = (options.compute ?? defaultCompute)(input.facture);
  const under = (i: Issue): Issue => ({ ...i, path: ['facture', ...i.path] });
  if (!priced.ok) return err(under(priced.issues[0]), ...priced.issues.slice(1).map(under));
  const built = buildFseFromDecompte(input, priced.value);
  return built.ok ? ok(built.value, [...priced.issues.map(under), ...built.issues]) : built;
}
