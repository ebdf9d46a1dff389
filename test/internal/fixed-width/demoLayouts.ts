/** Test layouts exercising every field type of the fixed-width engine (fictitious records). */
import { defineLayout } from '../../../src/internal/fixed-width/index';

/** 40 columns, every field type, B2 alphabet (upper case). */
export const DEMO = defineLayout({
  name: 'demo',
  length: 40,
  alphabet: 'upper',
  fields: [
    { name: 'type', start: 1, length: 3, type: 'const', value: '000' },
    { name: 'nombre', start: 4, length: 5, type: 'N', as: 'number' },
    { name: 'nom', start: 9, length: 10, type: 'X', optional: true },
    { name: 'date', start: 19, length: 6, type: 'date6' },
    { name: 'montant', start: 25, length: 8, type: 'amount', sign: { field: 'signe' } },
    { name: 'signe', start: 33, length: 1, type: 'sign' },
    { name: 'code', start: 34, length: 2, type: 'N', enum: ['10', '13'] },
    { name: 'filler1', start: 36, length: 5, type: 'filler' },
  ],
});

/** 48 columns: optional numerics and dates, date8, leading-sign amount, X enum, zero filler. */
export const DEMO2 = defineLayout({
  name: 'demo2',
  length: 48,
  fields: [
    { name: 'numero', start: 1, length: 9, type: 'N' },
    { name: 'caisse', start: 10, length: 3, type: 'N', optional: true },
    { name: 'naissance', start: 13, length: 6, type: 'date6', century: 'past', optional: true },
    { name: 'dateLongue', start: 19, length: 8, type: 'date8', optional: true },
    { name: 'solde', start: 27, length: 9, type: 'amount', sign: 'leading' },
    { name: 'brut', start: 36, length: 7, type: 'amount', optional: true },
    { name: 'qualite', start: 43, length: 2, type: 'X', enum: ['A', 'AA', 'C'] },
    { name: 'reserve', start: 45, length: 4, type: 'filler', fill: '0' },
  ],
});
