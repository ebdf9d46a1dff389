import { beforeAll, describe, expect, test } from 'vitest';
import { buildPdfA } from '../../src/scor/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { PREFLIGHT, preflight, preflightCli } from '../helpers/preflight';
import { jpegFixture, makePng, withExif, withJfifDensity } from './images';

const AT = '2026-03-10T18:00:00+01:00';
const skipReason = PREFLIGHT.available ? '' : ` (skipped: ${PREFLIGHT.reason})`;

/** Every kind of scan the builder accepts, each made into a PDF and validated by Preflight. */
const CASES: Record<string, () => Promise<Uint8Array>> = {
  'jpeg-rgb': async () => expectOk(await buildPdfA([withJfifDensity(jpegFixture('rgb-baseline'), 150)], { at: AT, title: 'Ordonnance — soins infirmiers' })),
  'jpeg-grey': async () => expectOk(await buildPdfA([withJfifDensity(jpegFixture('grey-baseline'), 59, 59, 2)], { at: AT })),
  'jpeg-progressive-utc': async () => expectOk(await buildPdfA([withJfifDensity(jpegFixture('rgb-progressive'), 200)], { at: '2026-12-02T08:15:30.123Z' })),
  'jpeg-exif-density': async () => expectOk(await buildPdfA([withExif(jpegFixture('rgb-baseline'), 150, 150, 2, false)], { at: AT })),
  'jpeg-no-density-no-date': async () => expectOk(await buildPdfA([jpegFixture('rgb-baseline')], { minDpi: 30 })),
  'png-grey-1': async () => expectOk(await buildPdfA([makePng({ width: 300, height: 400, colourType: 0, bitDepth: 1, dpi: 150 })], { at: AT })),
  'png-grey-4': async () => expectOk(await buildPdfA([makePng({ width: 301, height: 399, colourType: 0, bitDepth: 4, dpi: 150 })], { at: AT })),
  'png-grey-8': async () => expectOk(await buildPdfA([makePng({ width: 320, height: 320, colourType: 0, bitDepth: 8, dpi: 150 })], { at: AT })),
  'png-grey-16': async () => expectOk(await buildPdfA([makePng({ width: 200, height: 300, colourType: 0, bitDepth: 16, dpi: 150 })], { at: AT })),
  'png-rgb-8': async () => expectOk(await buildPdfA([makePng({ width: 250, height: 330, colourType: 2, bitDepth: 8, dpi: 150 })], { at: AT })),
  'png-rgb-16': async () => expectOk(await buildPdfA([makePng({ width: 200, height: 200, colourType: 2, bitDepth: 16, dpi: 150 })], { at: AT })),
  'png-palette-2': async () => expectOk(await buildPdfA([makePng({ width: 333, height: 222, colourType: 3, bitDepth: 2, dpi: 150 })], { at: AT })),
  'png-palette-8': async () => expectOk(await buildPdfA([makePng({ width: 300, height: 300, colourType: 3, bitDepth: 8, paletteSize: 200, dpi: 150 })], { at: AT })),
  'png-interlaced': async () => expectOk(await buildPdfA([makePng({ width: 210, height: 297, colourType: 2, bitDepth: 8, dpi: 150, interlaced: true })], { at: AT })),
  'multi-page': async () =>
    expectOk(
      await buildPdfA(
        [withJfifDensity(jpegFixture('rgb-baseline'), 150), makePng({ width: 300, height: 420, colourType: 0, bitDepth: 8, dpi: 150 }), withJfifDensity(jpegFixture('grey-baseline'), 150)],
        { at: '2026-03-10T18:00:00-04:30', documentId: '00112233445566778899aabbccddeeff', title: 'Prescription & <examens> "2 pages"' },
      ),
    ),
};

