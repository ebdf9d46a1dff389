/**
 * Properties of scor: random valid scans (PNG of every colour type and depth, JPEG fixtures with
 * random densities) always make a PDF that PDFBox Preflight accepts and validatePdfA passes;
 * junk never throws. The Preflight property builds its documents first, then validates them all
 * in one JVM (test/helpers/preflight.ts).
 */
import { describe, expect, test } from 'vitest';
import { test as fcTest, fc } from '@fast-check/vitest';
import { PDFDocument, degrees } from 'pdf-lib';
import { buildPdfA, validatePdfA } from '../../src/scor/index';
import { expectOk } from '../helpers/expectIssue';
import { PREFLIGHT, preflight } from '../helpers/preflight';
import { runs } from '../helpers/runs';
import type { PngSpec } from './images';
import { jpegFixture, makePng, withJfifDensity } from './images';

const depthsOf: Record<number, readonly PngSpec['bitDepth'][]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8] };

const pngArb = fc
  .record({
    colourType: fc.constantFrom(0 as const, 2 as const, 3 as const),
    depthPick: fc.nat(),
    dpi: fc.integer({ min: 150, max: 400 }),
    // At 150–400 dpi, 160–420 px make pages of 10–71 mm: above the 25 mm floor once minPageMm is 10.
    width: fc.integer({ min: 160, max: 420 }),
    height: fc.integer({ min: 160, max: 420 }),
    interlaced: fc.boolean(),
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
  })
  .map(({ colourType, depthPick, ...rest }): PngSpec => {
    const depths = depthsOf[colourType]!;
    const bitDepth = depths[depthPick % depths.length]!;
    // Interlaced PNGs below 8 bits are refused (SCOR_IMAGE_UNSUPPORTED): see buildPdfA.test.ts.
    return { colourType, bitDepth, ...rest, interlaced: rest.interlaced && bitDepth >= 8 };
  })
  .map((spec) => makePng(spec));

const jpegArb = fc
  .record({ name: fc.constantFrom('rgb-baseline' as const, 'grey-baseline' as const, 'rgb-progressive' as const), dpi: fc.integer({ min: 150, max: 300 }), cm: fc.boolean() })
  .map(({ name, dpi, cm }) => (cm ? withJfifDensity(jpegFixture(name), Math.ceil(dpi / 2.54), Math.ceil(dpi / 2.54), 2) : withJfifDensity(jpegFixture(name), dpi)));

/** A scanned PDF (pages of JPEG fixtures drawn full page, 150–300 dpi), made by pdf-lib like a scanner would. */
const scannerPdfArb = fc.array(fc.record({ name: fc.constantFrom('rgb-baseline' as const, 'grey-baseline' as const, 'rgb-progressive' as const), dpi: fc.integer({ min: 150, max: 300 }), rotate: fc.constantFrom(0, 90, 180, 270) }), { minLength: 1, maxLength: 2 });

async function scannerPdf(pages: readonly { name: 'rgb-baseline' | 'grey-baseline' | 'rgb-progressive'; dpi: number; rotate: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const p of pages) {
    const img = await doc.embedJpg(jpegFixture(p.name));
    const w = (img.width * 72) / p.dpi;
    const h = (img.height * 72) / p.dpi;
    const page = doc.addPage([w, h]);
    page.setRotation(degrees(p.rotate));
    page.drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}

const docArb = fc.record({
  pages: fc.array(fc.oneof(pngArb, jpegArb, scannerPdfArb), { minLength: 1, maxLength: 3 }),
  title: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((t) => !/[\u0000-\u001f\u007f\ud800-\udfff\ufffe\uffff]/.test(t)), { nil: undefined }),
  at: fc.option(
    fc.record({ ms: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), off: fc.integer({ min: -12 * 4, max: 14 * 4 }) }).map(({ ms, off }) => {
      const d = new Date(ms + off * 15 * 60_000).toISOString().slice(0, 19);
      const a = Math.abs(off * 15);
      return off === 0 ? `${d}Z` : `${d}${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    }),
    { nil: undefined },
  ),
});

describe('properties', () => {
  test.skipIf(!PREFLIGHT.available)(`random valid scans → PDF/A-1b per Preflight and validatePdfA${PREFLIGHT.available ? '' : ` (skipped: ${PREFLIGHT.reason})`}`, async () => {
    const docs = fc.sample(docArb, { numRuns: runs(10), seed: Number(process.env['SCOR_SEED'] ?? 20261202) });
    const built: Record<string, Uint8Array> = {};
    for (const [i, d] of docs.entries()) {
      const inputs = await Promise.all(d.pages.map((p) => (p instanceof Uint8Array ? p : scannerPdf(p))));
      const pdf = expectOk(await buildPdfA(inputs, { minPageMm: 10, ...(d.title !== undefined ? { title: d.title } : {}), ...(d.at !== undefined ? { at: d.at } : {}) }));
      expectOk(await validatePdfA(pdf));
      built[`doc-${i}`] = pdf;
    }
    const invalid = Object.entries(preflight(built)).filter(([, v]) => !v.valid).map(([n, v]) => `${n} ${JSON.stringify(docs[Number(n.slice(4))]?.title)} ${docs[Number(n.slice(4))]?.at}: ${v.errors}`);
    expect(invalid).toEqual([]);
  }, 300_000);

  fcTest.prop([fc.array(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constant(new Uint8Array([0xff, 0xd8, 0xff])), fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...b]))), { maxLength: 3 })], { numRuns: runs(200) })(
    'junk scans never throw and never make a PDF',
    async (pages) => {
      const r = await buildPdfA(pages);
      expect(r.ok).toBe(false);
    },
  );

  fcTest.prop([pngArb, fc.nat(), fc.integer({ min: 0, max: 255 })], { numRuns: runs(60) })('a PNG with one byte changed never throws', async (png, at, v) => {
    const b = png.slice();
    b[at % b.length] = v;
    const r = await buildPdfA([b], { minPageMm: 10 });
    expect(typeof r.ok).toBe('boolean');
  });

  fcTest.prop([jpegArb, fc.nat()], { numRuns: runs(60) })('a JPEG cut anywhere before its end never throws', async (jpeg, cut) => {
    const b = jpeg.slice(0, cut % jpeg.length);
    const r = await buildPdfA([b.length > 0 ? b : jpeg.subarray(0, 1)], { minPageMm: 10 });
    expect(r.ok).toBe(false);
  });
});
