/**
 * Shared builders of the CCAM pricing tests: the shipped CCAM (V78 + V81) over the default NGAP
 * tables, and one-line invoices of fictitious patients.
 */
import type { PlainDate } from '../../../src/core/date/index';
import type { Result } from '../../../src/core/issues/index';
import type { ComputeFactureOptions, Decompte, FactureInput, LigneActe, ProfessionnelSante, Referentiel } from '../../../src/rules/index';
import { computeFacture, DEFAULT_REFERENTIEL } from '../../../src/rules/index';
import { shippedCcamIndex, withCcam } from '../../../src/rules/ccam/index';
import { expectOk } from '../../helpers/expectIssue';

export const d = (s: string): PlainDate => s as PlainDate;

/** The shipped CCAM, act by act (lazy). */
export const REF: Referentiel = withCcam(DEFAULT_REFERENTIEL, expectOk(shippedCcamIndex()));

/** A PS: médecin secteur 1 métropole, specialty overridable. */
export function ps(specialite = '01', over: Partial<ProfessionnelSante> = {}): ProfessionnelSante {
  return { profession: 'medecin', specialite, secteur: '1', zone: 'metropole', ...over };
}

/** An invoice of CCAM lines on their dates (billing date = the latest). */
export function facture(lignes: readonly Partial<LigneActe>[], over: Partial<FactureInput> = {}): FactureInput {
  const full = lignes.map((l) => ({ code: 'DEQP003', date: d('2026-03-02'), quantite: 1, ...l }) as LigneActe);
  const last = full.map((l) => l.date).sort().at(-1) as PlainDate;
  return { dateFacturation: last, ps: ps(), beneficiaire: { dateNaissance: d('1980-05-01') }, natureAssurance: '10', parcours: 'T', lignes: full, ...over };
}

/** Prices with the shipped CCAM. */
export function run(input: FactureInput, options: Omit<ComputeFactureOptions, 'referentiel'> = {}): Result<Decompte> {
  return computeFacture(input, { ...options, referentiel: REF });
}

/** Prices and expects success. */
export function price(input: FactureInput, options: Omit<ComputeFactureOptions, 'referentiel'> = {}): Decompte {
  return expectOk(run(input, options));
}

/** Base of each line, centimes. */
export const bases = (dec: Decompte): number[] => dec.lignes.map((l) => l.baseRemboursement.centimes);
