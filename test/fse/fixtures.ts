/**
 * A valid FSE fixture (fictitious data, priced by the real rules engine): a GP consultation G at 30,00 € in tiers payant intégral
 * (AMO 70 % = 21,00 € minus PF 2 €, AMC ticket modérateur 9,00 €), secured with the Vitale card.
 */
import { plainDate } from '../../src/core/date/index';
import type { FactureInput } from '../../src/rules/model';
import { buildDre, buildFse } from '../../src/fse/build';
import type { FseInput } from '../../src/fse/input';
import type { Dre, Fse } from '../../src/fse/model';
import { makeNir, makeNumeroFacturation } from '../arbitraries/ids';
import { expectOk } from '../helpers/expectIssue';

export const PS = makeNumeroFacturation('99078105');
export const PRESCRIPTEUR = makeNumeroFacturation('76031208');
export const NIR = makeNir({ sex: 1, year: 80, month: 1, ordre: 901 });
export const D = plainDate('2025-03-10');

export const FACTURE: FactureInput = {
  dateFacturation: D,
  ps: { numeroFacturation: PS, profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' },
  beneficiaire: { dateNaissance: plainDate('1980-01-15'), rangNaissance: 1 },
  natureAssurance: '10',
  parcours: 'T',
  lignes: [{ code: 'G', date: D, quantite: 1 }],
  amc: { formule: 'ticketModerateur', numeroAmc: '12345678' },
  tiersPayant: { amo: true, amc: true },
};

export const INPUT: FseInput = {
  facture: FACTURE,
  ps: { numeroFacturation: PS, nom: 'Dr Hélène Lefèvre', codeConventionnel: '1', conditionExercice: 'L' },
  beneficiaire: { nirAssure: NIR, rangBeneficiaire: 1, qualite: '0', droitsAmo: [{ debut: plainDate('2024-01-01') }] },
  amo: { grandRegime: '01', caisse: '751', centre: '0751', organismeDestinataire: '751' },
  amc: {
    numero: '12345678', numeroAdherent: '87654321', indicateurTraitement: '32',
    routage: { codeRoutage: 'AB', identifiantHote: '001', nomDomaine: 'AMC-TEST.FR' },
  },
  securisation: { mode: 'S', cps: { typeCarte: '0', numeroSituation: 1 }, vitale: { typeCarte: '1', numeroSerie: '0123456789', dateLecture: D } },
  numeroFacture: 1,
};

/** The valid base FSE. */
export function baseFse(): Fse {
  return expectOk(buildFse(INPUT));
}

/** The valid base DRE. */
export function baseDre(): Dre {
  return expectOk(buildDre(baseFse()));
}
