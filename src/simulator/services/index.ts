/**
 * Local HTTPS services (node only): a test PKI and loopback servers playing INSi, ADRi, Annuaire
 * AMC, IDB, SIM, CLC, annulation and PEC with scripted outcomes. For tests, demos and benches.
 */
export type { PemPair, TestPki } from './pki';
export { createTestPki, hasOpenssl } from './pki';
export type { AdriScenario, AmcScenario } from './personas';
export { ADHERENTS, AMC_TEST, ASSURES, INS_TEST } from './personas';
export type { LocalServices, LocalServicesOptions } from './server';
export { startLocalServices } from './server';
export { INSI_CR00, INSI_CR01, INSI_CR02, soapFault } from './soap';
