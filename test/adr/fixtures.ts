/**
 * Shared fictitious data of the adr tests (NIRs made up with a valid key; n° AMC 99999990 does
 * not exist). A real priced invoice comes from the rules engine's demo day.
 */
import { computeNirKey } from '../../src/core/ids/index';
import type { PlainDate } from '../../src/core/date/index';
import { computeFacture } from '../../src/rules/index';
import { DEMO_DAY } from '../../src/rules/examples/demoDay';
import type { DemandeAmcBase } from '../../src/adr/index';

export const d = (s: string): PlainDate => s as PlainDate;
export const NIR = '1800575123012' + computeNirKey('1800575123012');

export const ADRI_JSON = {
  reference: 'ADRI-0001',
  infosGlobales: { codeRegime: '01', codeCaisse: '751', centrePrestation: '0001' },
  beneficiaireDeSoins: {
    noNIRCertifie: NIR,
    qualite: '0',
    topMedecinTraitant: '1',
    lstPeriodeAMO: [{ dateDebut: '20240101', dateFin: '20251231' }],
    lstPeriodeCodeCouverture: [{ groupe: '1', dateDebut: '20250101', dateFin: '20251231', codeALD: '1', codeSituation: '0100' }],
  },
  mutuelle: { noIdentification: '99999990', indicateurTraitement: '02', periodeMutuelle: { dateDebut: '20250101' } },
};

export const CLE = { numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', numeroAdherent: '10000001', periodeValidite: { debut: d('2025-01-01'), fin: d('2025-12-31') } };

export const demande = (adherent = '10000001'): DemandeAmcBase => ({ cle: { ...CLE, numeroAdherent: adherent }, beneficiaire: { nir: NIR, dateNaissance: d('1980-05-01') }, numeroFacturation: '990781056', dateSoins: d('2025-03-10') });

const priced = computeFacture(DEMO_DAY[0]!.input);
if (!priced.ok) throw new Error('demo invoice does not price');
/** A real Decompte with a part AMC (consultation G, mutuelle au ticket modérateur). */
export const DECOMPTE = priced.value;

export const FSE_INPUT = {
  beneficiaire: { nirAssure: NIR, rangBeneficiaire: 1, qualite: '0', droitsAmo: [] as { debut: PlainDate; fin?: PlainDate }[] },
  amo: { grandRegime: '01', caisse: '751', centre: '0001', organismeDestinataire: '751' },
  securisation: { mode: 'D', cps: { typeCarte: '0', numeroSituation: 1 }, motif: 'carte-absente', justificatif: { support: 'papier', statut: 'a-fournir' } },
};
