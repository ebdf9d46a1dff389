/**
 * core: money, dates, issues/results/errors, checksums and identifiers. Pure; depends only on decimal.js.
 */
export * from './issues/index';
export * from './money/index';
export * from './date/index';
export * from './checksum/index';
export * from './ids/index';
export * from './guard/index';
