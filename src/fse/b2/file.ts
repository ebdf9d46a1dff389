/**
 * The B2 file model of FSE/DRE files, record by record: 000 → lots (1 → invoices (2, 2S?, 2M?,
 * lines (4, 4M?, 4F?)…, 5)… → 6)… → 999, on the shared record layouts of `./records`.
 * `parseB2File(serializeB2File(file))` gives the file back. Control totals (5, 6, 999) are
 * computed here from the content (running sums, never a list of invoices) and re-checked by the parser.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de codage (hierarchy), §2.3 (types 5, 6, 999), §3.4
 */
import type { Money } from '../../core/money/index';
import type { Record000, Record1, Record2, Record2M, Record2S, Record4, Record4F, Record4M, Record5, Record6, Record999 } from './records/index';

/** One act line: type 4 and its detail record. */
export interface B2Ligne {
  readonly prestation: Record4;
  readonly ccam?: Record4M;
  readonly lpp?: Record4F;
}

/** One invoice (FSE or DRE) as records. */
export interface B2Facture {
  readonly entete: Record2;
  readonly individu?: Record2S;
  readonly amc?: Record2M;
  readonly lignes: readonly B2Ligne[];
  readonly total: Record5;
}

/** One lot. */
export interface B2Lot {
  readonly debut: Record1;
  readonly factures: readonly B2Facture[];
  readonly fin: Record6;
}

/** One file. */
export interface B2File {
  readonly debut: Record000;
  readonly lots: readonly B2Lot[];
  readonly fin: Record999;
}

const cents = (m: Money | undefined): number => (m === undefined ? 0 : m.centimes);

/**
 * Centimes of a type 5 total for the running lot sums: a value that is not a Money (a JS
 * caller's junk, reported by the serializer on the type 5 itself) counts 0 instead of throwing.
 */
function totalCents(m: unknown): number {
  if (typeof m !== 'object' || m === null) return 0;
  const c = (m as { centimes?: unknown }).centimes;
  return Number.isSafeInteger(c) ? (c as number) : 0;
}

/** Record counts of an invoice. */
export function countsOf(f: B2Facture): { type2: number; type4: number; actes: number; records: number } {
  const type2 = 1 + (f.individu !== undefined ? 1 : 0) + (f.amc !== undefined ? 1 : 0);
  let type4 = 0;
  for (const l of f.lignes) type4 += 1 + (l.ccam !== undefined ? 1 : 0) + (l.lpp !== undefined ? 1 : 0);
  return { type2, type4, actes: f.lignes.length, records: type2 + type4 + 1 };
}

/** Type 5 totals of an invoice computed from its lines (centimes). */
export interface InvoiceTotals {
  readonly nombreEnregistrementsType4: number;
  readonly totalFacture: number;
  readonly totalRemboursableAmo: number;
  readonly totalParticipationAssure: number;
  readonly totalRemboursableAmc: number;
}

/**
 * Type 5 counts and amounts computed from the lines (one pass, integer centimes).
 *
 * @param lignes - The invoice lines.
 * @returns The totals the type 5 must carry.
 */
export function invoiceTotalsOf(lignes: readonly B2Ligne[]): InvoiceTotals {
  let n4 = 0;
  let facture = 0;
  let amo = 0;
  let amc = 0;
  for (const l of lignes) {
    n4 += 1 + (l.ccam !== undefined ? 1 : 0) + (l.lpp !== undefined ? 1 : 0);
    facture += l.prestation.montantHonoraires.centimes;
    amo += l.prestation.montantRemboursableAmo.centimes;
    amc += cents(l.prestation.montantRemboursableAmc);
  }
  return { nombreEnregistrementsType4: n4, totalFacture: facture, totalRemboursableAmo: amo, totalParticipationAssure: facture - amo, totalRemboursableAmc: amc };
}

/**
 * The type 5 record of an invoice (an AMC total of zero is absent: optional zone, CdC §2.2).
 *
 * @param prefix - Columns 1-35 of the invoice.
 * @param lignes - Its lines.
 * @returns The type 5 record.
 */
export function invoiceTrailerOf(prefix: Pick<Record5, 'numeroPs' | 'nirAssure' | 'cleNir' | 'numeroFacture'>, lignes: readonly B2Ligne[]): Record5 {
  const t = invoiceTotalsOf(lignes);
  return {
    type: '5', numeroPs: prefix.numeroPs, nirAssure: prefix.nirAssure, cleNir: prefix.cleNir, numeroFacture: prefix.numeroFacture,
    nombreEnregistrementsType4: t.nombreEnregistrementsType4,
    totalFacture: { centimes: t.totalFacture },
    totalRemboursableAmo: { centimes: t.totalRemboursableAmo },
    totalParticipationAssure: { centimes: t.totalParticipationAssure },
    // always present (undefined when zero): one hidden class for every type 5 (see fromFse.ts `Loose`)
    totalRemboursableAmc: t.totalRemboursableAmc !== 0 ? { centimes: t.totalRemboursableAmc } : undefined,
  } as Record5;
}

