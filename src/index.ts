/**
 * sesam-billing: the pure part of the library (no native module, no network, no node: I/O).
 * Adapters are reached by subpath: `sesam-billing/reader/pcsc`, `sesam-billing/ledger/sqlite`.
 */
export * from './core/index';
