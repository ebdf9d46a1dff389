/**
 * validatePdfA: the PDF/A-1b structural checks JavaScript can make without rendering, as a
 * pre-flight of a pièce justificative before it joins a SCOR lot. Not a full validator: fonts,
 * colour spaces of every content stream and XMP schema conformity are left to a real one
 * (Apache PDFBox Preflight validates every document this library makes, in its tests).
 */
import { PDFDocument } from 'pdf-lib';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, resultOf } from '../../core/issues/index';
import { guardBytes, inputErr } from '../../core/guard/index';
import { SCOR_CODES } from '../codes';
import { checkObjects } from './objects';
import { checkStructure } from './structure';

const issue = createIssueFactory(SCOR_CODES);

/** Largest PDF accepted (bytes). */
const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** What validatePdfA learned of a conforming document. */
export interface PdfAReport {
  /** Number of pages. */
  readonly pageCount: number;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

/**
 * Checks that a PDF has the structure of a PDF/A-1b document: header with binary comment,
 * nothing after %%EOF, classic xref table (no object or xref streams), trailer /ID, no /Encrypt,
 * output intent GTS_PDFA1 with its ICC profile, XMP metadata with pdfaid part 1 (conformance A or
 * B), no transparency (SMask, CA/ca < 1, blend modes, transparency groups), no LZW, JavaScript
 * or embedded file.
 *
 * @param bytes - The PDF file bytes.
 * @returns The page count, or the issues (`SCOR_PDFA_*`, `INPUT_*`).
 * @example
 * const report = await validatePdfA(pdfBytes);
 * if (!report.ok) console.log(report.issues.map((i) => i.code));
 * @see ISO 19005-1:2005 §6.1–§6.7
 */
export async function validatePdfA(bytes: Uint8Array): Promise<Result<PdfAReport>> {
  const issues: Issue[] = [];
  const b = guardBytes(bytes, ['bytes'], issues, { max: MAX_PDF_BYTES });
  if (b === undefined) return inputErr(issues);
  if (b.length === 0) return err(issue('SCOR_PDFA_UNREADABLE', { path: ['bytes'], received: '0 octet' }));
  const text = latin1(b);
  checkStructure(b, text, issues);
  if (!text.startsWith('%PDF-')) return resultOf({ pageCount: 0 }, [issue('SCOR_PDFA_UNREADABLE', { path: ['bytes'], received: 'pas un PDF' }), ...issues]);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    return err(issue('SCOR_PDFA_UNREADABLE', { path: ['bytes'], received: e instanceof Error ? e.message : 'erreur d’analyse' }), ...issues);
  }
  try {
    checkObjects(doc.context, doc.catalog, issues);
    return resultOf({ pageCount: doc.getPageCount() }, issues);
  } catch (e) {
    return err(issue('SCOR_PDFA_UNREADABLE', { path: ['bytes'], received: e instanceof Error ? e.message : 'structure illisible' }), ...issues);
  }
}
