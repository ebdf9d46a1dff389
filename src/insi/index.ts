/**
 * INSi: the CNAM téléservice « Identité nationale de santé » (SOAP 1.2 over mutual TLS).
 * Pure part: build the request, parse the answer, qualify the identity. The HTTPS client
 * with a client certificate is `sesam-billing/insi/node`.
 */
export { INSI_CODES } from './codes';
export type { InsiCode } from './codes';
export type {
  BuildInsiRequestOptions,
  InsiContexte,
  InsiFault,
  InsiIdentite,
  InsiRecherche,
  InsiRechercheCarte,
  InsiRechercheTraits,
  InsiResult,
  InsOidKind,
  MatriculeIns,
  TraitsIns,
} from './model';
export { buildInsiRequest, INSI_ACTIONS } from './request';
export type { ParseInsiResponseOptions } from './response';
export { INS_OIDS, parseInsiResponse } from './response';
export type { IdentiteLocale, InsQualification, InsQualificationOptions } from './qualify';
export { computeInsQualification } from './qualify';
