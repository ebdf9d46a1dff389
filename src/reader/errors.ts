/**
 * Typed card errors: a `SesamError` (code `CARD`, `TRANSPORT`…) carrying one reader issue,
 * so callers branch on `readerErrorCode(e)` ('PIN_BLOCKED', 'CARD_REMOVED', …).
 * Messages never contain PIN digits (the PIN is never passed here).
 */
import { createIssueFactory, isSesamError, SesamError } from '../core/issues/index';
import type { IssueDetails, SesamErrorCode } from '../core/issues/index';
import { READER_CODES } from './codes';
import type { ReaderCode } from './codes';

/** Raises reader issues. */
export const readerIssue = createIssueFactory(READER_CODES);

/**
 * Builds a thrown card error carrying one reader issue.
 *
 * @param code - The reader code.
 * @param details - Issue details (never secrets).
 * @param errorCode - The SesamError code (default `CARD`).
 * @param cause - Underlying error (e.g. from the PC/SC binding).
 * @returns The error, to throw.
 */
export function cardError(code: ReaderCode, details: IssueDetails = {}, errorCode: SesamErrorCode = 'CARD', cause?: unknown): SesamError {
  const issue = readerIssue(code, details);
  return new SesamError(errorCode, `${code}: ${issue.message}`, cause === undefined ? { issues: [issue] } : { issues: [issue], cause });
}

/**
 * Returns the reader issue code carried by a thrown error, if any.
 *
 * @param error - Anything caught.
 * @returns The code ('PIN_BLOCKED', 'CARD_REMOVED', …) or `undefined`.
 * @example
 * try { await signer.signDigest(d) } catch (e) { if (readerErrorCode(e) === 'CARD_REMOVED') … }
 */
export function readerErrorCode(error: unknown): ReaderCode | undefined {
  if (!isSesamError(error)) return undefined;
  const code = error.issues[0]?.code;
  return code !== undefined && code in READER_CODES ? (code as ReaderCode) : undefined;
}
