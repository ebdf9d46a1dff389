/**
 * Compile-time check that each layout parses to exactly the public entity type of types.ts
 * (positions live in the layouts, documentation in the interfaces: they cannot drift apart).
 * Type-only module: nothing here exists at run time.
 */
import type { InferRecord } from '../../internal/fixed-width/layout';
import type * as T from '../types';
import type * as L from './index';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<A, B> = Same<A, B> extends true ? true : { layout: A; type: B };

/** Each entry must be `true`; a mismatch shows both shapes in the compiler error. */
export type LayoutTypeChecks = [
  Check<InferRecord<typeof L.LAYOUT_000>, T.NoemieEnTete>,
  Check<InferRecord<typeof L.LAYOUT_999>, T.NoemieFinFichier>,
  Check<InferRecord<typeof L.LAYOUT_020>, T.NoemieMandataire>,
  Check<InferRecord<typeof L.LAYOUT_040>, T.NoemieDestinataireReglement>,
  Check<InferRecord<typeof L.LAYOUT_070>, T.NoemieDateComptable>,
  Check<InferRecord<typeof L.LAYOUT_071>, T.NoemieVirement>,
  Check<InferRecord<typeof L.LAYOUT_080>, T.NoemieLot>,
  Check<InferRecord<typeof L.LAYOUT_081>, T.NoemieTypeRetour>,
  Check<InferRecord<typeof L.LAYOUT_100>, T.NoemieFacture>,
  Check<InferRecord<typeof L.LAYOUT_102>, T.NoemieFactureDetaillee>,
  Check<InferRecord<typeof L.LAYOUT_103>, T.NoemieAssureBeneficiaire>,
  Check<InferRecord<typeof L.LAYOUT_110>, T.NoemieAssure>,
  Check<InferRecord<typeof L.LAYOUT_120>, T.NoemieMalade>,
  Check<InferRecord<typeof L.LAYOUT_150>, T.NoemieNatureAssurance>,
  Check<InferRecord<typeof L.LAYOUT_160>, T.NoemieCritereArchivage>,
  Check<InferRecord<typeof L.LAYOUT_198>, T.NoemiePartAmo>,
  Check<InferRecord<typeof L.LAYOUT_199>, T.NoemiePartAmc>,
  Check<InferRecord<typeof L.LAYOUT_210>, T.NoemieActe>,
  Check<InferRecord<typeof L.LAYOUT_250>, T.NoemieRetenue>,
  Check<InferRecord<typeof L.LAYOUT_261>, T.NoemiePaiementForfaitaire>,
  Check<InferRecord<typeof L.LAYOUT_262>, T.NoemieDetailPaiementForfaitaire>,
  Check<InferRecord<typeof L.LAYOUT_290>, T.NoemieRejetSignalement>,
  Check<InferRecord<typeof L.LAYOUT_294>, T.NoemieRejet>,
  Check<InferRecord<typeof L.LAYOUT_295>, T.NoemieCommentaire>,
  Check<InferRecord<typeof L.LAYOUT_990>, T.NoemieControle>,
];

/** Fails to compile when any check above is not `true`. */
export type AllLayoutsMatch = LayoutTypeChecks extends true[] ? true : never;
const proof: AllLayoutsMatch = true;
void proof;
