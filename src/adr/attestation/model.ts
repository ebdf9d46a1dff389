/**
 * The attestation de tiers payant harmonisée: its 5 normalised fields as plain data.
 *
 * The 5 fields and their labels are public (Inter-AMC, « pavé normalisé »); their widths are
 * bounded by the B2 zones that carry them to a DRE (n° organisme complémentaire: 10 characters,
 * type 2M zones 37-46; identifiant AMC de l'adhérent: 15 characters, type 2M zones 72-86). The
 * alphabet of the type de convention and of the critère secondaire de routage is modeled
 * (digits and capitals, at most 10): the Inter-AMC convention tables are not public.
 *
 * @see https://sintia.fr/node/84 (attestation de tiers payant harmonisée)
 */
import type { PlainDate } from '../../core/date/index';
import type { Result } from '../../core/issues/index';

/** Période de validité (both days included). */
export interface ValiditeAttestation {
  readonly debut: PlainDate;
  readonly fin: PlainDate;
}

/**
 * The 5 fields of an attestation de tiers payant harmonisée, the input of DRE routing and of the
 * Annuaire AMC.
 */
export interface AttestationTiersPayant {
  /** N° AMC: the organisme complémentaire (1 … 10 digits or capitals). */
  readonly numeroAmc: string;
  /** Type de convention (tiers payant agreement; 1 … 10 digits or capitals, modeled). */
  readonly typeConvention: string;
  /** Critère secondaire de routage (CSR), absent when the attestation leaves it blank (1 … 10 digits or capitals). */
  readonly critereSecondaire?: string;
  /** N° d'adhérent (1 … 15 digits or capitals). */
  readonly numeroAdherent: string;
  /** Période de validité. */
  readonly validite: ValiditeAttestation;
}

/** Field patterns (after normalisation: no space, capitals). */
export const ATTESTATION_PATTERNS = {
  numeroAmc: /^[0-9A-Z]{1,10}$/,
  typeConvention: /^[0-9A-Z]{1,10}$/,
  critereSecondaire: /^[0-9A-Z]{1,10}$/,
  numeroAdherent: /^[0-9A-Z]{1,15}$/,
} as const;

/** The wording of each field in issues (`expected`). */
export const ATTESTATION_FIELD_LABELS = {
  numeroAmc: 'n° AMC (1 à 10 chiffres ou majuscules)',
  typeConvention: 'type de convention (1 à 10 chiffres ou majuscules)',
  critereSecondaire: 'critère secondaire de routage (1 à 10 chiffres ou majuscules)',
  numeroAdherent: 'n° d’adhérent (1 à 15 chiffres ou majuscules)',
  validite: 'période de validité (début et fin)',
} as const;

/** The code fields of an attestation, in the order of the pavé normalisé. */
export const ATTESTATION_CODE_FIELDS = ['numeroAmc', 'typeConvention', 'critereSecondaire', 'numeroAdherent'] as const;

/** A code field name. */
export type AttestationCodeField = (typeof ATTESTATION_CODE_FIELDS)[number];

/**
 * The routing shape other modules name `critereSecondaireRoutage` / `periodeValidite` (the dre
 * module's `AmcRouting`, the Annuaire AMC key): the same 5 fields under those names.
 */
export interface AttestationRouting {
  readonly numeroAmc: string;
  readonly typeConvention: string;
  readonly critereSecondaireRoutage?: string;
  readonly numeroAdherent: string;
  readonly periodeValidite: ValiditeAttestation;
}

/**
 * Port: reads and writes the text a DataMatrix of an attestation carries. Both functions never
 * throw on bad data (they return issues).
 */
export interface AttestationPayloadCodec {
  /** Name of the layout (in issues). */
  readonly id: string;
  /** Payload text → the 5 fields (strict: one canonical payload per attestation). */
  readonly parse: (payload: string) => Result<AttestationTiersPayant>;
  /** The 5 fields → payload text (the inverse of `parse`). */
  readonly serialize: (attestation: AttestationTiersPayant) => Result<string>;
}
