/**
 * Payment entities of an invoice: 198 part AMO, 199 part AMC (demandé vs payé, état), and
 * 210 acte professionnel (one line). Layouts stop before the `@`.
 *
 * @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités (which amounts are signed)
 */
import { defineLayout } from '../../internal/fixed-width/layout';

const REF = 'NOEMIE PS CdC (Cahier des charges NOEMIE PS (CNAM), catalogue des entités)';
const ETATS = ['P', 'R', 'D', ''] as const;

/** 198 Part AMO (24 bytes with `@`). */
export const LAYOUT_198 = defineLayout({
  name: 'NOEMIE 198 Part AMO',
  length: 23,
  ref: `${REF} entité 198`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '198' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'montantDemande', start: 6, length: 8, type: 'amount' },
    { name: 'etat', start: 14, length: 1, type: 'X', enum: ETATS },
    { name: 'montantPaye', start: 15, length: 8, type: 'amount', sign: { field: 'signe' } },
    { name: 'signe', start: 23, length: 1, type: 'sign' },
  ],
});

/** 199 Part AMC (49 bytes with `@`). */
export const LAYOUT_199 = defineLayout({
  name: 'NOEMIE 199 Part AMC',
  length: 48,
  ref: `${REF} entité 199`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '199' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'montantDemande', start: 6, length: 8, type: 'amount' },
    { name: 'etat', start: 14, length: 1, type: 'X', enum: ETATS },
    { name: 'montantPaye', start: 15, length: 8, type: 'amount', sign: { field: 'signe' } },
    { name: 'signe', start: 23, length: 1, type: 'sign' },
    // Cahier des charges NOEMIE PS (CNAM), catalogue des entités gives no numeric type for the n° AMC destinataire, and AMC identifiers may hold
    // letters (B2 type 2 also writes its n° d'organisme complémentaire as X): alphanumeric.
    { name: 'numeroAmc', start: 24, length: 10, type: 'X' },
    { name: 'numeroAdherentAmc', start: 34, length: 15, type: 'X' },
  ],
});

/** 210 Acte professionnel (118 bytes with `@`). */
export const LAYOUT_210 = defineLayout({
  name: 'NOEMIE 210 Acte professionnel',
  length: 117,
  ref: `${REF} entité 210`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '210' },
    { name: 'niveauRupture', start: 4, length: 2, type: 'N' },
    { name: 'numeroLigne', start: 6, length: 2, type: 'N', as: 'number' },
    { name: 'codeGestion', start: 8, length: 2, type: 'N' },
    { name: 'justificationExoneration', start: 10, length: 1, type: 'X' },
    { name: 'modeTraitement', start: 11, length: 2, type: 'N' },
    { name: 'disciplineMedicoTarifaire', start: 13, length: 3, type: 'N' },
    { name: 'datePrescription', start: 16, length: 6, type: 'date6', optional: true },
    { name: 'dateSoins', start: 22, length: 6, type: 'date6' },
    { name: 'dateFinSoins', start: 28, length: 6, type: 'date6', optional: true },
    { name: 'prixUnitaire', start: 34, length: 8, type: 'amount' },
    { name: 'baseRemboursement', start: 42, length: 8, type: 'amount' },
    { name: 'taux', start: 50, length: 3, type: 'N', as: 'number' },
    { name: 'montantRembourse', start: 53, length: 8, type: 'amount', sign: { field: 'signe' } },
    { name: 'signe', start: 61, length: 1, type: 'sign' },
    { name: 'naturePrestation', start: 62, length: 3, type: 'X' },
    { name: 'complementNature', start: 65, length: 2, type: 'X' },
    { name: 'quantite', start: 67, length: 3, type: 'N', as: 'number' },
    { name: 'coefficient', start: 70, length: 5, type: 'N', as: 'number' },
    { name: 'denombrement', start: 75, length: 3, type: 'N', as: 'number' },
    { name: 'montantDepense', start: 78, length: 8, type: 'amount' },
    { name: 'qualificatifDepense', start: 86, length: 2, type: 'X' },
    { name: 'tauxAlsaceMoselle', start: 88, length: 3, type: 'N', as: 'number' },
    { name: 'montantAlsaceMoselle', start: 91, length: 8, type: 'amount' },
    { name: 'tauxMutuelle', start: 99, length: 3, type: 'N', as: 'number' },
    { name: 'montantPartComplementaire', start: 102, length: 8, type: 'amount' },
    { name: 'baseRemboursementMutuelle', start: 110, length: 8, type: 'amount' },
  ],
});
