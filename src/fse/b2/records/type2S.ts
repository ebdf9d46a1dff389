/**
 * B2 record 2S — Suite de l'en-tête de facture: NIR individuel du bénéficiaire (PS norms).
 * Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements. Ambiguity: sesamviewer types the trailing blank zone 71-128 as "N"; it is
 * written blank here (a filler), as for every other reserved zone.
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, complementType, facturePrefix } from './common';

/** Layout of the B2 2S record. */
export const B2_2S = b2Layout('B2 2S suite en-tête facture (NIR individuel)', [
  ...facturePrefix('2'),
  complementType('S'),
  { name: 'filler37', start: 37, length: 13, type: 'filler' },
  { name: 'nirIndividuel', start: 50, length: 13, type: 'X', optional: true, label: 'N° immatriculation individuel' },
  { name: 'cleNirIndividuel', start: 63, length: 2, type: 'N', optional: true, label: 'Clé du n° individuel' },
  { name: 'referenceListeOpposition', start: 65, length: 6, type: 'N', optional: true, label: "Référence de la liste d'opposition" },
  { name: 'filler71', start: 71, length: 58, type: 'filler' },
]);

/** A parsed B2 2S record. */
export type Record2S = InferRecord<typeof B2_2S>;
