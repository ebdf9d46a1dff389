/**
 * B2 record layouts used by the FSE/DRE writer and parser (PS norms, SPECS §2.3), as data on the
 * fixed-width engine. Gaps between the fields used here are declared as fillers automatically.
 *
 * Provisional: `src/fse/b2/records/` (all B2 layouts, owned by the fixed-width engineer) is the
 * reference set; this file keeps the FSE writer self-contained until it lands and is swapped then.
 * Modeled (not in the public layouts): the 2-35 prefix repeated on 2S/2M/4/4M/4F/5 (n° PS, NIR,
 * n° facture), the type 4 coefficient as hundredths on 6 digits and the taux as a whole percent.
 *
 * @see ../shared/domain/SPECS.md §2.2, §2.3
 */
import type { FieldSpec, InferRecord, Layout } from '../../internal/fixed-width/index';
import { defineLayout } from '../../internal/fixed-width/index';

type Field = Exclude<FieldSpec, { type: 'filler' }>;

function b2<const F extends readonly Field[]>(name: string, fields: F): Layout<F> {
  const all: FieldSpec[] = [];
  let next = 1;
  for (const f of fields) {
    if (f.start > next) all.push({ name: `filler${next}`, start: next, length: f.start - next, type: 'filler' });
    all.push(f);
    next = f.start + f.length;
  }
  if (next <= 128) all.push({ name: `filler${next}`, start: next, length: 129 - next, type: 'filler' });
  return defineLayout({ name, length: 128, alphabet: 'upper', fields: all as unknown as F, ref: 'SPECS §2.3' });
}

const prefix = <const T extends string, const S extends string>(type: T, sub: S) => [
  { name: 'type', start: 1, length: 1, type: 'const', value: type },
  { name: 'numeroPs', start: 2, length: 9, type: 'N' },
  { name: 'nirAssure', start: 12, length: 13, type: 'X' },
  { name: 'cleNir', start: 25, length: 2, type: 'N' },
  { name: 'numeroFacture', start: 27, length: 9, type: 'N', as: 'number' },
  { name: 'complementType', start: 36, length: 1, type: 'const', value: sub },
] as const;

/** 000 Début de fichier. */
export const B2_000 = b2('B2 000 début de fichier', [
  { name: 'type', start: 1, length: 3, type: 'const', value: '000' },
  { name: 'typeEmetteur', start: 4, length: 2, type: 'X' },
  { name: 'numeroEmetteur', start: 6, length: 14, type: 'X' },
  { name: 'typeDestinataire', start: 26, length: 2, type: 'X' },
  { name: 'numeroDestinataire', start: 28, length: 14, type: 'X' },
  { name: 'application', start: 48, length: 2, type: 'X', optional: true },
  { name: 'identificationFichier', start: 50, length: 6, type: 'X' },
  { name: 'dateCreation', start: 56, length: 6, type: 'date6' },
  { name: 'norme', start: 62, length: 4, type: 'X' },
  { name: 'version', start: 66, length: 2, type: 'X' },
  { name: 'longueurEnregistrement', start: 83, length: 3, type: 'N', as: 'number' },
] as const);

/** 1 Début de lot. */
export const B2_1 = b2('B2 1 début de lot', [
  { name: 'type', start: 1, length: 1, type: 'const', value: '1' },
  { name: 'numeroPs', start: 2, length: 9, type: 'N' },
  { name: 'organismeDestinataire', start: 17, length: 3, type: 'N' },
  { name: 'numeroLot', start: 20, length: 3, type: 'N', as: 'number' },
  { name: 'categorie', start: 23, length: 3, type: 'N' },
  { name: 'statutJuridique', start: 26, length: 2, type: 'N' },
  { name: 'modeFixationTarifs', start: 28, length: 2, type: 'N' },
  { name: 'nom', start: 30, length: 40, type: 'X' },
  { name: 'dateCreationLot', start: 72, length: 6, type: 'date6' },
  { name: 'topCertification', start: 81, length: 1, type: 'X', optional: true, enum: ['S', 'F', 'D'] },
  { name: 'uniteMonetaire', start: 88, length: 1, type: 'X', enum: ['E', 'U'] },
  { name: 'grandRegimePivot', start: 89, length: 2, type: 'N', optional: true },
  { name: 'caissePivot', start: 91, length: 3, type: 'N', optional: true },
] as const);

