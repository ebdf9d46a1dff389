/**
 * finishPdfA: what turns a pdf-lib document into PDF/A-1b (ISO 19005-1:2005, level B) once its
 * pages are drawn, shared by the scans (buildPdfA) and the paper fallbacks (duplicata,
 * bordereau): Info and XMP saying the same (§6.7.3), the sRGB output intent with its ICC profile
 * (§6.2.2), the trailer /ID (§6.1.3) and a classic cross-reference table without object streams
 * (PDF 1.4, §6.1.4). Deterministic: the dates come from `at`, the /ID from `documentId`.
 */
import type { PDFDocument } from 'pdf-lib';
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { srgbProfileBytes } from './srgbProfile';
import { pdfDates, xmpPacket } from './xmp';

/** Producer written in Info and XMP. */
export const PDFA_PRODUCER = 'sesam-billing';

/** What finishPdfA writes. */
export interface PdfAFinish {
  readonly title: string;
  /** Checked ISO 8601 instant with offset, or undefined (no date written). */
  readonly at: string | undefined;
  /** 32 hexadecimal digits. */
  readonly documentId: string;
}

/**
 * Adds the PDF/A-1b parts and saves.
 *
 * @param doc - A document made with `PDFDocument.create({ updateMetadata: false })`, pages drawn.
 * @param finish - Title, instant and file identifier.
 * @returns The PDF bytes.
 */
export async function finishPdfA(doc: PDFDocument, finish: PdfAFinish): Promise<Uint8Array> {
  const ctx = doc.context;
  const dates = finish.at === undefined ? undefined : pdfDates(finish.at);
  const info = ctx.obj({
    Title: PDFHexString.fromText(finish.title),
    Producer: PDFString.of(PDFA_PRODUCER),
    ...(dates ? { CreationDate: PDFString.of(dates.pdf), ModDate: PDFString.of(dates.pdf) } : {}),
  });
  ctx.trailerInfo.Info = ctx.register(info);
  const xmp = xmpPacket({ title: finish.title, producer: PDFA_PRODUCER, ...(dates ? { date: dates.xmp } : {}) });
  const metadata = ctx.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));
  const profile = ctx.register(ctx.flateStream(srgbProfileBytes(), { N: 3 }));
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
  const id = PDFHexString.of(finish.documentId);
  ctx.trailerInfo.ID = ctx.obj([id, id]);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * Upper-case hexadecimal of bytes.
 *
 * @param b - The bytes.
 * @returns The hex text.
 */
export function toHex(b: Uint8Array): string {
  let s = '';
  for (const v of b) s += v.toString(16).padStart(2, '0');
  return s.toUpperCase();
}
