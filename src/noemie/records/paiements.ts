/**
 * Financial entities outside invoices: 250 retenue (mouvement financier), 261 paiement
 * ponctuel ou forfaitaire and its 262 détail. Layouts stop before the `@`.
 *
 * @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités
 */
import { defineLayout } from '../../internal/fixed-width/layout';

const REF = 'NOEMIE PS CdC (Cahier des charges NOEMIE PS (CNAM), catalogue des entités)';

/** 250 Mouvement financier – retenue (47 bytes with `@`). */
export const LAYOUT_250 = defineLayout({
  name: 'NOEMIE 250 Retenue',
  length: 46,
  ref: `${REF} entité 250`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '250' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroLigne', start: 6, length: 2, type: 'N', as: 'number' },
    { name: 'referenceDette', start: 8, length: 10, type: 'X' },
    { name: 'dateEnregistrement', start: 18, length: 6, type: 'date6' },
    { name: 'natureDette', start: 24, length: 3, type: 'X' },
    { name: 'natureOperation', start: 27, length: 3, type: 'X' },
    { name: 'montant', start: 30, length: 8, type: 'amount', sign: { field: 'signe' } },
    { name: 'signe', start: 38, length: 1, type: 'sign' },
    { name: 'soldeDette', start: 39, length: 8, type: 'amount' },
  ],
});

/** 261 Paiement ponctuel ou forfaitaire (19 bytes with `@`). */
export const LAYOUT_261 = defineLayout({
  name: 'NOEMIE 261 Paiement forfaitaire',
  length: 18,
  ref: `${REF} entité 261`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '261' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'codePaiement', start: 6, length: 5, type: 'N' },
    { name: 'montant', start: 11, length: 8, type: 'amount' },
  ],
});

/** 262 Détail paiement ponctuel ou forfaitaire (134 bytes with `@`). */
export const LAYOUT_262 = defineLayout({
  name: 'NOEMIE 262 Détail paiement forfaitaire',
  length: 133,
  ref: `${REF} entité 262`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '262' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'codification', start: 6, length: 5, type: 'X' },
    { name: 'libelle', start: 11, length: 80, type: 'X' },
    { name: 'nir', start: 91, length: 13, type: 'X' },
    { name: 'cleNir', start: 104, length: 2, type: 'N', optional: true },
    { name: 'dateNaissance', start: 106, length: 6, type: 'date6', century: 'past', optional: true },
    { name: 'rangNaissance', start: 112, length: 1, type: 'N', optional: true },
    { name: 'periode', start: 113, length: 1, type: 'X' },
    { name: 'dateDebut', start: 114, length: 6, type: 'date6', optional: true },
    { name: 'dateFin', start: 120, length: 6, type: 'date6', optional: true },
    { name: 'montant', start: 126, length: 8, type: 'amount' },
  ],
});