/** 2 Début de facture. */
export const B2_2 = b2('B2 2 début de facture', [
  ...prefix('2', ' '),
  { name: 'dateFacturation', start: 40, length: 6, type: 'date6' },
  { name: 'topEclatement', start: 46, length: 1, type: 'X', optional: true, enum: ['E', 'F'] },
  { name: 'typeFacture', start: 47, length: 1, type: 'X', optional: true },
  { name: 'grandRegime', start: 49, length: 2, type: 'N' },
  { name: 'caisse', start: 51, length: 3, type: 'N' },
  { name: 'centre', start: 54, length: 4, type: 'N' },
  { name: 'numeroPrescripteur', start: 59, length: 9, type: 'N', optional: true },
  { name: 'datePrescription', start: 68, length: 6, type: 'date6', optional: true },
  { name: 'natureAssurance', start: 77, length: 2, type: 'N' },
  { name: 'justificationExoneration', start: 79, length: 1, type: 'X' },
  { name: 'dateMaternite', start: 80, length: 6, type: 'date6', optional: true },
  { name: 'numeroAt', start: 86, length: 9, type: 'N', optional: true },
  { name: 'dateNaissance', start: 96, length: 6, type: 'date6', century: 'past' },
  { name: 'rangNaissance', start: 102, length: 1, type: 'N', as: 'number' },
  { name: 'rangBeneficiaire', start: 103, length: 2, type: 'N', as: 'number' },
  { name: 'numeroAdherent', start: 105, length: 8, type: 'X', optional: true },
  { name: 'specialitePrescripteur', start: 113, length: 2, type: 'N', optional: true },
  { name: 'destinataireReglement', start: 115, length: 2, type: 'N' },
  { name: 'typeContratAmc', start: 117, length: 2, type: 'N', optional: true },
  { name: 'numeroAmc', start: 119, length: 10, type: 'X', optional: true },
] as const);

/** 2S NIR individuel du bénéficiaire. */
export const B2_2S = b2('B2 2S', [
  ...prefix('2', 'S'),
  { name: 'nirIndividuel', start: 50, length: 13, type: 'X' },
  { name: 'cleIndividuel', start: 63, length: 2, type: 'N' },
] as const);

/** 2M Routage AMC (DRE / éclatement). */
export const B2_2M = b2('B2 2M', [
  ...prefix('2', 'M'),
  { name: 'numeroAmc', start: 37, length: 10, type: 'X' },
  { name: 'codeRoutage', start: 47, length: 2, type: 'X', optional: true },
  { name: 'identifiantHote', start: 49, length: 3, type: 'X', optional: true },
  { name: 'identifiantAdherentAmc', start: 72, length: 15, type: 'X', optional: true },
  { name: 'typeModuleSts', start: 95, length: 1, type: 'X', optional: true },
  { name: 'versionModuleSts', start: 96, length: 4, type: 'X', optional: true },
  { name: 'nomDomaine', start: 105, length: 20, type: 'X', optional: true },
  { name: 'indicateurTraitement', start: 125, length: 2, type: 'N' },
  { name: 'codeApplication', start: 127, length: 2, type: 'X', optional: true },
] as const);

/** 4 Prestation (ligne d'acte). */
export const B2_4 = b2('B2 4 prestation', [
  ...prefix('4', ' '),
  { name: 'sequence', start: 37, length: 2, type: 'N', as: 'number' },
  { name: 'justificationExoneration', start: 54, length: 1, type: 'X' },
  { name: 'numeroExecutant', start: 55, length: 9, type: 'N' },
  { name: 'dateActe', start: 68, length: 6, type: 'date6' },
  { name: 'codeActe', start: 74, length: 5, type: 'X', optional: true },
  { name: 'quantite', start: 79, length: 2, type: 'N', as: 'number' },
  { name: 'coefficient', start: 81, length: 6, type: 'N', as: 'number' },
  { name: 'prixUnitaire', start: 89, length: 7, type: 'amount' },
  { name: 'baseRemboursement', start: 96, length: 7, type: 'amount' },
  { name: 'taux', start: 103, length: 3, type: 'N', as: 'number' },
  { name: 'montantAmo', start: 106, length: 7, type: 'amount' },
  { name: 'montantHonoraires', start: 113, length: 7, type: 'amount' },
  { name: 'codeLieu', start: 121, length: 1, type: 'N', enum: ['0', '1'] },
  { name: 'montantAmc', start: 122, length: 7, type: 'amount' },
] as const);

/** 4M Détail CCAM. */
export const B2_4M = b2('B2 4M', [
  ...prefix('4', 'M'),
  { name: 'codeCcam', start: 43, length: 13, type: 'X' },
  { name: 'activite', start: 57, length: 1, type: 'X' },
  { name: 'phase', start: 58, length: 1, type: 'X' },
  { name: 'modificateurs', start: 59, length: 4, type: 'X', optional: true },
] as const);

