/**
 * Virtual cards (tests, demo, end-to-end through vpcd). Fictitious data only.
 */
export type { FileCardOptions, VirtualCard, VirtualDf, VirtualEf, VirtualResponse } from './engine';
export { createFileCard } from './engine';
export type { VirtualBeneficiaire, VirtualVitaleOptions } from './vitale';
export { createVirtualVitale, VIRTUAL_VITALE_ATR } from './vitale';
export type { VirtualCps, VirtualCpsKey, VirtualCpsOptions, VirtualSituation } from './cps';
export { createVirtualCps, createVirtualCpsKey, VIRTUAL_CPS3_ATR, VIRTUAL_CPS4_ATR } from './cps';
export { buildTestCertificate, signDigestInfo } from './certificate';
export type { VirtualReader } from './reader';
export { createVirtualReader } from './reader';
export type { DemoCards } from './demo';
export { createDemoCards, DEMO_BENEFICIAIRES, DEMO_CPS_PIN, DEMO_SITUATION } from './demo';
