/**
 * Byte-level PDF/A-1 checks (ISO 19005-1 §6.1): the header and its binary comment, nothing after
 * the last %%EOF but an end of line, a classic cross-reference table (no cross-reference or
 * object streams: PDF 1.5 features outside PDF/A-1).
 */
import type { Issue } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';

const issue = createIssueFactory(SCOR_CODES);

/**
 * Checks the file structure.
 *
 * @param b - The PDF bytes.
 * @param text - The same bytes read as Latin-1 (one character per byte).
 * @param issues - Collector.
 */
export function checkStructure(b: Uint8Array, text: string, issues: Issue[]): void {
  const header = /^%PDF-1\.\d(\r\n|\r|\n)/.exec(text);
  if (header === null) {
    issues.push(issue('SCOR_PDFA_HEADER', { path: ['bytes'], received: text.slice(0, 8).replace(/[^\x20-\x7e]/g, '.'), expected: '%PDF-1.n en première ligne', source: { offset: 0 } }));
  } else {
    const second = header[0].length;
    let binary = 0;
    for (let i = second + 1; i < Math.min(b.length, second + 5); i++) if (b[i]! >= 128) binary++;
    if (b[second] !== 0x25 || binary < 4) {
      issues.push(issue('SCOR_PDFA_HEADER', { path: ['bytes'], received: 'deuxième ligne sans commentaire binaire', expected: '% suivi de 4 octets ≥ 128', source: { offset: second } }));
    }
  }
  const eof = text.lastIndexOf('%%EOF');
  if (eof < 0) {
    issues.push(issue('SCOR_PDFA_TRAILER', { path: ['bytes'], received: '%%EOF absent', expected: 'fichier terminé par %%EOF' }));
  } else if (!/^(\r\n|\r|\n)?$/.test(text.slice(eof + 5))) {
    issues.push(issue('SCOR_PDFA_TRAILER', { path: ['bytes'], received: `${text.length - eof - 5} octets après %%EOF`, expected: 'rien après %%EOF hormis une fin de ligne', source: { offset: eof + 5 } }));
  }
  const objStm = /\/Type\s*\/ObjStm\b/.exec(text);
  if (objStm !== null) issues.push(issue('SCOR_PDFA_XREF', { path: ['bytes'], received: 'flux d’objets (/ObjStm)', source: { offset: objStm.index } }));
  const xrefStm = /\/Type\s*\/XRef\b/.exec(text);
  if (xrefStm !== null) issues.push(issue('SCOR_PDFA_XREF', { path: ['bytes'], received: 'flux de références croisées (/XRef)', source: { offset: xrefStm.index } }));
  else if (!/(^|[\r\n])xref(\r\n|\r|\n)/.test(text) || !/(^|[\r\n])trailer\s*<</.test(text)) {
    issues.push(issue('SCOR_PDFA_XREF', { path: ['bytes'], received: 'table xref ou trailer absent' }));
  }
}
