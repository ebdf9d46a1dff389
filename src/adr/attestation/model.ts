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
export interface PeriodeValidite {
  readonly debut: PlainDate;
  readonly fin: PlainDate;
}

/** @deprecated Since 0.2.x: use {@link PeriodeValidite}; removed in the next minor release. */
export type ValiditeAttestation = PeriodeValidite;

/**
 * The 5 fields of an attestation de tiers payant harmonisée, the input of DRE routing and of the
 * Annuaire AMC, under the names of the attestation's own wording (« critère secondaire de
 * routage », « période de validité »), the same as the dre module's `AmcRouting`.
 */
export interface AttestationTiersPayant {
  /** N° AMC: the organisme complémentaire (1 … 10 digits or capitals). */
  readonly numeroAmc: string;
  /** Type de convention (tiers payant agreement; 1 … 10 digits or capitals, modeled). */
  readonly typeConvention: string;
  /** Critère secondaire de routage (CSR), absent when the attestation leaves it blank (1 … 10 digits or capitals). */
  readonly critereSecondaireRoutage?: string;
  /** N° d'adhérent (1 … 15 digits or capitals). */
  readonly numeroAdherent: string;
  /** Période de validité. */
  readonly periodeValidite: PeriodeValidite;
  /**
   * @deprecated Since 0.2.x: use `critereSecondaireRoutage` (set, non-enumerable, on every value
   * this module returns; accepted on input); removed in the next minor release.
   */
  readonly critereSecondaire?: string;
  /**
   * @deprecated Since 0.2.x: use `periodeValidite` (set, non-enumerable, on every value this
   * module returns; accepted on input); removed in the next minor release.
   */
  readonly validite?: PeriodeValidite;
}

/**
 * The attestation with its deprecated 0.2 names added as non-enumerable aliases (JSON and
 * equality see the public names only).
 *
 * @param a - The attestation under the public names.
 * @returns The same object, aliases defined.
 */
export function withDeprecatedAliases(a: AttestationTiersPayant): AttestationTiersPayant {
  Object.defineProperty(a, 'validite', { value: a.periodeValidite, enumerable: false });
  if (a.critereSecondaireRoutage !== undefined) Object.defineProperty(a, 'critereSecondaire', { value: a.critereSecondaireRoutage, enumerable: false });
  return a;
}

/** Field patterns (after normalisation: no space, capitals). */
export const ATTESTATION_PATTERNS = {
  numeroAmc: /^[0-9A-Z]{1,10}$/,
  typeConvention: /^[0-9A-Z]{1,10}$/,
  critereSecondaireRoutage: /^[0-9A-Z]{1,10}$/,
  numeroAdherent: /^[0-9A-Z]{1,15}$/,
  /** @deprecated Since 0.2.x: `critereSecondaireRoutage`. */
  critereSecondaire: /^[0-9A-Z]{1,10}$/,
} as const;

/** The wording of each field in issues (`expected`). */
export const ATTESTATION_FIELD_LABELS = {
  numeroAmc: 'n° AMC (1 à 10 chiffres ou majuscules)',
  typeConvention: 'type de convention (1 à 10 chiffres ou majuscules)',
  critereSecondaireRoutage: 'critère secondaire de routage (1 à 10 chiffres ou majuscules)',
  numeroAdherent: 'n° d’adhérent (1 à 15 chiffres ou majuscules)',
  periodeValidite: 'période de validité (début et fin)',
  /** @deprecated Since 0.2.x: `critereSecondaireRoutage`. */
  critereSecondaire: 'critère secondaire de routage (1 à 10 chiffres ou majuscules)',
  /** @deprecated Since 0.2.x: `periodeValidite`. */
  validite: 'période de validité (début et fin)',
} as const;

/** The code fields of an attestation, in the order of the pavé normalisé. */
export const ATTESTATION_CODE_FIELDS = ['numeroAmc', 'typeConvention', 'critereSecondaireRoutage', 'numeroAdherent'] as const;

/** A code field name. */
export type AttestationCodeField = (typeof ATTESTATION_CODE_FIELDS)[number];

/**
 * @deprecated Since 0.2.x: the attestation now uses the routing names itself; use
 * {@link AttestationTiersPayant}. Removed in the next minor release.
 */
export type AttestationRouting = AttestationTiersPayant;

/**
 * An attestation under the 0.2 names (`critereSecondaire`, `validite`): still accepted on input
 * (a custom codec's `parse`, `validateAttestation`).
 *
 * @deprecated Since 0.2.x: use {@link AttestationTiersPayant}; removed in the next minor release.
 */
export interface AttestationTiersPayant02 {
  readonly numeroAmc: string;
  readonly typeConvention: string;
  readonly critereSecondaire?: string;
  readonly numeroAdherent: string;
  readonly validite: PeriodeValidite;
}

/**
 * Port: reads and writes the text a DataMatrix of an attestation carries. Both functions never
 * throw on bad data (they return issues).
 */
export interface AttestationPayloadCodec {
  /** Name of the layout (in issues). */
  readonly id: string;
  /** Payload text → the 5 fields (strict: one canonical payload per attestation; the 0.2 names are still accepted, deprecated). */
  readonly parse: (payload: string) => Result<AttestationTiersPayant | AttestationTiersPayant02>;
  /** The 5 fields → payload text (the inverse of `parse`). */
  readonly serialize: (attestation: AttestationTiersPayant) => Result<string>;
}
