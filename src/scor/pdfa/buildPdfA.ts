/**
 * buildPdfA: scans (JPEG, PNG, scanned PDF pages) → one PDF/A-1b document (ISO 19005-1:2005, level B) per pièce
 * justificative, one page per scan at the scan's own size.
 *
 * What makes it PDF/A-1b (each point checked by PDFBox Preflight in the tests): images embedded
 * without transparency in DeviceRGB / DeviceGray with an sRGB output intent (GTS_PDFA1) whose ICC
 * profile ships inside the package; an XMP packet (pdfaid part 1, conformance B) written as UTF-8
 * bytes and saying the same as the Info dictionary; a trailer /ID; a classic cross-reference table
 * (no object streams, PDF 1.4); no encryption. Deterministic: the same scans and options give the
 * same bytes (no clock read: dates come from `options.at`; the /ID from `options.documentId` or
 * the content).
 */
import { PDFDocument, degrees, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok, resultOf } from '../../core/issues/index';
import { guardArray, guardBytes, inputErr } from '../../core/guard/index';
import { SCOR_CODES } from '../codes';
import type { PageLayout } from '../checks';
import { checkScan, checkScanFacts } from '../checks';
import { looksLikePdf, readPdfScans } from '../pdfIn/readPdfScans';
import { digest128 } from '../image/bytes';
import type { BuildPdfAOptions, PdfAConfig } from '../options';
import { checkPdfAOptions } from '../options';
import { embedScan, embedsAsIs } from './embed';
import { finishPdfA, toHex } from './finish';

export { PDFA_PRODUCER } from './finish';

const issue = createIssueFactory(SCOR_CODES);

/** Largest image file accepted (bytes). */
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

function documentIdOf(pages: readonly Uint8Array[], config: PdfAConfig): string {
  if (config.documentId !== undefined) return config.documentId;
  const enc = new TextEncoder();
  return toHex(digest128([...pages, enc.encode(config.title), enc.encode(config.at ?? '')]));
}

/** One page to write: the image data (a file, or the JPEG of a scanned PDF page) and its layout. */
interface Planned {
  readonly bytes: Uint8Array;
  readonly layout: PageLayout;
  readonly rotate: number;
}

async function write(pages: readonly Uint8Array[], planned: readonly Planned[], config: PdfAConfig): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const { bytes, layout, rotate } of planned) {
    const { facts, widthPt, heightPt } = layout;
    const ref = await embedScan(doc, bytes, facts);
    const page = doc.addPage([widthPt, heightPt]);
    if (rotate !== 0) page.setRotation(degrees(rotate));
    const name = page.node.newXObject('Im', ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(widthPt, 0, 0, heightPt, 0, 0), drawObject(name), popGraphicsState());
  }
  return finishPdfA(doc, { title: config.title, at: config.at, documentId: documentIdOf(pages, config) });
}

/**
 * Builds one PDF/A-1b document from the scans of one pièce justificative (ordonnance, feuille de
 * soins dégradée, CERFA), one page per scan, after checking each scan (format, truncation,
 * transparency, colour mode, resolution, page size) and the page count.
 *
 * @param pages - The scans, in order: a JPEG or PNG file (one page), or a scanned PDF (each of its
 *   pages must be one JPEG image: its data is taken as is; issues at `pages.i.k`).
 * @param options - Title, `at` (the instant written as creation date), `documentId` and the
 *   limits (`minDpi` 150, `maxPages` 20, `maxPageMm` A3, `minPageMm` 25, `colours`,
 *   `requireDensity`, `maxPixels`): see {@link BuildPdfAOptions}.
 * @returns The PDF bytes (warnings such as `SCOR_DENSITY_MISSING` alongside), or the issues:
 *   `SCOR_PAGE_COUNT`, `SCOR_IMAGE_*`, `SCOR_RESOLUTION_LOW`, `SCOR_PAGE_SIZE`, `INPUT_*`.
 * @example
 * const pdf = await buildPdfA([scanBytes], { title: 'Ordonnance', at: '2026-03-10T18:00:00+01:00' });
 * if (pdf.ok) await writeFile('ordonnance.pdf', pdf.value);
 * @see ISO 19005-1:2005 (PDF/A-1), level B
 */
export async function buildPdfA(pages: readonly Uint8Array[], options?: BuildPdfAOptions): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const config = checkPdfAOptions(options, issues);
  const list = guardArray(pages, ['pages'], issues, { max: 10_000 });
  if (issues.length > 0 || config === undefined || list === undefined) return inputErr(issues);
  const bytes: Uint8Array[] = [];
  list.forEach((p, i) => {
    const b = guardBytes(p, ['pages', i], issues, { max: MAX_IMAGE_BYTES });
    if (b !== undefined) bytes.push(b);
  });
  if (issues.length > 0) return inputErr(issues);
  const countIssue = (n: number): Result<Uint8Array> => err(issue('SCOR_PAGE_COUNT', { path: ['pages'], received: `${n} page(s)`, expected: `de 1 à ${config.maxPages} pages` }));
  if (bytes.length === 0 || bytes.length > config.maxPages) return countIssue(bytes.length);
  const planned: Planned[] = [];
  let pageCount = 0;
  for (const [i, b] of bytes.entries()) {
    if (looksLikePdf(b)) {
      // A scanned PDF: each page's JPEG, checked like a JPEG file, at `pages.i.k`.
      const scans = await readPdfScans(b, ['pages', i]);
      if (!scans.ok) {
        issues.push(...scans.issues);
        pageCount++;
        continue;
      }
      pageCount += scans.value.length;
      scans.value.forEach((p, k) => {
        const layout = checkScanFacts(p.facts, ['pages', i, k], config, issues);
        if (layout !== undefined) planned.push({ bytes: p.jpeg, layout, rotate: p.rotate });
      });
      continue;
    }
    pageCount++;
    const layout = checkScan(b, i, config, issues);
    if (layout === undefined) continue;
    planned.push({ bytes: b, layout, rotate: 0 });
    if (!embedsAsIs(layout.facts)) {
      const f = layout.facts;
      issues.push(issue('SCOR_IMAGE_REENCODED', { path: ['pages', i], received: f.format === 'png' && f.interlaced ? 'PNG entrelacé' : 'PNG 16 bits' }));
    }
  }
  if (pageCount > config.maxPages) return countIssue(pageCount);
  const checked = resultOf(undefined, issues);
  if (!checked.ok) return checked;
  try {
    return ok(await write(bytes, planned, config), issues);
  } catch (e) {
    // pdf-lib's PNG decoder (re-encoded PNGs only) meets data the chunk walk could not see (bad zlib).
    const index = bytes.findIndex((b) => !looksLikePdf(b) && planned.some((p) => p.bytes === b && !embedsAsIs(p.layout.facts)));
    return err(issue('SCOR_IMAGE_TRUNCATED', { path: ['pages', Math.max(0, index)], received: `données compressées illisibles (${e instanceof Error ? e.message : 'erreur'})` }));
  }
}
