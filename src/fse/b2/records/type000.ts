/**
 * B2 record 000 — Début de fichier (all norms). Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 42-47 date de réception frontal is written by the frontal (zeros on output);
 * 66-67 "version de la norme" holds `B2` per sesamviewer (an X zone, not a constant here).
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout } from './common';

/** Layout of the B2 000 record (file header). */
export const B2_000 = b2Layout('B2 000 début de fichier', [
  { name: 'type', start: 1, length: 3, type: 'const', value: '000' },
  { name: 'typeEmetteur', start: 4, length: 2, type: 'X', enum: ['TP', 'TE', 'SI', 'OT'], label: "Type d'émetteur" },
  { name: 'numeroEmetteur', start: 6, length: 14, type: 'N', label: "N° d'émetteur" },
  { name: 'filler20', start: 20, length: 6, type: 'filler' },
  { name: 'typeDestinataire', start: 26, length: 2, type: 'X', label: 'Type de destinataire' },
  { name: 'numeroDestinataire', start: 28, length: 14, type: 'X', label: 'N° de destinataire (alphanumérique en 000)' },
  { name: 'dateReceptionFrontal', start: 42, length: 6, type: 'date6', optional: true, label: 'Date de réception du flux sur le frontal' },
  { name: 'application', start: 48, length: 2, type: 'X', label: 'Application' },
  { name: 'identificationFichier', start: 50, length: 6, type: 'X', label: 'Identification du fichier' },
  { name: 'dateCreationFichier', start: 56, length: 6, type: 'date6', label: 'Date de création du fichier' },
  { name: 'norme', start: 62, length: 4, type: 'X', label: 'Norme (`CP  ` = établissements)' },
  { name: 'versionNorme', start: 66, length: 2, type: 'X', label: 'Version de la norme (B2)' },
  { name: 'filler68', start: 68, length: 2, type: 'filler' },
  { name: 'reserveSesam', start: 70, length: 3, type: 'X', optional: true, label: 'Zone réservée SESAM' },
  { name: 'filler73', start: 73, length: 10, type: 'filler' },
  { name: 'longueurEnregistrement', start: 83, length: 3, type: 'N', as: 'number', label: "Longueur d'enregistrement" },
  { name: 'filler86', start: 86, length: 6, type: 'filler' },
  { name: 'zoneMessage', start: 92, length: 37, type: 'X', optional: true, anyCase: true, label: 'Zone message' },
]);

/** A parsed B2 000 record. */
export type Record000 = InferRecord<typeof B2_000>;
