/**
 * B2 record 4M — Détail d'un acte CCAM (PS norms), following its type 4 line. Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 43-55 code acte holds the 7-character CCAM code left-aligned in 13 columns;
 * 58 phase is "N" optional, so phase 0 and "absent" are the same zeros (read as absent).
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, complementType, facturePrefix } from './common';

/** Layout of the B2 4M record. */
export const B2_4M = b2Layout('B2 4M détail CCAM', [
  ...facturePrefix('4'),
  complementType('M'),
  { name: 'sequence', start: 37, length: 2, type: 'N', as: 'number', label: 'Séquence' },
  { name: 'reserveSesam', start: 39, length: 4, type: 'X', optional: true, label: 'Réservé SESAM' },
  { name: 'codeActe', start: 43, length: 13, type: 'X', label: "Code de l'acte (CCAM)" },
  { name: 'extensionDocumentaire', start: 56, length: 1, type: 'X', optional: true, label: 'Code extension documentaire' },
  { name: 'activite', start: 57, length: 1, type: 'X', label: 'Code activité' },
  { name: 'phase', start: 58, length: 1, type: 'N', optional: true, label: 'Code phase de traitement' },
  { name: 'modificateur1', start: 59, length: 1, type: 'X', optional: true, label: 'Code modificateur 1' },
  { name: 'modificateur2', start: 60, length: 1, type: 'X', optional: true, label: 'Code modificateur 2' },
  { name: 'modificateur3', start: 61, length: 1, type: 'X', optional: true, label: 'Code modificateur 3' },
  { name: 'modificateur4', start: 62, length: 1, type: 'X', optional: true, label: 'Code modificateur 4' },
  { name: 'associationNonPrevue', start: 63, length: 1, type: 'X', optional: true, enum: ['1', '2', '3', '4'], label: "Code association d'actes non prévue" },
  { name: 'remboursementExceptionnel', start: 64, length: 1, type: 'X', optional: true, enum: ['O', 'N'], label: 'Code remboursement exceptionnel' },
  { name: 'dateSeance', start: 65, length: 6, type: 'date6', optional: true, label: 'Date de la séance' },
  { name: 'dent1', start: 71, length: 2, type: 'X', optional: true, label: 'N° de la dent 1' },
  { name: 'dent2', start: 73, length: 2, type: 'X', optional: true, label: 'N° de la dent 2' },
  { name: 'dent3', start: 75, length: 2, type: 'X', optional: true, label: 'N° de la dent 3' },
  { name: 'dent4', start: 77, length: 2, type: 'X', optional: true, label: 'N° de la dent 4' },
  { name: 'dent5', start: 79, length: 2, type: 'X', optional: true, label: 'N° de la dent 5' },
  { name: 'dent6', start: 81, length: 2, type: 'X', optional: true, label: 'N° de la dent 6' },
  { name: 'dent7', start: 83, length: 2, type: 'X', optional: true, label: 'N° de la dent 7' },
  { name: 'dent8', start: 85, length: 2, type: 'X', optional: true, label: 'N° de la dent 8' },
  { name: 'dent9', start: 87, length: 2, type: 'X', optional: true, label: 'N° de la dent 9' },
  { name: 'dent10', start: 89, length: 2, type: 'X', optional: true, label: 'N° de la dent 10' },
  { name: 'dent11', start: 91, length: 2, type: 'X', optional: true, label: 'N° de la dent 11' },
  { name: 'dent12', start: 93, length: 2, type: 'X', optional: true, label: 'N° de la dent 12' },
  { name: 'dent13', start: 95, length: 2, type: 'X', optional: true, label: 'N° de la dent 13' },
  { name: 'dent14', start: 97, length: 2, type: 'X', optional: true, label: 'N° de la dent 14' },
  { name: 'dent15', start: 99, length: 2, type: 'X', optional: true, label: 'N° de la dent 15' },
  { name: 'dent16', start: 101, length: 2, type: 'X', optional: true, label: 'N° de la dent 16' },
  { name: 'supplementCharge', start: 103, length: 1, type: 'X', optional: true, enum: ['C'], label: 'Supplément de charge en cabinet' },
  { name: 'modificateurOc1', start: 104, length: 1, type: 'X', optional: true, label: 'Code modificateur OC 1' },
  { name: 'modificateurOc2', start: 105, length: 1, type: 'X', optional: true, label: 'Code modificateur OC 2' },
  { name: 'filler106', start: 106, length: 23, type: 'filler' },
]);

/** A parsed B2 4M record. */
export type Record4M = InferRecord<typeof B2_4M>;
