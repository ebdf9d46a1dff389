/**
 * Message-ID and content hash: the two keys of idempotency.
 *
 * A file always travels under the same Message-ID (derived from its id), so a receiver (or our
 * local caisse) recognises a file sent twice after a cut connection or a crash between "250 OK"
 * and the outbox write. A return is recognised by its Message-ID and by the hash of its
 * attachments (a caisse re-sending the same ARL under a new Message-ID).
 */
import { createHash } from 'node:crypto';
import { assert } from '../core/issues/index';

const SAFE = /^[A-Za-z0-9._-]$/;

/**
 * Derives the Message-ID of a file (RFC 5322 §3.6.4 msg-id), stable for a file id.
 *
 * @param fileId - The file id (any text; unsafe characters are hex-escaped).
 * @param domain - Right-hand side (the sender's domain).
 * @returns `<sesam.<fileId>@<domain>>`.
 * @throws SesamError `ASSERTION` when an argument is not a string.
 * @example
 * computeMessageId('000123-123456789', 'cabinet.example') // '<sesam.000123-123456789@cabinet.example>'
 */
export function computeMessageId(fileId: string, domain: string): string {
  assert(typeof fileId === 'string' && typeof domain === 'string', 'computeMessageId: fileId and domain must be strings');
  let local = '';
  for (const ch of fileId) local += SAFE.test(ch) ? ch : `=${[...new TextEncoder().encode(ch)].map((b) => b.toString(16).padStart(2, '0')).join('=')}`;
  const host = domain.replace(/[^A-Za-z0-9.-]/g, '') || 'localhost';
  return `<sesam.${local}@${host}>`;
}

/**
 * SHA-256 (hex) of byte strings in order, each prefixed by its length (so `[ab, c]` ≠ `[a, bc]`).
 *
 * @param parts - The byte strings.
 * @returns 64 hex digits.
 * @throws SesamError `ASSERTION` when `parts` is not an array of byte arrays.
 */
export function computeContentHash(parts: readonly Uint8Array[]): string {
  assert(Array.isArray(parts), 'computeContentHash: parts must be an array of Uint8Array');
  // A loop, not `every`: `every` skips the holes of a sparse array.
  for (let i = 0; i < parts.length; i++) assert(parts[i] instanceof Uint8Array, 'computeContentHash: parts must be an array of Uint8Array');
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(`${p.length}:`);
    h.update(p);
  }
  return h.digest('hex');
}
