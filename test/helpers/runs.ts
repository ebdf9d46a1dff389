/**
 * Property and fuzz run counts, scaled by one environment variable: `SESAM_PROP_SCALE`
 * (default 1 = full; CI on the secondary Node versions sets e.g. 0.2).
 */
const raw = Number(process.env['SESAM_PROP_SCALE'] ?? '1');
/** The scale in force (0 < scale ≤ 10). */
export const PROP_SCALE = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 10) : 1;

/**
 * Scales a run count.
 *
 * @param n - Runs at full scale.
 * @returns At least 1.
 */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * PROP_SCALE));
}
