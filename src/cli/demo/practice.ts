/**
 * The demo practice: fictitious PS billing numbers, patients' NIRs and insurers for the demo
 * day's invoices (every identifier is generated with a valid key; none is a real person's).
 */
import type { PlainDate } from '../../core/date/index';
import { addDays } from '../../core/date/index';
import { computeNirKey, computeNumeroFacturationKey } from '../../core/ids/index';
import type { FseInput, OrganismeAmc, OrganismesAmo, PsFse, Securisation } from '../../fse/index';
import type { Decompte, FactureInput } from '../../rules/index';

const withLuhn = (eight: string): string => eight + computeNumeroFacturationKey(eight);

/** Auxiliaires médicaux bill on a prescription (the GP of the practice prescribes). */
const AUXILIAIRES: ReadonlySet<string> = new Set(['infirmier', 'masseurKinesitherapeute', 'orthophoniste', 'orthoptiste', 'pedicurePodologue']);
const PRESCRIPTEUR = withLuhn('99078105');

/** The practice's PS, keyed by profession + spécialité + zone (billing numbers 8 digits + Luhn key). */
const PRACTICE: Readonly<Record<string, PsFse>> = {
  'medecin/01/metropole': { numeroFacturation: withLuhn('99078105'), nom: 'DR MARTIN CLAIRE', codeConventionnel: '1', conditionExercice: 'L' },
  'medecin/03/metropole': { numeroFacturation: withLuhn('99078206'), nom: 'DR LEROY PAUL', codeConventionnel: '2', conditionExercice: 'L' },
  'infirmier/24/metropole': { numeroFacturation: withLuhn('99078307'), nom: 'MME DUBOIS ANNE', codeConventionnel: '1', conditionExercice: 'L' },
  'masseurKinesitherapeute/26/metropole': { numeroFacturation: withLuhn('99078408'), nom: 'M. PETIT LUC', codeConventionnel: '1', conditionExercice: 'L' },
  'masseurKinesitherapeute/26/dom': { numeroFacturation: withLuhn('99278509'), nom: 'M. GERMAIN HUGO', codeConventionnel: '1', conditionExercice: 'L' },
};

/** The PS of an invoice. */
export function psOf(f: FactureInput): PsFse {
  const ps = PRACTICE[`${f.ps.profession}/${f.ps.specialite}/${f.ps.zone}`];
  if (ps === undefined) throw new Error(`demo: no PS for ${f.ps.profession}/${f.ps.specialite}/${f.ps.zone}`);
  return ps;
}

/** A fictitious NIR for a demo patient: born abroad (99), country 999, ordre 9xx, valid key. */
export function demoNir(dateNaissance: PlainDate, index: number): string {
  const sex = index % 2 === 0 ? '1' : '2';
  const body = `${sex}${dateNaissance.slice(2, 4)}${dateNaissance.slice(5, 7)}99999${String(900 + index).padStart(3, '0')}`;
  return body + computeNirKey(body);
}

/** Caisse of the PS's zone (AMO routing: grand régime, caisse, centre, organisme destinataire). */
function amoOf(f: FactureInput): OrganismesAmo {
  return f.ps.zone === 'dom'
    ? { grandRegime: '01', caisse: '971', centre: '9711', organismeDestinataire: '971' }
    : { grandRegime: '01', caisse: '751', centre: '7511', organismeDestinataire: '751' };
}

/** A fictitious mutuelle reached through a fictitious OCT routing (DRE, B2 type 2M): the AMC data read on the Vitale card. */
export const MUTUELLE: OrganismeAmc = {
  numero: '99999001',
  numeroAdherent: '00012345',
  indicateurTraitement: '32',
  routage: { codeRoutage: 'DM', identifiantHote: '001', nomDomaine: 'MUTUELLE-DEMO.TEST' },
};

/** Securing mode of the demo invoice `index`: most with the Vitale card, one sans Vitale, one dégradé. */
function securisationOf(index: number, date: PlainDate): Securisation {
  const cps = { typeCarte: '0', numeroSituation: 1 } as const;
  if (index === 2) return { mode: 'F', cps, sourceDroits: 'attestation-papier' };
  if (index === 12) return { mode: 'D', cps, motif: 'carte-illisible', justificatif: { support: 'scor', statut: 'transmis', reference: 'SCOR-DEMO-0001' } };
  return { mode: 'S', cps, vitale: { typeCarte: '1', numeroSerie: String(1000000000 + index), dateLecture: date } };
}

/**
 * The FSE input of a demo invoice.
 *
 * @param facture - The priced invoice's input.
 * @param decompte - Its décompte (tiers payant AMC decides the DRE routing).
 * @param index - Its index in the day.
 * @param nir - The patient's NIR (read from the Vitale card for the first one).
 * @returns The FSE input.
 */
export function fseInputOf(facture: FactureInput, decompte: Decompte, index: number, nir: string): FseInput {
  return {
    facture,
    ps: psOf(facture),
    beneficiaire: {
      nirAssure: nir,
      rangBeneficiaire: 1,
      qualite: '0',
      droitsAmo: [{ debut: '2025-01-01' as PlainDate }],
      ...(facture.beneficiaire.ald === true ? { periodesAld: [{ debut: '2020-06-01' as PlainDate }] } : {}),
    },
    amo: amoOf(facture),
    ...(decompte.tiersPayantAmc ? { amc: MUTUELLE } : {}),
    ...(AUXILIAIRES.has(facture.ps.profession) ? { prescription: { numeroPrescripteur: PRESCRIPTEUR, date: addDays(facture.dateFacturation, -7), specialite: '01' } } : {}),
    securisation: securisationOf(index, facture.dateFacturation),
  };
}
