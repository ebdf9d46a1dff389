/**
 * Shared pieces of the norme B2 record layouts (PS norms): record length, the layout helper and
 * the invoice prefix (columns 1-35) repeated on the records of an invoice (types 2, 4, 5).
 *
 * Source: Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de codage (norme B2 CdC juin 2007 via sesamviewer `data/b2.xml`, GPL-2+,
 * positions only). Presence "F" (facultatif) in the CdC → `optional: true` (zeros / blanks).
 */
import type { FieldSpec, Layout, LayoutSpec } from '../../../internal/fixed-width/index';
import { defineLayout } from '../../../internal/fixed-width/index';

/** Length of every B2 record (characters = bytes). */
export const B2_RECORD_LENGTH = 128;

/** Spec reference of the B2 layouts. */
export const B2_REF = 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007, avec errata), enregistrements';

/**
 * Defines a B2 layout: 128 columns, upper-case alphabet (CdC: alphanumeric zones in upper case,
 * unaccented).
 *
 * @param name - Record name.
 * @param fields - Fields covering columns 1-128.
 * @returns The validated layout.
 */
/* @__NO_SIDE_EFFECTS__ */
export function b2Layout<const F extends readonly FieldSpec[]>(name: string, fields: F): Layout<F> {
  const spec: LayoutSpec<F> = { name, length: B2_RECORD_LENGTH, alphabet: 'upper', fields, ref: B2_REF };
  return defineLayout(spec);
}

/**
 * Columns 1-35 of the invoice records (types 2, 2x, 4, 4x, 5): type, n° PS, NIR assuré + clé,
 * n° facture. The NIR is alphanumeric (Corsica `2A`/`2B`).
 *
 * @param type - The record type digit.
 * @returns The fields, as const data.
 */
export function facturePrefix<const T extends string>(type: T) {
  return [
    { name: 'type', start: 1, length: 1, type: 'const', value: type, label: "Type d'enregistrement" },
    { name: 'numeroPs', start: 2, length: 9, type: 'N', label: 'N° du partenaire de santé + clé' },
    { name: 'filler11', start: 11, length: 1, type: 'filler' },
    { name: 'nirAssure', start: 12, length: 13, type: 'X', label: "N° d'immatriculation de l'assuré" },
    { name: 'cleNir', start: 25, length: 2, type: 'N', label: 'Clé du n° d’immatriculation' },
    { name: 'numeroFacture', start: 27, length: 9, type: 'N', as: 'number', label: 'N° de facture' },
  ] as const;
}

/**
 * The "complément de type" letter at column 36 (PS norms; ` ` for the base record).
 *
 * @param letter - The sub-type letter, or a blank for the base record.
 * @returns The field.
 */
export function complementType<const C extends string>(letter: C) {
  return { name: 'complementType', start: 36, length: 1, type: 'const', value: letter, label: 'Complément du type' } as const;
}
