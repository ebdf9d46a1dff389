/**
 * ARL (Accusé de Réception Logique) model. The ARL byte layout is NOT public (ARL : format non public, modélisé (docs/spec-map.md)):
 * what is public is its meaning — one ARL per transmitted file, positive (the file conforms to
 * the cahier des charges) or negative (re-send the file); a positive ARL is not a payment.
 * This model carries that meaning plus the reason and the lots concerned; an official decoder
 * plugs in behind {@link ArlDecoder}.
 *
 * @see ARL : format non public, modélisé (docs/spec-map.md) (ameli « Le retour NOEMIE »), docs/spec-map.md (modeled)
 */
import type { PlainDate } from '../../core/date/index';
import type { Result } from '../../core/issues/result';

/** Positive (file accepted for processing) or negative (file refused: re-send it). */
export type ArlStatut = 'positif' | 'negatif';

/** Why a file or a lot was refused (codes are the decoder's; the official table is not public). */
export interface ArlMotif {
  /** Code as given by the caisse / decoder. */
  readonly code: string;
  /** Label (French). */
  readonly libelle: string;
}

/** One lot of the acknowledged file. */
export interface ArlLot {
  /** N° de lot (3 digits), as in the lot sent. */
  readonly numeroLot: string;
  /** Date de constitution du lot, when the ARL gives it. */
  readonly dateConstitution?: PlainDate;
  /** Whether this lot was accepted (`positif`) or refused (`negatif`). */
  readonly statut: ArlStatut;
  /** Number of invoices the caisse counted in the lot, when given. */
  readonly nombreFactures?: number;
  /** Reason of a refusal. */
  readonly motif?: ArlMotif;
}

/** An ARL: the acknowledgement of one transmitted file. */
export interface Arl {
  /** Positive or negative for the whole file. */
  readonly statut: ArlStatut;
  /** Identification of the acknowledged file (as sent). */
  readonly identificationFichier: string;
  /** Date the caisse / OCT received the file. */
  readonly dateReception: PlainDate;
  /** Emitter of the ARL (organisme): type (e.g. `CP`, `OT`) and number. */
  readonly typeEmetteur: string;
  readonly numeroEmetteur: string;
  /** Recipient (the PS) number. */
  readonly numeroDestinataire: string;
  /** Reason of a negative ARL (file level). */
  readonly motif?: ArlMotif;
  /** Lots concerned, in file order. */
  readonly lots: readonly ArlLot[];
}

/**
 * Port: decodes the bytes of an ARL into the model. The library ships a decoder of its own
 * documented modeled format (`MODELED_ARL_DECODER`); an editor holding the official layout (or
 * the SSV `SSV_TraduireARL` output) replaces it without changing callers.
 */
export interface ArlDecoder {
  /** Name of the format (e.g. `'sesam-billing-modeled-arl/1'`). */
  readonly format: string;
  /**
   * Decodes one ARL.
   *
   * @param bytes - The ARL file as received.
   * @returns The ARL, or `ARL_*` issues; never throws on bad bytes.
   */
  decodeArl(bytes: Uint8Array): Result<Arl>;
}
