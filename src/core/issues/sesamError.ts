/**
 * SesamError: the only class the library throws, for I/O failures and programmer errors.
 *
 * Data problems are never thrown: they come back as `Result` issues.
 */
import type { Issue } from './issue';

/** Codes of thrown errors (public API). */
export type SesamErrorCode =
  | 'ASSERTION'
  | 'UNWRAP'
  | 'IO'
  | 'TRANSPORT'
  | 'CARD'
  | 'NOT_INSTALLED'
  | 'STORE'
  | 'OVERFLOW';

function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

/** Thrown for I/O failures and programmer errors (never for bad data). */
export class SesamError extends Error {
  /** Stable code. */
  readonly code: SesamErrorCode;
  /** Issues carried by `unwrap`. */
  readonly issues: readonly Issue[];

  constructor(code: SesamErrorCode, message: string, options?: { cause?: unknown; issues?: readonly Issue[] }) {
    // A message that is not text (a bug in the caller of `assert`) must not turn into a TypeError.
    super(`[sesam-billing] ${typeof message === 'string' ? message : textOf(message)}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SesamError';
    this.code = code;
    this.issues = options?.issues ?? [];
  }
}

/**
 * Tells whether a value is a `SesamError`, also across ESM/CJS copies of the class.
 *
 * @param value - Anything caught.
 * @returns `true` for a SesamError.
 */
export function isSesamError(value: unknown): value is SesamError {
  return value instanceof SesamError || (value instanceof Error && value.name === 'SesamError' && 'code' in value);
}

/**
 * Throws a programmer-error `SesamError` when a condition is false.
 *
 * @param condition - What must hold.
 * @param message - What went wrong.
 * @throws SesamError with code `ASSERTION`.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SesamError('ASSERTION', message);
}
