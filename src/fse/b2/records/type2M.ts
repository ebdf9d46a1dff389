/**
 * B2 record 2M — Routage AMC (DRE / éclatement), PS norms. Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 37-46 n° organisme complémentaire is "N" here but "A" on record 2 (119-128):
 * kept N as in the CdC extract. 105-124 nom de domaine may hold lower case → anyCase.
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, complementType, facturePrefix } from './common';

/** Layout of the B2 2M record. */
export const B2_2M = b2Layout('B2 2M routage AMC', [
  ...facturePrefix('2'),
  complementType('M'),
  { name: 'numeroOrganismeComplementaire', start: 37, length: 10, type: 'N', optional: true, label: "N° d'organisme complémentaire" },
  { name: 'codeRoutageDestinataireAmc', start: 47, length: 2, type: 'X', optional: true, label: 'Code routage destinataire AMC' },
  { name: 'identifiantHoteDestinataireAmc', start: 49, length: 3, type: 'X', optional: true, label: "Identifiant de l'hôte destinataire AMC" },
  { name: 'filler52', start: 52, length: 20, type: 'filler' },
  { name: 'identifiantAmcAdherent', start: 72, length: 15, type: 'N', optional: true, label: "Identifiant AMC de l'adhérent" },
  { name: 'filler87', start: 87, length: 7, type: 'filler' },
  { name: 'forcageAmc', start: 94, length: 1, type: 'X', optional: true, label: 'Forçage de la tarification AMC' },
  { name: 'typeModuleSts', start: 95, length: 1, type: 'X', optional: true, enum: ['R', 'U', 'M', '8', '4'], label: 'Type du module STS' },
  { name: 'versionModuleSts', start: 96, length: 4, type: 'X', optional: true, label: 'N° de version du module STS' },
  { name: 'codeRoutageAmc', start: 100, length: 2, type: 'X', optional: true, label: 'Code routage AMC' },
  { name: 'identifiantHoteAmc', start: 102, length: 3, type: 'X', optional: true, label: 'Identifiant hôte AMC' },
  { name: 'nomDomaine', start: 105, length: 20, type: 'X', optional: true, anyCase: true, label: 'Nom de domaine' },
  { name: 'indicateurTraitement', start: 125, length: 2, type: 'X', optional: true, label: 'Indicateur de traitement' },
  { name: 'codeApplicationAmc', start: 127, length: 2, type: 'X', optional: true, label: 'Code application AMC' },
]);

/** A parsed B2 2M record. */
export type Record2M = InferRecord<typeof B2_2M>;
