/**
 * B2 record 999 — Fin de fichier (all norms). Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: the 999 n° destinataire is numeric while the 000 one is alphanumeric (as in
 * sesamviewer); sesamviewer misprints the 20-25 blank as "2O-25". Volume du fichier: its unit
 * is not stated in the public material (kept as a number).
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout } from './common';

/** Layout of the B2 999 record (file trailer). */
export const B2_999 = b2Layout('B2 999 fin de fichier', [
  { name: 'type', start: 1, length: 3, type: 'const', value: '999' },
  { name: 'typeEmetteur', start: 4, length: 2, type: 'X', enum: ['TP', 'TE', 'SI', 'OT'], label: "Type d'émetteur" },
  { name: 'numeroEmetteur', start: 6, length: 14, type: 'N', label: "N° d'émetteur" },
  { name: 'filler20', start: 20, length: 6, type: 'filler' },
  { name: 'typeDestinataire', start: 26, length: 2, type: 'X', label: 'Type de destinataire' },
  { name: 'numeroDestinataire', start: 28, length: 14, type: 'N', label: 'N° de destinataire (numérique en 999)' },
  { name: 'filler42', start: 42, length: 6, type: 'filler' },
  { name: 'application', start: 48, length: 2, type: 'X', label: 'Application' },
  { name: 'identificationFichier', start: 50, length: 6, type: 'X', label: 'Identification du fichier' },
  { name: 'volumeFichier', start: 56, length: 8, type: 'N', as: 'number', label: 'Volume du fichier' },
  { name: 'filler64', start: 64, length: 19, type: 'filler' },
  { name: 'nombreLots', start: 83, length: 3, type: 'N', as: 'number', label: 'Nombre de lots' },
  { name: 'filler86', start: 86, length: 43, type: 'filler' },
]);

/** A parsed B2 999 record. */
export type Record999 = InferRecord<typeof B2_999>;
