/**
 * Inline SVG bar chart of the awaiting amount by age, with its text alternative (`<title>` and
 * `<desc>` naming every amount; the table next to it gives the same figures). Geometry is in
 * pixels; amounts are only printed, through `formatMoney` (exact).
 */
import { formatMoney } from '../../core/money/index';
import type { AgeingBucket } from '../model';
import { escapeHtml } from './escape';

const WIDTH = 640;
const HEIGHT = 260;
const BASE = 210;
const TOP = 40;
const BAR = 90;
const STEP = 150;
const LEFT = 50;

/**
 * Renders the ageing chart.
 *
 * @param buckets - The four buckets.
 * @returns An `<svg role="img">` element.
 */
export function renderAgeingChart(buckets: readonly AgeingBucket[]): string {
  const max = Math.max(0, ...buckets.map((b) => b.total.centimes));
  const desc = buckets.map((b) => `${b.label} : ${formatMoney(b.total)} (AMO ${formatMoney(b.amo)}, AMC ${formatMoney(b.amc)})`).join(' ; ');
  const bars = buckets.map((b, i) => {
    const h = max <= 0 || b.total.centimes <= 0 ? 0 : Math.max(1, Math.round(((BASE - TOP) * b.total.centimes) / max));
    const x = LEFT + i * STEP;
    const y = BASE - h;
    return (
      `<rect x="${x}" y="${y}" width="${BAR}" height="${h}" fill="#1f5fa8"></rect>` +
      `<text x="${x + BAR / 2}" y="${y - 6}" text-anchor="middle">${escapeHtml(formatMoney(b.total))}</text>` +
      `<text x="${x + BAR / 2}" y="${BASE + 20}" text-anchor="middle">${escapeHtml(b.label)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="ageing-chart-title ageing-chart-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" style="max-width:${WIDTH}px">` +
    `<title id="ageing-chart-title">Montants en attente par ancienneté</title>` +
    `<desc id="ageing-chart-desc">${escapeHtml(desc)}</desc>` +
    `<line x1="${LEFT - 10}" y1="${BASE}" x2="${WIDTH - 10}" y2="${BASE}" stroke="#1a1a1a"></line>` +
    bars.join('') +
    `</svg>`
  );
}