describe('buildPdfA: PDF/A-1b per PDFBox Preflight', () => {
  const built: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    for (const [name, make] of Object.entries(CASES)) built[name] = await make();
  });

  test.skipIf(!PREFLIGHT.available)(`every document is a valid PDF/A-1b${skipReason}`, () => {
    const verdicts = preflight(built);
    const invalid = Object.entries(verdicts).filter(([, v]) => !v.valid).map(([n, v]) => `${n}: ${v.errors}`);
    expect(invalid).toEqual([]);
    expect(Object.keys(verdicts).sort()).toEqual(Object.keys(CASES).sort());
  }, 120_000);

  test.skipIf(!PREFLIGHT.available)(`Preflight's own Validator_A1b exits 0${skipReason}`, () => {
    const run = preflightCli(built['jpeg-rgb']!);
    expect(run.output).toContain('is a valid PDF/A-1b file');
    expect(run.status).toBe(0);
  }, 60_000);

  test('the JPEG is embedded as is (DCTDecode), the PNG data too (FlateDecode, predictors)', () => {
    const text = new TextDecoder('latin1').decode(built['jpeg-rgb']!);
    expect(text).toContain('/DCTDecode');
    const jpeg = withJfifDensity(jpegFixture('rgb-baseline'), 150);
    expect(Buffer.from(built['jpeg-rgb']!).includes(Buffer.from(jpeg))).toBe(true);
    expect(new TextDecoder('latin1').decode(built['png-rgb-8']!)).toMatch(/\/Predictor 15/);
    // pdf-lib writes a 1.7 header: ISO 19005-1 §6.1.2 asks for %PDF-1.n and a binary comment.
    expect(text).toMatch(/^%PDF-1\.\d\n%[\x80-\xff]{4}/);
    expect(text).not.toMatch(/\/ObjStm|\/XRef\b|\/SMask|\/Encrypt/);
    expect(text).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  test('dates: the Info dictionary and the XMP say the same instant', () => {
    const text = new TextDecoder('utf-8').decode(built['jpeg-rgb']!);
    expect(text).toContain("/CreationDate (D:20260310180000+01'00')");
    expect(text).toContain('<xmp:CreateDate>2026-03-10T18:00:00+01:00</xmp:CreateDate>');
    expect(new TextDecoder().decode(built['jpeg-progressive-utc']!)).toContain("(D:20261202081530+00'00')");
    expect(new TextDecoder().decode(built['jpeg-no-density-no-date']!)).not.toMatch(/CreationDate|CreateDate/);
  });

  test('the page has the scan’s own size (150 dpi JPEG of 310 × 440 px → 148.8 × 211.2 pt)', () => {
    expect(new TextDecoder('latin1').decode(built['jpeg-rgb']!)).toMatch(/\/MediaBox \[ 0 0 148\.8 211\.2 \]/);
  });
});

