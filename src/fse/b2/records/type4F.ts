/**
 * B2 record 4F — Détail LPP (dispositifs médicaux), PS norms, following its type 4 line.
 * Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements. Ambiguity: 43-55 code LPP is "F" (optional) in the CdC extract although it
 * identifies the product; kept optional as published.
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, complementType, facturePrefix } from './common';

/** Layout of the B2 4F record. */
export const B2_4F = b2Layout('B2 4F détail LPP', [
  ...facturePrefix('4'),
  complementType('F'),
  { name: 'sequence', start: 37, length: 2, type: 'N', as: 'number', label: 'Séquence' },
  { name: 'reserveSesam', start: 39, length: 4, type: 'X', optional: true, label: 'Réservé SESAM' },
  { name: 'codeLpp', start: 43, length: 13, type: 'X', optional: true, label: 'Code de la LPP' },
  {
    name: 'typePrestation',
    start: 56,
    length: 1,
    type: 'X',
    enum: ['A', 'E', 'L', 'P', 'R', 'S', 'V'],
    label: 'Type de prestation (A achat, E entretien, L location, P port, R réparation, S service, V livraison)',
  },
  { name: 'siretFabricant', start: 57, length: 14, type: 'X', optional: true, label: 'N° SIRET du fabricant ou importateur' },
  { name: 'filler71', start: 71, length: 6, type: 'filler' },
  { name: 'dateDebut', start: 77, length: 6, type: 'date6', label: "Date de début de location, d'achat ou de délivrance" },
  { name: 'dateFin', start: 83, length: 6, type: 'date6', optional: true, label: 'Date de fin de location ou de service' },
  { name: 'tarifLpp', start: 89, length: 7, type: 'amount', label: 'Tarif de référence LPP ou PU sur devis' },
  { name: 'nombreUnites', start: 96, length: 2, type: 'N', as: 'number', label: "Nombre d'unités" },
  { name: 'prixUnitaireVente', start: 98, length: 7, type: 'amount', label: 'Prix unitaire de vente' },
  { name: 'baseRemboursement', start: 105, length: 7, type: 'amount', label: 'Base de remboursement LPP' },
  { name: 'montantTotal', start: 112, length: 7, type: 'amount', label: 'Montant total facturé' },
  { name: 'filler119', start: 119, length: 10, type: 'filler' },
]);

/** A parsed B2 4F record. */
export type Record4F = InferRecord<typeof B2_4F>;
