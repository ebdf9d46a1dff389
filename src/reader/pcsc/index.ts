/**
 * sesam-billing/reader/pcsc: the PC/SC adapter (the only code that loads a native binding,
 * lazily). Also the vpcd bridge that plugs a virtual card into a real pcscd (tests, demo).
 */
export type { PcscBinding, PcscContextBinding, PcscReaderBinding, PcscStatus } from './binding';
export { loadPcscBinding, PCSC_INSTALL_HINT } from './binding';
export type { PcscClient, PcscClientOptions, PcscEvent, PcscReaderInfo } from './client';
export { createPcscClient } from './client';
export type { VpcdCard, VpcdOptions } from './vpcd';
export { connectVirtualCardToVpcd } from './vpcd';