describe('buildPdfA: deterministic', () => {
  test('same scans and options → same bytes; documentId sets the trailer ID', async () => {
    const scan = makePng({ width: 300, height: 400, colourType: 2, bitDepth: 8, dpi: 150, seed: 7 });
    const a = expectOk(await buildPdfA([scan], { at: AT }));
    const b = expectOk(await buildPdfA([scan.slice()], { at: AT }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = expectOk(await buildPdfA([scan], { at: AT, documentId: 'ABCDEFABCDEFABCDEFABCDEFABCDEF01' }));
    expect(new TextDecoder('latin1').decode(c)).toContain('<ABCDEFABCDEFABCDEFABCDEFABCDEF01>');
    const other = expectOk(await buildPdfA([makePng({ width: 300, height: 400, colourType: 2, bitDepth: 8, dpi: 150, seed: 8 })], { at: AT }));
    const id = (pdf: Uint8Array): string | undefined => /\/ID \[ <([0-9A-F]+)>/.exec(new TextDecoder('latin1').decode(pdf))?.[1];
    expect(id(other)).not.toBe(id(a));
  });
});

describe('buildPdfA: checks before making the document', () => {
  const png = (over: Partial<Parameters<typeof makePng>[0]> = {}): Uint8Array => makePng({ width: 300, height: 400, colourType: 2, bitDepth: 8, dpi: 150, ...over });

  test('transparency is refused: alpha channel, tRNS', async () => {
    expectIssue(await buildPdfA([png({ colourType: 6 })]), 'SCOR_IMAGE_TRANSPARENT', ['pages', 0]);
    expectIssue(await buildPdfA([png(), png({ colourType: 4 })]), 'SCOR_IMAGE_TRANSPARENT', ['pages', 1]);
    expectIssue(await buildPdfA([png({ trns: true })]), 'SCOR_IMAGE_TRANSPARENT', ['pages', 0]);
  });

  test('resolution: below minDpi is an error; minDpi is a parameter', async () => {
    expectIssue(await buildPdfA([png({ dpi: 100 })]), 'SCOR_RESOLUTION_LOW', ['pages', 0]);
    expectOk(await buildPdfA([png({ dpi: 100 })], { minDpi: 100 }));
    expectIssue(await buildPdfA([withJfifDensity(jpegFixture('rgb-baseline'), 150)], { minDpi: 200 }), 'SCOR_RESOLUTION_LOW', ['pages', 0]);
  });

  test('missing density: a warning and an A4 fit, or an error with requireDensity', async () => {
    const big = png({ width: 1241, height: 1754, dpi: undefined, colourType: 0, bitDepth: 1 });
    const r = await buildPdfA([big]);
    expectOk(r);
    expect(expectIssue(r, 'SCOR_DENSITY_MISSING', ['pages', 0]).severity).toBe('warning');
    expect(new TextDecoder('latin1').decode(expectOk(r))).toMatch(/\/MediaBox \[ 0 0 595\.\d+ 841\.\d+ \]/);
    const strict = await buildPdfA([big], { requireDensity: true });
    expect(strict.ok).toBe(false);
    expectIssue(strict, 'SCOR_DENSITY_MISSING', ['pages', 0]);
    // A small photo fitted to A4 gives a low effective resolution.
    expectIssue(await buildPdfA([png({ dpi: undefined })]), 'SCOR_RESOLUTION_LOW', ['pages', 0]);
  });

  test('page size: larger than A3 or smaller than 25 mm is refused; limits are parameters', async () => {
    expectIssue(await buildPdfA([png({ width: 2000, height: 2000, dpi: 150, colourType: 0, bitDepth: 1 })]), 'SCOR_PAGE_SIZE', ['pages', 0]);
    expectOk(await buildPdfA([png({ width: 2000, height: 2000, dpi: 150, colourType: 0, bitDepth: 1 })], { maxPageMm: [400, 400] }));
    expectIssue(await buildPdfA([png({ width: 100, height: 400, dpi: 150 })]), 'SCOR_PAGE_SIZE', ['pages', 0]);
    expectOk(await buildPdfA([png({ width: 100, height: 400, dpi: 150 })], { minPageMm: 10 }));
  });

  test('page count: none, or more than maxPages', async () => {
    expectIssue(await buildPdfA([]), 'SCOR_PAGE_COUNT', ['pages']);
    expectIssue(await buildPdfA([png(), png()], { maxPages: 1 }), 'SCOR_PAGE_COUNT', ['pages']);
  });

  test('colour mode: CMYK JPEG refused; the accepted modes are a parameter', async () => {
    const cmyk = withJfifDensity(jpegFixture('rgb-baseline'), 150);
    const sof = Buffer.from(cmyk).indexOf(Buffer.from([0xff, 0xc0]));
    cmyk[sof + 9] = 4;
    expectIssue(await buildPdfA([cmyk]), 'SCOR_IMAGE_COLOUR', ['pages', 0]);
    expectIssue(await buildPdfA([png()], { colours: ['greyscale'] }), 'SCOR_IMAGE_COLOUR', ['pages', 0]);
    expectIssue(await buildPdfA([png({ colourType: 0, bitDepth: 1 })], { colours: ['colour', 'greyscale'] }), 'SCOR_IMAGE_COLOUR', ['pages', 0]);
    expectOk(await buildPdfA([png({ colourType: 0, bitDepth: 8 })], { colours: ['greyscale'] }));
  });

  test('re-encoded PNG (16 bits, interlaced) is said in a warning', async () => {
    const r = await buildPdfA([png({ bitDepth: 16 })]);
    expect(expectIssue(r, 'SCOR_IMAGE_REENCODED', ['pages', 0]).severity).toBe('warning');
    // pdf-lib's decoder misreads some interlaced PNGs below 8 bits (200 px wide, 4 bits): refused.
    expectIssue(await buildPdfA([png({ width: 200, colourType: 0, bitDepth: 4, interlaced: true })]), 'SCOR_IMAGE_UNSUPPORTED', ['pages', 0]);
  });

  test('unreadable, empty, truncated, unknown images are issues, never throws', async () => {
    expectIssue(await buildPdfA([new Uint8Array(0)]), 'SCOR_IMAGE_EMPTY', ['pages', 0]);
    expectIssue(await buildPdfA([new TextEncoder().encode('GIF89a not a scan')]), 'SCOR_IMAGE_FORMAT', ['pages', 0]);
    expectIssue(await buildPdfA([new TextEncoder().encode('%PDF-1.7 not a PDF')]), 'SCOR_IMAGE_TRUNCATED', ['pages', 0]);
    const jpeg = withJfifDensity(jpegFixture('rgb-baseline'), 150);
    expectIssue(await buildPdfA([jpeg.subarray(0, jpeg.length - 100)]), 'SCOR_IMAGE_TRUNCATED', ['pages', 0]);
    expectIssue(await buildPdfA([jpeg.subarray(0, 300)]), 'SCOR_IMAGE_TRUNCATED', ['pages', 0]);
    const p = png();
    expectIssue(await buildPdfA([p.subarray(0, p.length - 13)]), 'SCOR_IMAGE_TRUNCATED', ['pages', 0]);
    const bad = p.slice();
    bad[40] = bad[40]! ^ 0xff;
    expectIssue(await buildPdfA([bad]), 'SCOR_IMAGE_TRUNCATED', ['pages', 0]);
  });

  test('options and pages are checked at the boundary', async () => {
    expectIssue(await buildPdfA('scan.jpg' as never), 'INPUT_TYPE', ['pages']);
    expectIssue(await buildPdfA(['scan.jpg'] as never), 'INPUT_TYPE', ['pages', 0]);
    expectIssue(await buildPdfA([png()], { at: '2026-03-10 18:00' }), 'INPUT_TYPE', ['options', 'at']);
    expectIssue(await buildPdfA([png()], { documentId: 'xyz' }), 'INPUT_TYPE', ['options', 'documentId']);
    expectIssue(await buildPdfA([png()], { title: 'a\u0000b' }), 'INPUT_TYPE', ['options', 'title']);
    expectIssue(await buildPdfA([png()], { minDpi: 0 }), 'INPUT_RANGE', ['options', 'minDpi']);
  });
});
