/**
 * Bundle sizes (not a speed bench): what `import … from 'sesam-billing'` weighs in a consumer's
 * bundle, minified, platform neutral, from the built dist/ (`npm run bench` runs tsup first).
 * Limits are asserted in test/package/bundle.test.ts; here the sizes are printed, with each case
 * as a share of the whole root.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_CASES, formatKb, measureBundle, PACKAGE_ROOT } from './bundleSize';

export default async function (): Promise<void> {
  if (!existsSync(join(PACKAGE_ROOT, 'dist', 'index.js'))) {
    console.log('  dist/ is missing: run `npx tsup` first (npm run bench does)');
    process.exitCode = 1;
    return;
  }
  const sizes: [string, number][] = [];
  for (const c of BUNDLE_CASES) sizes.push([c.name, (await measureBundle(c.source)).bytes]);
  const whole = sizes[sizes.length - 1]?.[1] ?? 1;
  for (const [name, bytes] of sizes) {
    console.log(`  ${name.padEnd(58)} ${formatKb(bytes).padStart(10)} minified   ${((100 * bytes) / whole).toFixed(0).padStart(3)} % of the root`);
  }
}
