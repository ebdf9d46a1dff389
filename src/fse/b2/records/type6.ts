/**
 * B2 record 6 — Fin de lot (PS norms). Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: sesamviewer prints the AMC total as "53-51"; the consistent reading 43-51 is
 * used (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements). 97-128 zone de certification: as on record 5.
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout } from './common';

/** Layout of the B2 type 6 record (lot trailer with control totals). */
export const B2_6 = b2Layout('B2 6 fin de lot', [
  { name: 'type', start: 1, length: 1, type: 'const', value: '6' },
  { name: 'numeroPs', start: 2, length: 9, type: 'N', label: 'N° partenaire de santé + clé' },
  { name: 'nombreFactures', start: 11, length: 3, type: 'N', as: 'number', label: 'Nombre de factures' },
  { name: 'nombreLignesActes', start: 14, length: 4, type: 'N', as: 'number', label: 'Nombre de lignes actes' },
  { name: 'nombreEnregistrementsType2', start: 18, length: 4, type: 'N', as: 'number', label: 'Comptabilisation des enregistrements de type 2' },
  { name: 'nombreEnregistrementsType5', start: 22, length: 3, type: 'N', as: 'number', label: 'Total des enregistrements de type 5' },
  { name: 'montantTotalFacture', start: 25, length: 9, type: 'amount', label: 'Montant total du lot, prestations facturées' },
  { name: 'montantTotalRemboursableAmo', start: 34, length: 9, type: 'amount', label: 'Montant total remboursable AMO' },
  { name: 'montantTotalRemboursableAmc', start: 43, length: 9, type: 'amount', label: 'Montant total remboursable AMC (43-51)' },
  { name: 'numeroLot', start: 52, length: 3, type: 'N', as: 'number', label: 'N° de lot' },
  { name: 'marquage', start: 55, length: 1, type: 'X', optional: true, enum: ['R', 'T', 'D'], label: 'Marquage (R réelles, T tests, D démonstrations)' },
  { name: 'typeFacture', start: 56, length: 1, type: 'X', optional: true, enum: ['F'], label: 'Type de facture (F = SESAM)' },
  { name: 'filler57', start: 57, length: 4, type: 'filler' },
  { name: 'numeroAgrementProgiciel', start: 61, length: 12, type: 'X', optional: true, label: "N° d'agrément du progiciel" },
  { name: 'numeroAgrementDispositifPortable', start: 73, length: 12, type: 'X', optional: true, label: "N° d'agrément du dispositif portable" },
  { name: 'filler85', start: 85, length: 3, type: 'filler' },
  { name: 'numeroPsRemplacant', start: 88, length: 9, type: 'N', optional: true, label: "N° d'identification du PS remplaçant" },
  { name: 'zoneCertification', start: 97, length: 32, type: 'X', optional: true, anyCase: true, label: 'Zone de certification' },
]);

/** A parsed B2 type 6 record. */
export type Record6 = InferRecord<typeof B2_6>;
