/**
 * The control catalogues: every FSE and DRE control, in the order they run.
 */
import { BENEFICIAIRE_CONTROLS } from './beneficiaire';
import { DATE_CONTROLS } from './dates';
import { DRE_CONTROLS as DRE } from './dre';
import { IDENTIFIER_CONTROLS } from './identifiers';
import { MONTANT_CONTROLS } from './montants';
import { ORGANISME_CONTROLS } from './organismes';
import { SECURISATION_CONTROLS } from './securisation';
import { SITUATION_CONTROLS } from './situation';
import type { DreControl, FseControl } from './types';

/** Every FSE control (identifiers, organismes AMO, dates, bénéficiaire, coherence, amounts, securing mode). */
export const FSE_CONTROLS: readonly FseControl[] = /* @__PURE__ */ Object.freeze([
  ...IDENTIFIER_CONTROLS,
  ...ORGANISME_CONTROLS,
  ...DATE_CONTROLS,
  ...BENEFICIAIRE_CONTROLS,
  ...SITUATION_CONTROLS,
  ...MONTANT_CONTROLS,
  ...SECURISATION_CONTROLS,
]);

/** Every DRE control. */
export const DRE_CONTROLS: readonly DreControl[] = /* @__PURE__ */ Object.freeze([...DRE]);
