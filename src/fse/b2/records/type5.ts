/**
 * B2 record 5 — Totalisation de la facture (PS norms). Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 97-128 zone de certification content is not public (written by the SESAM-Vitale
 * securing step) → optional X exempt from the upper-case rule; a byte outside printable ASCII
 * there would be an FW_CHARSET issue. 42-57 and 91-93 are "zones réservées SESAM" (X).
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, facturePrefix } from './common';

/** Layout of the B2 type 5 record (invoice totals). */
export const B2_5 = b2Layout('B2 5 totalisation facture', [
  ...facturePrefix('5'),
  { name: 'filler36', start: 36, length: 3, type: 'filler' },
  { name: 'nombreEnregistrementsType4', start: 39, length: 3, type: 'N', as: 'number', label: "Nombre d'enregistrements de type 4" },
  { name: 'reserveSesam42', start: 42, length: 16, type: 'X', optional: true, label: 'Zone réservée SESAM' },
  { name: 'totalFacture', start: 58, length: 8, type: 'amount', label: 'Total des montants facturés' },
  { name: 'totalRemboursableAmo', start: 66, length: 8, type: 'amount', label: 'Total remboursable par la caisse' },
  { name: 'totalParticipationAssure', start: 74, length: 8, type: 'amount', label: "Total participation de l'assuré avant AMC" },
  { name: 'totalRemboursableAmc', start: 82, length: 8, type: 'amount', optional: true, label: "Total remboursable par l'organisme complémentaire" },
  { name: 'topEclatementOct', start: 90, length: 1, type: 'X', optional: true, enum: ['A'], label: "Top éclatement des flux par l'OCT" },
  { name: 'reserveSesam91', start: 91, length: 3, type: 'X', optional: true, label: 'Zone réservée SESAM' },
  { name: 'listeOpposition', start: 94, length: 1, type: 'X', optional: true, label: "Liste d'opposition" },
  { name: 'filler95', start: 95, length: 2, type: 'filler' },
  { name: 'zoneCertification', start: 97, length: 32, type: 'X', optional: true, anyCase: true, label: 'Zone de certification' },
]);

/** A parsed B2 type 5 record. */
export type Record5 = InferRecord<typeof B2_5>;
