/**
 * `sesam-billing/adr/node`: HTTPS adapters of the rights and AMC services (undici, mutual TLS)
 * and the INSi client (re-exported from `sesam-billing/insi/node`). Node only.
 */
export * from '../../insi/node/index';
export type { ServiceAnswer, ServiceCall, ServiceTransport, ServiceTransportConfig } from './transport';
export { createServiceTransport } from './transport';
export type { AdrClient, AdrClientConfig, EnvoiDreEs } from './client';
export { createAdrClient } from './client';
export { createNodeZxingDecoder } from '../attestation/node/index';
export type { NodeZxingDecoderOptions } from '../attestation/node/index';
