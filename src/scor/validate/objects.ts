/**
 * Object-level PDF/A-1b checks on a parsed document: trailer /ID and no /Encrypt (§6.1.3), an
 * output intent GTS_PDFA1 with its ICC profile (§6.2.2), the XMP packet with pdfaid part 1 and
 * conformance A or B (§6.7.11) saying what the Info dictionary says (§6.7.3), no transparency (§6.4), no LZW, JavaScript or embedded files
 * (§6.1.10, §6.6, §6.1.11).
 */
import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } from 'pdf-lib';
import type { Issue } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';
import { checkInfoMatchesXmp } from './infoXmp';

const issue = createIssueFactory(SCOR_CODES);

function deref(ctx: PDFContext, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? ctx.lookup(o) : o;
}

function dictOf(o: PDFObject | undefined): PDFDict | undefined {
  if (o instanceof PDFDict) return o;
  if (o instanceof PDFStream) return o.dict;
  return undefined;
}

function nameOf(ctx: PDFContext, o: PDFObject | undefined): string | undefined {
  const v = deref(ctx, o);
  return v instanceof PDFName ? v.decodeText() : undefined;
}

function checkOutputIntents(ctx: PDFContext, catalog: PDFDict, issues: Issue[]): void {
  const intents = deref(ctx, catalog.get(PDFName.of('OutputIntents')));
  if (!(intents instanceof PDFArray)) {
    issues.push(issue('SCOR_PDFA_OUTPUT_INTENT', { path: ['OutputIntents'], received: 'OutputIntents absent' }));
    return;
  }
  const pdfa = intents.asArray().map((o) => dictOf(deref(ctx, o))).find((d) => d !== undefined && nameOf(ctx, d.get(PDFName.of('S'))) === 'GTS_PDFA1');
  if (pdfa === undefined) {
    issues.push(issue('SCOR_PDFA_OUTPUT_INTENT', { path: ['OutputIntents'], received: 'aucune intention /GTS_PDFA1' }));
  } else if (!(deref(ctx, pdfa.get(PDFName.of('DestOutputProfile'))) instanceof PDFStream)) {
    issues.push(issue('SCOR_PDFA_OUTPUT_INTENT', { path: ['OutputIntents'], received: 'DestOutputProfile (profil ICC) absent' }));
  }
}

