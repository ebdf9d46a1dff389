/**
 * Reads what a scan says about itself (format, size, colour, density) from its bytes.
 */
import type { IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';
import { latin1 } from './bytes';
import { looksLikeJpeg, readJpegFacts } from './jpeg';
import type { ScanFacts } from './model';
import { looksLikePng, readPngFacts } from './png';

const issue = createIssueFactory(SCOR_CODES);

/**
 * Reads the facts of one scan (JPEG or PNG), never decoding its pixels and never throwing.
 *
 * @param bytes - The image file bytes.
 * @param path - Where it sits in the caller's input.
 * @returns The facts, or `SCOR_IMAGE_EMPTY` / `SCOR_IMAGE_FORMAT` / `SCOR_IMAGE_TRUNCATED` / … issues.
 */
export function readScanFacts(bytes: Uint8Array, path: IssuePath): Result<ScanFacts> {
  if (bytes.length === 0) return err(issue('SCOR_IMAGE_EMPTY', { path, received: '0 octet' }));
  if (looksLikeJpeg(bytes)) return readJpegFacts(bytes, path);
  if (looksLikePng(bytes)) return readPngFacts(bytes, path);
  const head = latin1(bytes, 0, 8).replace(/[^\x20-\x7e]/g, '.');
  const known = head.startsWith('%PDF') ? 'PDF' : head.startsWith('II*') || head.startsWith('MM\0*') ? 'TIFF' : head.startsWith('GIF8') ? 'GIF' : head.startsWith('BM') ? 'BMP' : `« ${head} »`;
  // A JPEG or PNG cut inside its signature is a truncated file, not an unknown format.
  if ((bytes[0] === 0xff && bytes.length < 3) || (bytes[0] === 0x89 && bytes.length < 8 && looksLikePngPrefix(bytes))) {
    return err(issue('SCOR_IMAGE_TRUNCATED', { path, received: `${bytes.length} octet(s)` }));
  }
  return err(issue('SCOR_IMAGE_FORMAT', { path, received: known }));
}

function looksLikePngPrefix(b: Uint8Array): boolean {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return b.every((v, i) => sig[i] === v);
}
