/**
 * DEMO_DAY: a realistic day of invoices for the demo and the docs — a GP, a cardiologist in
 * secteur 2, a nurse and two physiotherapists. Fictitious patients (no NIR: the rules do not
 * need one); every invoice prices without issue against the default référentiel.
 */
import type { PlainDate } from '../../core/date/index';
import type { FactureInput, ProfessionnelSante } from '../model';

const d = (s: string): PlainDate => s as PlainDate;
const DAY = d('2025-03-10');
const eur = (centimes: number) => ({ centimes });

const GP: ProfessionnelSante = { numeroFacturation: '990781056', profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole', medecinTraitant: true };
const CARDIO_S2: ProfessionnelSante = { profession: 'medecin', specialite: '03', secteur: '2', zone: 'metropole' };
const IDE: ProfessionnelSante = { profession: 'infirmier', specialite: '24', secteur: '1', zone: 'metropole' };
const MK: ProfessionnelSante = { profession: 'masseurKinesitherapeute', specialite: '26', secteur: '1', zone: 'metropole' };
const MK_DOM: ProfessionnelSante = { profession: 'masseurKinesitherapeute', specialite: '26', secteur: '1', zone: 'dom' };

const TM = { formule: 'ticketModerateur' } as const;

/** One demo invoice. */
export interface DemoFacture {
  /** What the case shows (French). */
  readonly label: string;
  /** The invoice. */
  readonly input: FactureInput;
}

function facture(ps: ProfessionnelSante, more: Omit<FactureInput, 'dateFacturation' | 'ps'>): FactureInput {
  return { dateFacturation: DAY, ps, ...more };
}

const g = [{ code: 'G', date: DAY, quantite: 1, lieu: 'cabinet' as const }];

/** The demo day (2025-03-10). */
export const DEMO_DAY: readonly DemoFacture[] = [
  { label: 'MG — consultation G, médecin traitant, mutuelle au ticket modérateur', input: facture(GP, { beneficiaire: { dateNaissance: d('1980-05-01') }, parcours: 'T', lignes: g, amc: TM }) },
  { label: 'MG — patient en ALD, acte en rapport : 100 %, tiers payant AMO', input: facture(GP, { beneficiaire: { dateNaissance: d('1956-11-23'), ald: true }, parcours: 'T', lignes: [{ ...g[0]!, enRapportAld: true }] }) },
  { label: 'MG — enfant de 6 ans : pas de PF, tiers payant intégral demandé', input: facture(GP, { beneficiaire: { dateNaissance: d('2018-09-14') }, parcours: 'T', lignes: g, amc: TM, tiersPayant: { amo: true, amc: true } }) },
  { label: 'MG — bénéficiaire C2S : tiers payant intégral, sans PF', input: facture(GP, { beneficiaire: { dateNaissance: d('1991-02-07'), c2s: true }, parcours: 'T', lignes: g }) },
  { label: 'MG — patient hors parcours (pas de médecin traitant déclaré) : 30 %', input: facture(GP, { beneficiaire: { dateNaissance: d('1995-07-30') }, parcours: 'S', lignes: g, amc: TM }) },
  {
    label: 'MG — grossesse au 7e mois : assurance maternité 100 %, sans PF',
    input: facture(GP, { beneficiaire: { dateNaissance: d('1993-04-18'), maternite: { dateDebutGrossesse: d('2024-08-20') } }, natureAssurance: '30', parcours: 'T', lignes: g }),
  },
  {
    label: 'MG — accident du travail : 100 % du tarif, PF due, tiers payant AMO',
    input: facture(GP, { beneficiaire: { dateNaissance: d('1972-12-01'), atmp: { numero: '250301234', date: d('2025-03-03') } }, natureAssurance: '41', parcours: 'T', lignes: g }),
  },
  { label: 'MG — visite à domicile VG', input: facture(GP, { beneficiaire: { dateNaissance: d('1949-03-02') }, parcours: 'T', lignes: [{ code: 'VG', date: DAY, quantite: 1 }], amc: TM }) },
  {
    label: 'Cardiologue secteur 2 non-OPTAM — CS facturée 50 € (base 23 €), mutuelle 200 % BR',
    input: facture(CARDIO_S2, { beneficiaire: { dateNaissance: d('1961-06-09') }, parcours: 'O', lignes: [{ code: 'CS', date: DAY, quantite: 1, montantFacture: eur(5000) }], amc: { formule: 'pourcentageBr', pourcentage: '200' } }),
  },
  {
    label: 'Infirmier à domicile — AMI 1 + IFD + 6 km, patient en ALD : tiers payant AMO',
    input: facture(IDE, {
      beneficiaire: { dateNaissance: d('1938-01-25'), ald: true },
      lignes: [
        { code: 'AMI', date: DAY, quantite: 1, lieu: 'domicile', enRapportAld: true },
        { code: 'IFD', date: DAY, quantite: 1, lieu: 'domicile', enRapportAld: true },
        { code: 'IK', date: DAY, quantite: 6, lieu: 'domicile', enRapportAld: true },
      ],
    }),
  },
  { label: 'Infirmier au cabinet — AMI 2 (pansement) : 60 %, franchise 1 €', input: facture(IDE, { beneficiaire: { dateNaissance: d('1984-10-10') }, lignes: [{ code: 'AMI', date: DAY, quantite: 1, coefficient: '2', lieu: 'cabinet' }], amc: TM }) },
  {
    label: 'Kinésithérapeute — AMS 7,5 (rééducation) : 60 %, franchise 1 €, tiers payant AMO',
    input: facture(MK, { beneficiaire: { dateNaissance: d('1975-08-08') }, lignes: [{ code: 'AMS', date: DAY, quantite: 1, coefficient: '7.5' }], amc: TM, tiersPayant: { amo: true } }),
  },
  { label: 'Kinésithérapeute en DOM — AMK 8 (2,43 € la lettre clé)', input: facture(MK_DOM, { beneficiaire: { dateNaissance: d('1988-05-05') }, lignes: [{ code: 'AMK', date: DAY, quantite: 1, coefficient: '8' }], amc: TM }) },
];
