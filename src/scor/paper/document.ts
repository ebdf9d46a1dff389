/**
 * The frame shared by the paper documents: a pdf-lib document with the embedded font, a sheet to
 * write on, and the PDF/A-1b finish (finishPdfA) with a deterministic /ID.
 */
import { PDFDocument } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import * as fontkitModule from '@pdf-lib/fontkit';
import { digest128 } from '../image/bytes';
import { finishPdfA, toHex } from '../pdfa/finish';
import type { PaperOptions } from './model';
import { paperFontBytes } from './font';
import type { Sheet } from './sheet';
import { createSheet } from './sheet';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
// The ES build exports the fontkit object as default, the UMD build as the module itself.
const fontkit: Fontkit = ((fontkitModule as unknown as { default?: Fontkit }).default ?? fontkitModule) as Fontkit;

/** A document being written. */
export interface PaperDocument {
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  readonly sheet: Sheet;
}

/**
 * Starts a paper document.
 *
 * @returns The document, its font and an A4 sheet.
 */
export async function startPaper(): Promise<PaperDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // The font is embedded whole (already a subset, data/fonts): pdf-lib's own subsetting would
  // leave PDF/A-1 without the CIDSet it requires of subset fonts (ISO 19005-1 §6.3.5).
  const font = await doc.embedFont(paperFontBytes(), { subset: false, customName: 'DejaVuSans' });
  return { doc, font, sheet: createSheet(doc, font) };
}

/**
 * Finishes a paper document as PDF/A-1b.
 *
 * @param paper - The document.
 * @param title - Info / XMP title.
 * @param content - The checked input (its JSON makes the default /ID).
 * @param options - `at`, `documentId`.
 * @returns The PDF bytes.
 */
export function finishPaper(paper: PaperDocument, title: string, content: unknown, options: PaperOptions): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const documentId = options.documentId ?? toHex(digest128([enc.encode(title), enc.encode(JSON.stringify(content)), enc.encode(options.at ?? '')]));
  return finishPdfA(paper.doc, { title, at: options.at, documentId });
}
