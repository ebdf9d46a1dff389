/**
 * Typed card errors: a `SesamError` (code `CARD`, `TRANSPORT`…) carrying one reader issue,
 * so callers branch on `readerErrorCode(e)` ('PIN_BLOCKED', 'CARD_REMOVED', …).
 * Messages never contain PIN digits (the PIN is never passed here).
 */
import { guardEnum, guardObject } from '../core/guard/guard';
import { createIssueFactory, isSesamError, SesamError } from '../core/issues/index';
import type { IssueDetails, SesamErrorCode } from '../core/issues/index';
import { arg } from './assert';
import { READER_CODES } from './codes';
import type { ReaderCode } from './codes';

const READER_CODE_LIST = Object.keys(READER_CODES) as ReaderCode[];
const ERROR_CODES: readonly SesamErrorCode[] = ['ASSERTION', 'UNWRAP', 'IO', 'TRANSPORT', 'CARD', 'NOT_INSTALLED', 'STORE', 'OVERFLOW'];

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
 * @throws SesamError `ASSERTION` for a code that is not a reader code (a programmer error).
 */
export function cardError(code: ReaderCode, details: IssueDetails = {}, errorCode: SesamErrorCode = 'CARD', cause?: unknown): SesamError {
  arg(code, 'code', (v, p, i) => guardEnum(v, READER_CODE_LIST, p, i));
  arg(details, 'details', (v, p, i) => guardObject(v, p, i));
  arg(errorCode, 'errorCode', (v, p, i) => guardEnum(v, ERROR_CODES, p, i));
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
