/**
 * The B2 file model of FSE/DRE files, record by record: 000 → lots (1 → invoices (2, 2S?, 2M?,
 * lines (4, 4M?, 4F?)…, 5)… → 6)… → 999. `parseB2File(serializeB2File(file))` gives the file back.
 * Control totals (5, 6, 999) are computed here from the content and re-checked by the parser.
 *
 * @see ../shared/domain/SPECS.md §2.2 (hierarchy), §2.3 (types 5, 6, 999), §3.4
 */
import type { Money } from '../../core/money/index';
import { sum, subtract } from '../../core/money/index';
import type { Record000, Record1, Record2, Record2M, Record2S, Record4, Record4F, Record4M, Record5, Record6, Record999 } from './layouts';

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

/** Record counts of an invoice. */
export function countsOf(f: B2Facture): { type2: number; type4: number; actes: number; records: number } {
  const type2 = 1 + (f.individu !== undefined ? 1 : 0) + (f.amc !== undefined ? 1 : 0);
  let type4 = 0;
  for (const l of f.lignes) type4 += 1 + (l.ccam !== undefined ? 1 : 0) + (l.lpp !== undefined ? 1 : 0);
  return { type2, type4, actes: f.lignes.length, records: type2 + type4 + 1 };
}

/** Type 5 amounts computed from the lines. */
export function invoiceTotalsOf(lignes: readonly B2Ligne[]): { totalFacture: Money; totalAmo: Money; totalParticipationAssure: Money; totalAmc: Money } {
  const totalFacture = sum(lignes.map((l) => l.prestation.montantHonoraires));
  const totalAmo = sum(lignes.map((l) => l.prestation.montantAmo));
  return { totalFacture, totalAmo, totalParticipationAssure: subtract(totalFacture, totalAmo), totalAmc: sum(lignes.map((l) => l.prestation.montantAmc)) };
}

/** Running totals of a lot (type 6), built invoice by invoice (streaming). */
export interface LotTotals {
  nombreFactures: number;
  nombreLignesActes: number;
  compteurType2: number;
  totalType5: number;
  montantTotal: number;
  totalAmo: number;
  totalAmc: number;
  records: number;
}

/** Fresh lot totals. */
export function emptyLotTotals(): LotTotals {
  return { nombreFactures: 0, nombreLignesActes: 0, compteurType2: 0, totalType5: 0, montantTotal: 0, totalAmo: 0, totalAmc: 0, records: 0 };
}

/** Adds an invoice to lot totals (mutates the accumulator: streaming hot path). */
export function addInvoice(t: LotTotals, f: B2Facture): void {
  const c = countsOf(f);
  t.nombreFactures += 1;
  t.nombreLignesActes += c.actes;
  t.compteurType2 += c.type2;
  t.totalType5 += 1;
  t.montantTotal += f.total.totalFacture.centimes;
  t.totalAmo += f.total.totalAmo.centimes;
  t.totalAmc += f.total.totalAmc.centimes;
  t.records += c.records;
}

/**
 * The type 6 record of a lot from its totals.
 *
 * @param debut - The lot's type 1.
 * @param t - Totals of its invoices.
 * @param extra - Marquage and agrément (constant per file).
 * @returns The type 6 record.
 */
export function lotTrailerOf(debut: Record1, t: LotTotals, extra: Pick<Record6, 'marquage'> & Partial<Pick<Record6, 'numeroAgrement'>>): Record6 {
  return {
    type: '6',
    numeroPs: debut.numeroPs,
    nombreFactures: t.nombreFactures,
    nombreLignesActes: t.nombreLignesActes,
    compteurType2: t.compteurType2,
    totalType5: t.totalType5,
    montantTotal: { centimes: t.montantTotal },
    totalAmo: { centimes: t.totalAmo },
    totalAmc: { centimes: t.totalAmc },
    numeroLot: debut.numeroLot,
    marquage: extra.marquage,
    ...(extra.numeroAgrement !== undefined ? { numeroAgrement: extra.numeroAgrement } : {}),
  };
}

/**
 * The 999 record of a file.
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
    numeroDestinataire: debut.numeroDestinataire,
    identificationFichier: debut.identificationFichier,
    volume,
    nombreLots,
  };
}
