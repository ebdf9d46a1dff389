/**
 * sesam-billing: the pure part of the library (no native module, no network, no node: I/O).
 * Adapters are reached by subpath: `sesam-billing/reader/pcsc`, `sesam-billing/ledger/sqlite`.
 */
export * from './core/index';
export * from './rules/index';
export * from './fse/index';
export * from './ledger/index';
export * from './noemie/index';
export * from './reader/index';
export * from './signature/index';
export { ISSUE_CODE_SECTIONS, ISSUE_CODES } from './codes';
export type { IssueCodeSection } from './codes';
