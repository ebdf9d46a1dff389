/**
 * A SCOR pièce justificative linked to the invoice it justifies. MODELED: the SCOR cahier des
 * charges (lot layout, manifest, natures of pièces) is restricted; this link carries what public
 * material says a PJ is tied to — the invoice number, its lot and its date — until a PMS maps it
 * to the editor's format behind its own port.
 */

/** What the pièce is (modeled). */
export type NaturePiece = 'ordonnance' | 'feuille-soins-degradee' | 'autre';

/** The natures, in documentation order. */
export const NATURES_PIECE: readonly NaturePiece[] = /* @__PURE__ */ Object.freeze(['ordonnance', 'feuille-soins-degradee', 'autre']);

/** Input of {@link buildScorPiece}. */
export interface ScorPieceInput {
  /** N° de la facture justifiée (1 to 999 999 999, the B2 invoice number). */
  readonly numeroFacture: number;
  /** Date de facturation, `AAAA-MM-JJ`. */
  readonly dateFacturation: string;
  readonly nature: NaturePiece;
  /** The scans, one page each (JPEG or PNG). */
  readonly scans: readonly Uint8Array[];
  /** N° du lot FSE of the invoice (1 to 999), when known. */
  readonly numeroLot?: number;
}

/** A pièce justificative ready to join a SCOR lot. */
export interface ScorPiece {
  readonly numeroFacture: number;
  readonly dateFacturation: string;
  readonly nature: NaturePiece;
  readonly numeroLot?: number;
  /** The PDF/A-1b document. */
  readonly pdf: Uint8Array;
  readonly pageCount: number;
}

/** What {@link validateScorPieces} needs of an invoice: structurally an FSE of `sesam-billing/fse`. */
export interface ScorInvoiceRef {
  readonly numeroFacture: number;
  /** The securing data: mode `D` (dégradé) with a `scor` justificatif needs a feuille de soins pièce. */
  readonly securisation?: { readonly mode: string; readonly justificatif?: { readonly support?: string } };
  /** The acts are prescribed (infirmier, kiné, …): an ordonnance pièce is needed. */
  readonly prescrit?: boolean;
}

/** What {@link validateScorPieces} needs of a pièce. */
export interface ScorPieceRef {
  readonly numeroFacture: number;
  readonly nature: NaturePiece;
}
