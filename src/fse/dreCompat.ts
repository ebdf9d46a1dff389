/**
 * The DRE names of the fse module, kept for one minor release: the DRE's public home is now
 * `sesam-billing/dre` (routing by the AMC's data, amount capped at a CLC guarantee). The fse
 * module keeps the DRE document and its low-level parts (its own FSE+DRE flow writes both:
 * lots, securing, B2 files), so these stay implemented here and the dre module stands on them
 * (fse never imports dre).
 */
import { buildDre as buildDreImpl } from './build';
import { DRE_CONTROLS as DRE_CONTROLS_IMPL } from './controls/catalogue';
import type { DreControl as DreControlImpl } from './controls/types';
import type { Dre as DreImpl, LigneDre as LigneDreImpl } from './model';
import { validateDre as validateDreImpl } from './validate';

/**
 * Builds the DRE of an FSE (AMC part in full, AMC of the FSE unless given).
 *
 * @deprecated Use `buildDreFromFse(fse, amc, { guarantee })` from `sesam-billing/dre` (routing by
 *   the attestation / Annuaire AMC, amount capped at the CLC guarantee); removed in the next minor release.
 */
export const buildDre: typeof buildDreImpl = buildDreImpl;

/**
 * Checks a DRE's shape and runs the fse DRE controls.
 *
 * @deprecated Use `validateDre` from `sesam-billing/dre` (guarantee-aware amount controls); removed in the next minor release.
 */
export const validateDre: typeof validateDreImpl = validateDreImpl;

/**
 * The fse DRE controls.
 *
 * @deprecated Use `DRE_CONTROLS` from `sesam-billing/dre`; removed in the next minor release.
 */
export const DRE_CONTROLS: typeof DRE_CONTROLS_IMPL = DRE_CONTROLS_IMPL;

/** @deprecated Use `Dre` from `sesam-billing/dre`; removed in the next minor release. */
export type Dre = DreImpl;
/** @deprecated Use `LigneDre` from `sesam-billing/dre`; removed in the next minor release. */
export type LigneDre = LigneDreImpl;
/** @deprecated Use `DreControl` from `sesam-billing/dre`; removed in the next minor release. */
export type DreControl = DreControlImpl;