/** 4F Détail LPP. */
export const B2_4F = b2('B2 4F', [
  ...prefix('4', 'F'),
  { name: 'codeLpp', start: 43, length: 13, type: 'X' },
] as const);

/** 5 Totalisation facture. */
export const B2_5 = b2('B2 5 totalisation', [
  ...prefix('5', ' '),
  { name: 'nombreType4', start: 39, length: 3, type: 'N', as: 'number' },
  { name: 'totalFacture', start: 58, length: 8, type: 'amount' },
  { name: 'totalAmo', start: 66, length: 8, type: 'amount' },
  { name: 'totalParticipationAssure', start: 74, length: 8, type: 'amount' },
  { name: 'totalAmc', start: 82, length: 8, type: 'amount' },
  { name: 'zoneCertification', start: 97, length: 32, type: 'X', optional: true },
] as const);

/** 6 Fin de lot. */
export const B2_6 = b2('B2 6 fin de lot', [
  { name: 'type', start: 1, length: 1, type: 'const', value: '6' },
  { name: 'numeroPs', start: 2, length: 9, type: 'N' },
  { name: 'nombreFactures', start: 11, length: 3, type: 'N', as: 'number' },
  { name: 'nombreLignesActes', start: 14, length: 4, type: 'N', as: 'number' },
  { name: 'compteurType2', start: 18, length: 4, type: 'N', as: 'number' },
  { name: 'totalType5', start: 22, length: 3, type: 'N', as: 'number' },
  { name: 'montantTotal', start: 25, length: 9, type: 'amount' },
  { name: 'totalAmo', start: 34, length: 9, type: 'amount' },
  { name: 'totalAmc', start: 43, length: 9, type: 'amount' },
  { name: 'numeroLot', start: 52, length: 3, type: 'N', as: 'number' },
  { name: 'marquage', start: 55, length: 1, type: 'X', enum: ['R', 'T', 'D'] },
  { name: 'numeroAgrement', start: 61, length: 12, type: 'X', optional: true },
  { name: 'zoneCertification', start: 97, length: 32, type: 'X', optional: true },
] as const);

/** 999 Fin de fichier. */
export const B2_999 = b2('B2 999 fin de fichier', [
  { name: 'type', start: 1, length: 3, type: 'const', value: '999' },
  { name: 'typeEmetteur', start: 4, length: 2, type: 'X' },
  { name: 'numeroEmetteur', start: 6, length: 14, type: 'X' },
  { name: 'typeDestinataire', start: 26, length: 2, type: 'X' },
  { name: 'numeroDestinataire', start: 28, length: 14, type: 'X' },
  { name: 'identificationFichier', start: 50, length: 6, type: 'X' },
  { name: 'volume', start: 56, length: 8, type: 'N', as: 'number' },
  { name: 'nombreLots', start: 83, length: 3, type: 'N', as: 'number' },
] as const);

export type Record000 = InferRecord<typeof B2_000>;
export type Record1 = InferRecord<typeof B2_1>;
export type Record2 = InferRecord<typeof B2_2>;
export type Record2S = InferRecord<typeof B2_2S>;
export type Record2M = InferRecord<typeof B2_2M>;
export type Record4 = InferRecord<typeof B2_4>;
export type Record4M = InferRecord<typeof B2_4M>;
export type Record4F = InferRecord<typeof B2_4F>;
export type Record5 = InferRecord<typeof B2_5>;
export type Record6 = InferRecord<typeof B2_6>;
export type Record999 = InferRecord<typeof B2_999>;

/** Record kinds of the FSE/DRE files. */
export type B2Kind = '000' | '1' | '2' | '2S' | '2M' | '4' | '4M' | '4F' | '5' | '6' | '999';

/**
 * Tells the kind of a record from its first column (and the complément de type, column 36).
 *
 * @param text - The record text.
 * @returns The kind, or undefined for a type this module does not read.
 */
export function b2KindOf(text: string): B2Kind | undefined {
  if (text.startsWith('000')) return '000';
  if (text.startsWith('999')) return '999';
  const t = text[0];
  const sub = text[35] ?? ' ';
  if (t === '1' || t === '5' || t === '6') return t;
  if (t === '2') return sub === ' ' ? '2' : sub === 'S' ? '2S' : sub === 'M' ? '2M' : undefined;
  if (t === '4') return sub === ' ' ? '4' : sub === 'M' ? '4M' : sub === 'F' ? '4F' : undefined;
  return undefined;
}
