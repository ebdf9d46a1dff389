/**
 * Invoice-level entities: 100 / 102 facture, 103 assuré et bénéficiaire, 110 assuré,
 * 120 malade, 150 nature d'assurance, 160 critère d'archivage. Layouts stop before the `@`.
 *
 * @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités
 */
import { defineLayout } from '../../internal/fixed-width/layout';

const REF = 'NOEMIE PS CdC (Cahier des charges NOEMIE PS (CNAM), catalogue des entités)';

/** 100 Facture (15 bytes with `@`). */
export const LAYOUT_100 = defineLayout({
  name: 'NOEMIE 100 Facture',
  length: 14,
  ref: `${REF} entité 100`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '100' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroFacture', start: 6, length: 9, type: 'N' },
  ],
});

/** 102 Facture détaillée (40 bytes with `@`). */
export const LAYOUT_102 = defineLayout({
  name: 'NOEMIE 102 Facture',
  length: 39,
  ref: `${REF} entité 102`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '102' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroFacture', start: 6, length: 9, type: 'X' },
    { name: 'complementNumeroFacture', start: 15, length: 6, type: 'X' },
    { name: 'numeroLot', start: 21, length: 3, type: 'X' },
    { name: 'dateCreationLot', start: 24, length: 6, type: 'date6', optional: true },
    { name: 'typeFacture', start: 30, length: 1, type: 'X' },
    { name: 'dateFacturation', start: 31, length: 6, type: 'date6', optional: true },
    { name: 'traitementPartAmc', start: 37, length: 1, type: 'X' },
    { name: 'natureAssurance', start: 38, length: 2, type: 'X' },
  ],
});

/** 103 Assuré et bénéficiaire (152 bytes with `@`). */
export const LAYOUT_103 = defineLayout({
  name: 'NOEMIE 103 Assuré et bénéficiaire',
  length: 151,
  ref: `${REF} entité 103`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '103' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroImmatriculation', start: 6, length: 13, type: 'X' },
    { name: 'cleImmatriculation', start: 19, length: 2, type: 'N' },
    { name: 'nomPatronymique', start: 21, length: 25, type: 'X' },
    { name: 'nomUsage', start: 46, length: 25, type: 'X' },
    { name: 'prenom', start: 71, length: 15, type: 'X' },
    { name: 'numeroImmatriculationIndividuel', start: 86, length: 13, type: 'X' },
    { name: 'cleImmatriculationIndividuel', start: 99, length: 2, type: 'N', optional: true },
    { name: 'dateNaissance', start: 101, length: 6, type: 'date6', century: 'past', optional: true },
    { name: 'rangNaissance', start: 107, length: 1, type: 'N' },
    { name: 'nomBeneficiaire', start: 108, length: 25, type: 'X' },
    { name: 'prenomBeneficiaire', start: 133, length: 15, type: 'X' },
    { name: 'uniteGestion', start: 148, length: 4, type: 'X' },
  ],
});

/** 110 Assuré (88 bytes with `@`). */
export const LAYOUT_110 = defineLayout({
  name: 'NOEMIE 110 Assuré',
  length: 87,
  ref: `${REF} entité 110`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '110' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'nir', start: 6, length: 13, type: 'X' },
    { name: 'cleNir', start: 19, length: 2, type: 'N' },
    { name: 'natureNom', start: 21, length: 1, type: 'X' },
    { name: 'nom', start: 22, length: 25, type: 'X' },
    { name: 'blanc', start: 47, length: 26, type: 'filler' },
    { name: 'prenom', start: 73, length: 15, type: 'X' },
  ],
});

/** 120 Malade (57 bytes with `@`). */
export const LAYOUT_120 = defineLayout({
  name: 'NOEMIE 120 Malade',
  length: 56,
  ref: `${REF} entité 120`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '120' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'dateNaissance', start: 6, length: 6, type: 'date6', century: 'past', optional: true },
    { name: 'rangNaissance', start: 12, length: 1, type: 'X' },
    { name: 'nom', start: 13, length: 25, type: 'X' },
    { name: 'prenom', start: 38, length: 15, type: 'X' },
    { name: 'uniteGestion', start: 53, length: 4, type: 'X' },
  ],
});

/** 150 Nature d'assurance (8 bytes with `@`). */
export const LAYOUT_150 = defineLayout({
  name: "NOEMIE 150 Nature d'assurance",
  length: 7,
  ref: `${REF} entité 150`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '150' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'natureAssurance', start: 6, length: 2, type: 'X' },
  ],
});

/** 160 Critère d'archivage (23 bytes with `@`). */
export const LAYOUT_160 = defineLayout({
  name: "NOEMIE 160 Critère d'archivage",
  length: 22,
  ref: `${REF} entité 160`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '160' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroArchivage', start: 6, length: 17, type: 'N' },
  ],
});
