/**
 * Scanned PDFs as input: a scanner's PDF holds, on each page, one JPEG image (DCTDecode) drawn
 * over the page. Each such page gives its JPEG data as is, with a resolution computed from the
 * page size (pixels ÷ inches of the MediaBox), so it goes through the same checks and the same
 * pass-through embedding as a JPEG file. Any other page (text, fonts, vector drawing, several
 * images, another image compression) is refused: converting it would mean rendering it.
 */
import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';
import { readJpegFacts } from '../image/jpeg';
import type { JpegFacts } from '../image/model';

const issue = createIssueFactory(SCOR_CODES);

/** One page of a scanned PDF: its JPEG data and facts (density from the page size). */
export interface PdfPageScan {
  readonly jpeg: Uint8Array;
  readonly facts: JpegFacts;
  /** The page's /Rotate (0, 90, 180, 270). */
  readonly rotate: number;
}

function deref(ctx: PDFContext, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? ctx.lookup(o) : o;
}

function nameOf(ctx: PDFContext, o: PDFObject | undefined): string | undefined {
  const v = deref(ctx, o);
  if (v instanceof PDFArray && v.size() === 1) return nameOf(ctx, v.get(0));
  return v instanceof PDFName ? v.decodeText() : undefined;
}

/** True when the bytes start like a PDF file. */
export function looksLikePdf(b: Uint8Array): boolean {
  return b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;
}

function pageScan(doc: PDFDocument, k: number, path: IssuePath): Result<PdfPageScan> {
  const ctx = doc.context;
  const page = doc.getPage(k);
  const refuse = (why: string): Result<PdfPageScan> => err(issue('SCOR_IMAGE_UNSUPPORTED', { path, received: `page PDF ${k + 1} : ${why}`, expected: 'une page = une image JPEG numérisée' }));
  const res = page.node.Resources();
  if (res === undefined) return refuse('sans ressources');
  const fonts = deref(ctx, res.get(PDFName.of('Font')));
  if (fonts instanceof PDFDict && fonts.keys().length > 0) return refuse('texte (polices)');
  const xo = deref(ctx, res.get(PDFName.of('XObject')));
  if (!(xo instanceof PDFDict)) return refuse('aucune image');
  const images = xo.values().map((v) => deref(ctx, v)).filter((v): v is PDFRawStream => v instanceof PDFRawStream);
  if (images.length !== 1 || images.length !== xo.values().length) return refuse(`${xo.values().length} objets graphiques`);
  const image = images[0]!;
  if (nameOf(ctx, image.dict.get(PDFName.of('Subtype'))) !== 'Image') return refuse('dessin vectoriel (Form XObject)');
  const filter = nameOf(ctx, image.dict.get(PDFName.of('Filter')));
  if (filter !== 'DCTDecode') return refuse(`image ${filter ?? 'non compressée'} (JPEG attendu)`);
  if (image.dict.get(PDFName.of('SMask')) !== undefined || image.dict.get(PDFName.of('Mask')) !== undefined) return refuse('image avec masque (transparence)');
  if (image.dict.get(PDFName.of('Decode')) !== undefined) return refuse('image avec tableau /Decode');
  const jpeg = image.getContents();
  const facts = readJpegFacts(jpeg, path);
  if (!facts.ok) return facts;
  const { width: wPt, height: hPt } = page.getMediaBox();
  const rotate = ((page.getRotation().angle % 360) + 360) % 360;
  if (!(wPt > 0 && hPt > 0) || rotate % 90 !== 0) return refuse('taille ou rotation de page invalide');
  // The image covers the page: its resolution is its pixels over the page's inches.
  const density = { x: (facts.value.width * 72) / wPt, y: (facts.value.height * 72) / hPt, from: 'PDF' as const };
  return ok({ jpeg, facts: { ...facts.value, density }, rotate });
}

/**
 * Reads the pages of a scanned PDF.
 *
 * @param bytes - The PDF.
 * @param path - Where it sits in the caller's input (page k at `[...path, k]`).
 * @returns One scan per page, or the issues (`SCOR_IMAGE_UNSUPPORTED`, `SCOR_IMAGE_TRUNCATED`).
 */
export async function readPdfScans(bytes: Uint8Array, path: IssuePath): Promise<Result<PdfPageScan[]>> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    const encrypted = e instanceof Error && /encrypt/i.test(e.message);
    return err(encrypted ? issue('SCOR_IMAGE_UNSUPPORTED', { path, received: 'PDF chiffré', expected: 'PDF sans chiffrement' }) : issue('SCOR_IMAGE_TRUNCATED', { path, received: `PDF illisible (${e instanceof Error ? e.message : 'erreur'})` }));
  }
  try {
    const n = doc.getPageCount();
    if (n === 0) return err(issue('SCOR_IMAGE_EMPTY', { path, received: 'PDF sans page' }));
    const out: PdfPageScan[] = [];
    const issues: Issue[] = [];
    for (let k = 0; k < n && issues.length < 50; k++) {
      const r = pageScan(doc, k, [...path, k]);
      if (r.ok) out.push(r.value);
      else issues.push(...r.issues);
    }
    return issues.length > 0 ? { ok: false, issues: issues as [Issue, ...Issue[]] } : ok(out);
  } catch (e) {
    return err(issue('SCOR_IMAGE_TRUNCATED', { path, received: `PDF illisible (${e instanceof Error ? e.message : 'erreur'})` }));
  }
}