/** Running totals of a lot (type 6), built invoice by invoice (streaming). */
export interface LotTotals {
  nombreFactures: number;
  nombreLignesActes: number;
  nombreEnregistrementsType2: number;
  nombreEnregistrementsType5: number;
  montantTotalFacture: number;
  montantTotalRemboursableAmo: number;
  montantTotalRemboursableAmc: number;
  records: number;
}

/** Fresh lot totals. */
export function emptyLotTotals(): LotTotals {
  return { nombreFactures: 0, nombreLignesActes: 0, nombreEnregistrementsType2: 0, nombreEnregistrementsType5: 0, montantTotalFacture: 0, montantTotalRemboursableAmo: 0, montantTotalRemboursableAmc: 0, records: 0 };
}

/** Adds an invoice to lot totals (mutates the accumulator: streaming hot path). */
export function addInvoice(t: LotTotals, f: B2Facture): void {
  const type2 = 1 + (f.individu !== undefined ? 1 : 0) + (f.amc !== undefined ? 1 : 0);
  let type4 = 0;
  const lignes = f.lignes;
  for (let k = 0; k < lignes.length; k++) {
    const l = lignes[k] as B2Ligne;
    type4 += 1 + (l.ccam !== undefined ? 1 : 0) + (l.lpp !== undefined ? 1 : 0);
  }
  t.nombreFactures += 1;
  t.nombreLignesActes += lignes.length;
  t.nombreEnregistrementsType2 += type2;
  t.nombreEnregistrementsType5 += 1;
  const total = f.total;
  t.montantTotalFacture += totalCents(total.totalFacture);
  t.montantTotalRemboursableAmo += totalCents(total.totalRemboursableAmo);
  t.montantTotalRemboursableAmc += totalCents(total.totalRemboursableAmc);
  t.records += type2 + type4 + 1;
}

/** File-level data of the type 6 (constant per file). */
export type LotTrailerExtra = Pick<Record6, 'marquage' | 'typeFacture' | 'numeroAgrementProgiciel' | 'numeroAgrementDispositifPortable'>;

/**
 * The type 6 record of a lot from its totals.
 *
 * @param debut - The lot's type 1.
 * @param t - Totals of its invoices.
 * @param extra - Marquage, type facture and agréments (constant per file).
 * @returns The type 6 record.
 */
export function lotTrailerOf(debut: Pick<Record1, 'numeroPs' | 'numeroLot'>, t: LotTotals, extra: LotTrailerExtra): Record6 {
  return {
    type: '6',
    numeroPs: debut.numeroPs,
    nombreFactures: t.nombreFactures,
    nombreLignesActes: t.nombreLignesActes,
    nombreEnregistrementsType2: t.nombreEnregistrementsType2,
    nombreEnregistrementsType5: t.nombreEnregistrementsType5,
    montantTotalFacture: { centimes: t.montantTotalFacture },
    montantTotalRemboursableAmo: { centimes: t.montantTotalRemboursableAmo },
    montantTotalRemboursableAmc: { centimes: t.montantTotalRemboursableAmc },
    numeroLot: debut.numeroLot,
    ...(extra.marquage !== undefined ? { marquage: extra.marquage } : {}),
    ...(extra.typeFacture !== undefined ? { typeFacture: extra.typeFacture } : {}),
    ...(extra.numeroAgrementProgiciel !== undefined ? { numeroAgrementProgiciel: extra.numeroAgrementProgiciel } : {}),
    ...(extra.numeroAgrementDispositifPortable !== undefined ? { numeroAgrementDispositifPortable: extra.numeroAgrementDispositifPortable } : {}),
  };
}

/**
 * The 999 record of a file (the 999 n° destinataire is numeric, zero-padded to 14: Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements).
 *
 * @param debut - The 000 record.
 * @param nombreLots - Lots in the file.
 * @param volume - Records in the file, 000 and 999 included (modeled meaning of "volume").
 * @returns The 999 record.
 */
export function fileTrailerOf(debut: Record000, nombreLots: number, volume: number): Record999 {
  return {
    type: '999',
    typeEmetteur: debut.typeEmetteur,
    numeroEmetteur: debut.numeroEmetteur,
    typeDestinataire: debut.typeDestinataire,
    numeroDestinataire: debut.numeroDestinataire.padStart(14, '0'),
    application: debut.application,
    identificationFichier: debut.identificationFichier,
    volumeFichier: volume,
    nombreLots,
  };
}
