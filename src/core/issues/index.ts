/**
 * Issues, results and errors: how sesam-billing reports problems.
 * Data problems come back as `Result` with typed `Issue`s; only I/O and programmer errors throw `SesamError`.
 */
export type { Issue, IssueFamily, IssuePath, IssueSource, Severity } from './issue';
export type { Err, Ok, Result } from './result';
export { err, hasErrors, ok, resultOf } from './result';
export type { SesamErrorCode } from './sesamError';
export { assert, isSesamError, SesamError } from './sesamError';
export { unwrap } from './unwrap';
export type { IssueCodeSpec, IssueCodeTable, IssueDetails, IssueFactory } from './codeTable';
export { createIssueFactory, defineIssueCodes, formatReceived, maskNir, MAX_ISSUE_TEXT } from './codeTable';
