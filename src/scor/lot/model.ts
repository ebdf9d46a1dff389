/**
 * SCOR lots beside FSE lots — MODELED. The SCOR cahier des charges of the GIE SESAM-Vitale (lot
 * layout, manifest, ARL) is restricted: what is public is that each pièce justificative travels
 * in a SCOR lot tied to the invoice it justifies (n° de facture, lot FSE, date) and that the
 * caisse acknowledges the lot (ARL). The bytes of a lot and of its ARL go through a port,
 * {@link ScorLotCodec}: the library ships a modeled codec (createModeledScorLotCodec) for tests
 * and the local caisse; an editor holding the official cahier des charges plugs its own.
 */
import type { Result } from '../../core/issues/index';
import type { NaturePiece } from '../piece/model';

/** One pièce in a SCOR lot, with its invoice link. */
export interface ScorLotEntry {
  readonly numeroFacture: number;
  /** Date de facturation, `AAAA-MM-JJ`. */
  readonly dateFacturation: string;
  /** N° of the FSE lot the invoice travelled in (1 to 999). */
  readonly numeroLotFse: number;
  readonly nature: NaturePiece;
  readonly pageCount: number;
  /** The PDF/A-1b document. */
  readonly pdf: Uint8Array;
}

/** A SCOR lot. */
export interface ScorLot {
  /** N° of the SCOR lot (1 to 999, the PS's own sequence beside the FSE lots). */
  readonly numeroLot: number;
  /** N° d'identification of the PS (facturation), 8 or 9 characters. */
  readonly numeroPs: string;
  /** `AAAA-MM-JJ`. */
  readonly dateCreation: string;
  readonly entries: readonly ScorLotEntry[];
}

/** One line of the bookkeeping: which pièce went in which SCOR lot (no PDF bytes). */
export interface ScorManifestEntry {
  readonly numeroFacture: number;
  readonly dateFacturation: string;
  readonly numeroLotFse: number;
  readonly nature: NaturePiece;
  readonly pageCount: number;
  /** SHA-256 of the PDF (hex): the document sent, recognisable later. */
  readonly sha256: string;
}

/** The bookkeeping of one SCOR lot: plain data to store beside the ledger's FSE lots. */
export interface ScorLotManifest {
  readonly numeroLot: number;
  readonly numeroPs: string;
  readonly dateCreation: string;
  readonly entries: readonly ScorManifestEntry[];
}

/** Statut of one pièce in an ARL. */
export type ScorArlStatut = 'acceptee' | 'rejetee';

/** The SCOR ARL (accusé de réception logique) of a lot — MODELED. */
export interface ScorArl {
  readonly numeroLot: number;
  readonly numeroPs: string;
  /** The lot as a whole: accepted (pièces may still be refused one by one) or rejected. */
  readonly statut: 'accepte' | 'rejete';
  /** Motif of a lot rejection. */
  readonly motif?: string;
  readonly pieces: readonly { readonly numeroFacture: number; readonly nature: NaturePiece; readonly statut: ScorArlStatut; readonly motif?: string }[];
}

/** The port: the bytes of a SCOR lot and of its ARL (the layout is restricted: modeled by default). */
export interface ScorLotCodec {
  /** Name shown in traces (`'modele-sesam-billing-1'`). */
  readonly name: string;
  /** The lot's bytes, as sent by the Transport port. */
  encodeLot(lot: ScorLot): Result<Uint8Array>;
  /** Reads a lot (the local caisse; tests). */
  decodeLot(bytes: Uint8Array): Result<ScorLot>;
  /** Reads an ARL. */
  parseArl(bytes: Uint8Array): Result<ScorArl>;
  /** Writes an ARL (the local caisse). */
  formatArl(arl: ScorArl): Result<Uint8Array>;
}
