/**
 * Fictitious data of the paper-fallback tests: a PS, patients (NIR with a valid key, born
 * abroad: 99 department, fictitious), and Decomptes priced by computeFacture.
 */
import type { Decompte, FactureInput } from '../../src/rules/index';
import { computeFacture } from '../../src/rules/index';
import type { BordereauFacture, PaperBeneficiaire, PaperPs } from '../../src/scor/index';
import { expectOk } from '../helpers/expectIssue';
import { factureG, ligne } from '../arbitraries/facture';

export const PS: PaperPs = { nom: 'Dr Camille TESTARD', identifiant: '991234567', specialite: 'Médecine générale', adresse: '1 rue de l’Exemple, 75000 PARIS' };

/** NIR key: 97 − (number mod 97). */
export function nirWithKey(body13: string): string {
  const key = 97 - Number(BigInt(body13) % 97n);
  return `${body13}${String(key).padStart(2, '0')}`;
}

export const PATIENT: PaperBeneficiaire = { nom: 'EXEMPLE', prenom: 'Zoé', nir: nirWithKey('2800599999001'), dateNaissance: '1980-05-01', organisme: '01 751 0000' };

/** Two G consultations with tiers payant AMO + AMC (the AMC covering the TM), as FactureInput. */
export function factureTp(): FactureInput {
  return factureG({
    dateFacturation: '2025-03-11' as never,
    lignes: [ligne('G'), ligne('G', '2025-03-11')],
    tiersPayant: { amo: true, amc: true },
    amc: { formule: 'ticketModerateur' },
  });
}

/** factureTp priced. */
export function decompteTp(): Decompte {
  return expectOk(computeFacture(factureTp()));
}

/** A plain G consultation (no tiers payant). */
export function decomptePlain(): Decompte {
  return expectOk(computeFacture(factureG()));
}

/** Bordereau lines. */
export function bordereauFactures(n: number): BordereauFacture[] {
  return Array.from({ length: n }, (_, i) => ({
    numeroFacture: 100 + i,
    dateFacturation: '2025-03-10',
    beneficiaire: { ...PATIENT, prenom: `Patient${i}`, numeroAdherent: `A${1000 + i}` },
    decompte: decompteTp(),
  }));
}
