/** Re-exports for bench/cards.bench.ts. */
import { unwrap } from '../src/core/issues/index';
import type { Result } from '../src/core/issues/index';
import type { CpsSession } from '../src/reader/index';
export { createDemoCards, DEFAULT_CPS_PROFILE, mseSetSign, openCps, psoComputeSignature, serializeCommandApdu } from '../src/reader/index';
/** Unwraps an openCps result. */
export const unwrapCps = (r: Result<CpsSession>): CpsSession => unwrap(r);
