import { describe, expect, test } from 'vitest';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { buildPdfA, validatePdfA } from '../../src/scor/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { PREFLIGHT, preflight } from '../helpers/preflight';
import { jpegFixture, makePng, withJfifDensity } from './images';

/** A scanner-like PDF: each page one JPEG drawn over the whole page, `dpi` from the page size. */
async function scannerPdf(names: readonly ('rgb-baseline' | 'grey-baseline' | 'rgb-progressive')[], dpi = 150, rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const name of names) {
    const img = await doc.embedJpg(jpegFixture(name));
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    const page = doc.addPage([w, h]);
    if (rotate !== 0) page.setRotation(degrees(rotate));
    page.drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}

describe('buildPdfA: scanned PDFs as input', () => {
  test('each page’s JPEG is taken as is; pages keep their size and rotation; Preflight accepts the result', async () => {
    const pdf = await scannerPdf(['rgb-baseline', 'grey-baseline']);
    const rotated = await scannerPdf(['rgb-progressive'], 200, 90);
    const out = expectOk(await buildPdfA([pdf, withJfifDensity(jpegFixture('rgb-small'), 72), rotated], { at: '2026-03-10T18:00:00+01:00', minDpi: 30, minPageMm: 10 }));
    expect(expectOk(await validatePdfA(out)).pageCount).toBe(4);
    const text = Buffer.from(out);
    expect(text.includes(Buffer.from(jpegFixture('grey-baseline')))).toBe(true);
    expect(text.toString('latin1')).toMatch(/\/MediaBox \[ 0 0 148\.8 211\.2 \]/);
    expect(text.toString('latin1')).toMatch(/\/Rotate 90/);
    if (PREFLIGHT.available) expect(preflight({ fromPdf: out })['fromPdf']?.errors).toBe('');
  }, 60_000);

  test('the resolution comes from the page size', async () => {
    expectIssue(await buildPdfA([await scannerPdf(['rgb-baseline'], 100)]), 'SCOR_RESOLUTION_LOW', ['pages', 0, 0]);
    expectOk(await buildPdfA([await scannerPdf(['rgb-baseline'], 100)], { minDpi: 100 }));
  });

  test('pages that are not one JPEG are refused: text, PNG image, empty page', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 400]).drawText('Ordonnance', { font: await doc.embedFont(StandardFonts.Helvetica) });
    const png = await doc.embedPng(makePng({ width: 100, height: 100, colourType: 2, bitDepth: 8 }));
    doc.addPage([300, 400]).drawImage(png, { x: 0, y: 0, width: 300, height: 400 });
    doc.addPage([300, 400]);
    const r = await buildPdfA([await doc.save()]);
    expectIssue(r, 'SCOR_IMAGE_UNSUPPORTED', ['pages', 0, 0]);
    expectIssue(r, 'SCOR_IMAGE_UNSUPPORTED', ['pages', 0, 1]);
    expectIssue(r, 'SCOR_IMAGE_UNSUPPORTED', ['pages', 0, 2]);
  });

  test('the page count includes the PDF’s pages; a broken PDF is an issue', async () => {
    expectIssue(await buildPdfA([await scannerPdf(['rgb-baseline', 'rgb-baseline', 'rgb-baseline'])], { maxPages: 2 }), 'SCOR_PAGE_COUNT', ['pages']);
    const pdf = await scannerPdf(['rgb-baseline']);
    expect((await buildPdfA([pdf.subarray(0, 200)])).ok).toBe(false);
    expectIssue(await buildPdfA([new TextEncoder().encode('%PDF-1.4\n%%EOF')]), 'SCOR_IMAGE_TRUNCATED', ['pages', 0]);
  });
});
