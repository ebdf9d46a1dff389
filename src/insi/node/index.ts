/**
 * INSi HTTPS client (node:https, mutual TLS). Node only; the pure part is `sesam-billing/insi`.
 */
export type { InsiClient, InsiClientConfig, InsiFetch, PemOrDer } from './client';
export { createInsiClient } from './client';
