/**
 * B2 record 4 — Prestation (ligne d'acte), PS norms. Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 81-86 coefficient is 6 digits whose implied decimals are not stated in the
 * public material → kept as the digit string (the FSE layer owns the scale). 103-105 taux is
 * a whole percentage (e.g. `070`). 120 qualificatif de la dépense is "O" but often blank →
 * optional. Amounts are unsigned centimes (CdC §2.2).
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, complementType, facturePrefix } from './common';

/** Layout of the B2 type 4 record (one act / product line). */
export const B2_4 = b2Layout('B2 4 prestation', [
  ...facturePrefix('4'),
  complementType(' '),
  { name: 'sequence', start: 37, length: 2, type: 'N', as: 'number', optional: true, label: 'Séquence' },
  { name: 'modeTraitement', start: 39, length: 2, type: 'N', optional: true, label: 'Mode de traitement' },
  { name: 'discipline', start: 41, length: 3, type: 'N', optional: true, label: 'Discipline de prestations' },
  { name: 'dateAccordPrealable', start: 44, length: 6, type: 'date6', optional: true, label: "Date de demande d'accord préalable" },
  { name: 'codeAccordPrealable', start: 50, length: 1, type: 'N', enum: ['0', '4', '5', '9'], label: 'Code accord préalable' },
  { name: 'sequenceRenouvellement', start: 51, length: 2, type: 'X', optional: true, label: 'Séquence de renouvellement' },
  { name: 'filler53', start: 53, length: 1, type: 'filler' },
  { name: 'justificationExoneration', start: 54, length: 1, type: 'X', optional: true, label: "Justification d'exonération (niveau acte)" },
  { name: 'numeroExecutant', start: 55, length: 9, type: 'N', label: 'N° exécutant + clé' },
  { name: 'zoneTarif', start: 64, length: 2, type: 'N', optional: true, label: "Zone tarif de l'exécutant" },
  { name: 'specialiteExecutant', start: 66, length: 2, type: 'N', optional: true, label: "Spécialité de l'exécutant" },
  { name: 'dateActe', start: 68, length: 6, type: 'date6', label: "Date de l'acte" },
  { name: 'codeActe', start: 74, length: 5, type: 'X', label: 'Code acte' },
  { name: 'quantite', start: 79, length: 2, type: 'N', as: 'number', label: "Quantité d'actes" },
  { name: 'coefficient', start: 81, length: 6, type: 'N', label: 'Coefficient (décimales implicites à confirmer)' },
  { name: 'denombrement', start: 87, length: 2, type: 'N', as: 'number', label: 'Dénombrement' },
  { name: 'prixUnitaire', start: 89, length: 7, type: 'amount', label: 'Prix unitaire' },
  { name: 'baseRemboursement', start: 96, length: 7, type: 'amount', label: 'Base de remboursement' },
  { name: 'taux', start: 103, length: 3, type: 'N', as: 'number', label: 'Taux applicable (%)' },
  { name: 'montantRemboursableAmo', start: 106, length: 7, type: 'amount', label: 'Montant remboursable AMO' },
  { name: 'montantHonoraires', start: 113, length: 7, type: 'amount', label: 'Montant des honoraires / dépense (dépassement compris)' },
  { name: 'qualificatifDepense', start: 120, length: 1, type: 'X', optional: true, label: 'Qualificatif de la dépense' },
  { name: 'codeLieu', start: 121, length: 1, type: 'N', enum: ['0', '1'], label: 'Code lieu (0 cabinet, 1 domicile)' },
  { name: 'montantRemboursableAmc', start: 122, length: 7, type: 'amount', optional: true, label: 'Montant remboursable AMC' },
]);

/** A parsed B2 type 4 record. */
export type Record4 = InferRecord<typeof B2_4>;
