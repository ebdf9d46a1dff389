/**
 * B2 record 1 — Début de lot (PS norms). Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 89-90 / 91-93 (caisse pivot) are alphanumeric in sesamviewer although they hold
 * digits; kept as X. 81 top certification: blank = B2 non sécurisée (→ absent).
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout } from './common';

/** Layout of the B2 type 1 record (lot header). */
export const B2_1 = b2Layout('B2 1 début de lot', [
  { name: 'type', start: 1, length: 1, type: 'const', value: '1' },
  { name: 'numeroPs', start: 2, length: 9, type: 'N', label: 'N° partenaire de santé + clé' },
  { name: 'origineFichier', start: 11, length: 6, type: 'X', optional: true, label: 'Origine du fichier' },
  { name: 'numeroOrganismeDestinataire', start: 17, length: 3, type: 'N', label: "N° d'organisme destinataire" },
  { name: 'numeroLot', start: 20, length: 3, type: 'N', as: 'number', label: 'N° de lot' },
  { name: 'categorie', start: 23, length: 3, type: 'X', optional: true, label: 'Catégorie' },
  { name: 'statutJuridique', start: 26, length: 2, type: 'X', optional: true, label: 'Statut juridique' },
  { name: 'modeFixationTarifs', start: 28, length: 2, type: 'X', optional: true, label: 'Mode de fixation des tarifs' },
  { name: 'nomRaisonSociale', start: 30, length: 40, type: 'X', label: 'Nom ou raison sociale du PS' },
  { name: 'versionNorme', start: 70, length: 2, type: 'X', label: 'Version de la norme utilisée' },
  { name: 'dateCreationLot', start: 72, length: 6, type: 'date6', label: 'Date de création du lot' },
  { name: 'filler78', start: 78, length: 1, type: 'filler' },
  { name: 'codeNorme', start: 79, length: 2, type: 'X', label: 'Code norme' },
  { name: 'topCertification', start: 81, length: 1, type: 'X', optional: true, enum: ['S', 'F', 'D'], label: 'Top certification du lot' },
  { name: 'numeroVersionNorme', start: 82, length: 6, type: 'N', label: 'N° de version de norme' },
  { name: 'uniteMonetaire', start: 88, length: 1, type: 'X', optional: true, enum: ['E', 'U'], label: 'Unité monétaire' },
  { name: 'grandRegimeCaissePivot', start: 89, length: 2, type: 'X', optional: true, label: 'Grand régime de la caisse pivot' },
  { name: 'numeroCaissePivot', start: 91, length: 3, type: 'X', optional: true, label: 'N° de la caisse pivot' },
  { name: 'indicateurCcp', start: 94, length: 1, type: 'X', optional: true, label: 'Dispositif caisse centralisatrice des paiements' },
  { name: 'filler95', start: 95, length: 34, type: 'filler' },
]);

/** A parsed B2 type 1 record. */
export type Record1 = InferRecord<typeof B2_1>;
