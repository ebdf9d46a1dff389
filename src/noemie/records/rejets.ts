/**
 * Rejects, comments and control: 290 rejet ou signalement, 294 ligne rejet, 295 ligne
 * commentaire, 990 entité de contrôle. Layouts stop before the `@`.
 *
 * @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités (reject codes themselves are not public: formats non publics (modélisés, docs/spec-map.md))
 */
import { defineLayout } from '../../internal/fixed-width/layout';

const REF = 'NOEMIE PS CdC (Cahier des charges NOEMIE PS (CNAM), catalogue des entités)';

/** 290 Rejet ou signalement (98 bytes with `@`). */
export const LAYOUT_290 = defineLayout({
  name: 'NOEMIE 290 Rejet ou signalement',
  length: 97,
  ref: `${REF} entité 290`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '290' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroLigne', start: 6, length: 2, type: 'N', as: 'number' },
    { name: 'codification', start: 8, length: 10, type: 'X' },
    { name: 'libelle', start: 18, length: 80, type: 'X' },
  ],
});

/** 294 Ligne rejet (153 bytes with `@`). */
export const LAYOUT_294 = defineLayout({
  name: 'NOEMIE 294 Ligne rejet',
  length: 152,
  ref: `${REF} entité 294`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '294' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'codeRejet', start: 6, length: 4, type: 'X' },
    { name: 'libelle', start: 10, length: 86, type: 'X' },
    { name: 'niveauRejet', start: 96, length: 1, type: 'X', enum: ['F', 'L', 'A'] },
    { name: 'partRejet', start: 97, length: 1, type: 'X', enum: ['O', 'C'] },
    { name: 'naturePrestation', start: 98, length: 5, type: 'X' },
    { name: 'dateSoins', start: 103, length: 6, type: 'date6', optional: true },
    { name: 'numeroExecutant', start: 109, length: 9, type: 'N', optional: true },
    { name: 'numeroLigne', start: 118, length: 3, type: 'N', as: 'number', optional: true },
    { name: 'rangRejet', start: 121, length: 2, type: 'N', as: 'number', optional: true },
    { name: 'informationComplementaire', start: 123, length: 30, type: 'X' },
  ],
});

/** 295 Ligne commentaire (135 bytes with `@`). */
export const LAYOUT_295 = defineLayout({
  name: 'NOEMIE 295 Ligne commentaire',
  length: 134,
  ref: `${REF} entité 295`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '295' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'codeCommentaire', start: 6, length: 1, type: 'X' },
    { name: 'commentaire', start: 7, length: 128, type: 'X' },
  ],
});

/** 990 Entité de contrôle (43 bytes with `@`). */
export const LAYOUT_990 = defineLayout({
  name: 'NOEMIE 990 Entité de contrôle',
  length: 42,
  ref: `${REF} entité 990`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '990' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'identificationNiveau', start: 6, length: 17, type: 'X' },
    { name: 'compteur', start: 23, length: 8, type: 'N', as: 'number' },
    { name: 'cumulMontants', start: 31, length: 11, type: 'amount', sign: { field: 'signe' } },
    { name: 'signe', start: 42, length: 1, type: 'sign' },
  ],
});