function checkMetadata(ctx: PDFContext, catalog: PDFDict, issues: Issue[]): void {
  const meta = deref(ctx, catalog.get(PDFName.of('Metadata')));
  if (!(meta instanceof PDFRawStream)) {
    issues.push(issue('SCOR_PDFA_METADATA', { path: ['Metadata'], received: 'flux /Metadata absent' }));
    return;
  }
  let xmp: string;
  try {
    if (meta.dict.get(PDFName.of('Filter')) !== undefined) {
      issues.push(issue('SCOR_PDFA_METADATA', { path: ['Metadata'], received: 'flux de métadonnées compressé (filtre interdit)' }));
      return;
    }
    xmp = new TextDecoder('utf-8').decode(decodePDFRawStream(meta).decode());
  } catch {
    issues.push(issue('SCOR_PDFA_METADATA', { path: ['Metadata'], received: 'flux illisible' }));
    return;
  }
  const part = /pdfaid:part(?:>\s*|\s*=\s*["'])(\d)/.exec(xmp)?.[1];
  const conformance = /pdfaid:conformance(?:>\s*|\s*=\s*["'])([A-Za-z])/.exec(xmp)?.[1];
  if (part !== '1' || (conformance !== 'B' && conformance !== 'A')) {
    issues.push(issue('SCOR_PDFA_METADATA', { path: ['Metadata'], received: `pdfaid:part ${part ?? 'absent'}, conformance ${conformance ?? 'absente'}` }));
  }
  checkInfoMatchesXmp(ctx, xmp, issues);
}

const FILTERS = ['Filter', 'FFilter'];

function checkObject(ctx: PDFContext, ref: PDFRef, dict: PDFDict, issues: Issue[]): void {
  const path = ['objects', `${ref.objectNumber} ${ref.generationNumber} R`];
  const smask = deref(ctx, dict.get(PDFName.of('SMask')));
  if (smask !== undefined && !(smask instanceof PDFName && smask.decodeText() === 'None')) issues.push(issue('SCOR_PDFA_TRANSPARENCY', { path, received: '/SMask' }));
  for (const key of ['CA', 'ca']) {
    const v = deref(ctx, dict.get(PDFName.of(key)));
    if (v instanceof PDFNumber && v.asNumber() < 1) issues.push(issue('SCOR_PDFA_TRANSPARENCY', { path, received: `/${key} ${v.asNumber()}` }));
  }
  const bm = nameOf(ctx, dict.get(PDFName.of('BM')));
  if (bm !== undefined && bm !== 'Normal' && bm !== 'Compatible') issues.push(issue('SCOR_PDFA_TRANSPARENCY', { path, received: `/BM /${bm}` }));
  const group = dictOf(deref(ctx, dict.get(PDFName.of('Group'))));
  if (group !== undefined && nameOf(ctx, group.get(PDFName.of('S'))) === 'Transparency') issues.push(issue('SCOR_PDFA_TRANSPARENCY', { path, received: '/Group /S /Transparency' }));
  for (const f of FILTERS) {
    const v = deref(ctx, dict.get(PDFName.of(f)));
    const names = v instanceof PDFArray ? v.asArray().map((x) => nameOf(ctx, x)) : [nameOf(ctx, v)];
    if (names.includes('LZWDecode')) issues.push(issue('SCOR_PDFA_FORBIDDEN', { path, received: 'filtre LZWDecode' }));
  }
  if (nameOf(ctx, dict.get(PDFName.of('S'))) === 'JavaScript' || dict.get(PDFName.of('JS')) !== undefined) issues.push(issue('SCOR_PDFA_FORBIDDEN', { path, received: 'action JavaScript' }));
  if (dict.get(PDFName.of('EmbeddedFiles')) !== undefined || dict.get(PDFName.of('EF')) !== undefined) issues.push(issue('SCOR_PDFA_FORBIDDEN', { path, received: 'fichier incorporé' }));
}

/**
 * Checks the parsed document.
 *
 * @param ctx - The pdf-lib context of the loaded document.
 * @param catalog - Its catalog.
 * @param issues - Collector.
 */
export function checkObjects(ctx: PDFContext, catalog: PDFDict, issues: Issue[]): void {
  const { ID, Encrypt } = ctx.trailerInfo;
  if (Encrypt !== undefined) issues.push(issue('SCOR_PDFA_ENCRYPTED', { path: ['trailer', 'Encrypt'] }));
  const id = deref(ctx, ID);
  if (!(id instanceof PDFArray) || id.size() !== 2) issues.push(issue('SCOR_PDFA_TRAILER', { path: ['trailer', 'ID'], received: 'identifiant /ID absent', expected: 'trailer avec /ID [<…> <…>]' }));
  checkOutputIntents(ctx, catalog, issues);
  checkMetadata(ctx, catalog, issues);
  let budget = 2_000_000;
  // Direct dictionaries (an inline ExtGState, an OpenAction) are walked inside each indirect
  // object; references are not followed (each indirect object is enumerated once).
  const walk = (ref: PDFRef, o: PDFObject, depth: number): void => {
    if (--budget < 0 || depth > 32 || issues.length >= 50) return;
    const d = dictOf(o);
    if (d !== undefined) {
      checkObject(ctx, ref, d, issues);
      for (const [, v] of d.entries()) walk(ref, v, depth + 1);
    } else if (o instanceof PDFArray) {
      for (const v of o.asArray()) walk(ref, v, depth + 1);
    }
  };
  // Enough said: a document full of faults gets its first 50 issues.
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    walk(ref, obj, 0);
    if (budget < 0 || issues.length >= 50) break;
  }
}
