/**
 * Hierarchy entities: 020 mandataire, 040 destinataire de règlement, 070 / 071 date comptable
 * (071 with the virement reference), 080 lot, 081 type de retour. Each layout stops before the
 * `@` delimiter (checked by the framing, `src/noemie/parse/entities.ts`).
 *
 * @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités
 */
import { defineLayout } from '../../internal/fixed-width/layout';

const REF = 'NOEMIE PS CdC (Cahier des charges NOEMIE PS (CNAM), catalogue des entités)';

/** 020 Mandataire (21 bytes with `@`). */
export const LAYOUT_020 = defineLayout({
  name: 'NOEMIE 020 Mandataire',
  length: 20,
  ref: `${REF} entité 020`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '020' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroDestinataireReglement', start: 6, length: 15, type: 'N' },
  ],
});

/** 040 Destinataire de règlement (21 bytes with `@`). */
export const LAYOUT_040 = defineLayout({
  name: 'NOEMIE 040 Destinataire de règlement',
  length: 20,
  ref: `${REF} entité 040`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '040' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroDestinataireReglement', start: 6, length: 15, type: 'N' },
  ],
});

/** 070 Date comptable (12 bytes with `@`). */
export const LAYOUT_070 = defineLayout({
  name: 'NOEMIE 070 Date comptable',
  length: 11,
  ref: `${REF} entité 070`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '070' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'dateComptable', start: 6, length: 6, type: 'date6' },
  ],
});

/** 071 Date comptable et référence du virement (86 bytes with `@`). */
export const LAYOUT_071 = defineLayout({
  name: 'NOEMIE 071 Virement',
  length: 85,
  ref: `${REF} entité 071`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '071' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'dateComptable', start: 6, length: 6, type: 'date6' },
    { name: 'libelleVirement1', start: 12, length: 32, type: 'X' },
    { name: 'libelleVirement2', start: 44, length: 32, type: 'X' },
    { name: 'organismePayeur', start: 76, length: 10, type: 'X' },
  ],
});

/** 080 Lot (15 bytes with `@`). */
export const LAYOUT_080 = defineLayout({
  name: 'NOEMIE 080 Lot',
  length: 14,
  ref: `${REF} entité 080`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '080' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'dateConstitution', start: 6, length: 6, type: 'date6' },
    { name: 'numeroLot', start: 12, length: 3, type: 'N' },
  ],
});

/** 081 Type de retour (22 bytes with `@`). */
export const LAYOUT_081 = defineLayout({
  name: 'NOEMIE 081 Type de retour',
  length: 21,
  ref: `${REF} entité 081`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '081' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'codeTypeRetour', start: 6, length: 2, type: 'N' },
    { name: 'numeroLieuExecution', start: 8, length: 14, type: 'X' },
  ],
});
