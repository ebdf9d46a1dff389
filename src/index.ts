/**
 * sesam-billing: what a practice-management software (PMS) calls, and nothing else.
 *
 * The root entry is an explicit list (no `export *`) so that:
 * - it stays pure and platform-neutral: no `node:` module, no native binding, no pkijs/asn1js
 *   (CMS signing is `sesam-billing/signature`; card APDUs and virtual cards are
 *   `sesam-billing/reader`; adapters are `sesam-billing/reader/pcsc`, `sesam-billing/ledger/sqlite`);
 * - a bundler keeps only what the caller imports (`import { validateNir } from 'sesam-billing'`
 *   does not carry the tariff tables);
 * - growth is deliberate: test/package/root-exports.test.ts compares this list with
 *   test/package/root-exports.txt.
 *
 * Generic helpers (money arithmetic, checksums, guards, APDU/TLV, numbering, state machine, code
 * tables per module) stay in their subpaths: `sesam-billing/core`, `…/rules`, `…/fse`,
 * `…/ledger`, `…/noemie`, `…/reader`, `…/signature`.
 */

// --- results, issues, errors (core/issues) ---
export type { Err, Issue, IssueFamily, IssuePath, IssueSource, Ok, Result, SesamErrorCode, Severity } from './core/issues/index';
export { err, isSesamError, ok, SesamError, unwrap } from './core/issues/index';

// --- money: display and parse (core/money); arithmetic stays in sesam-billing/core ---
export type { FormatMoneyOptions, Money } from './core/money/index';
export { euros, formatDecimal, formatMoney, fromCentimes, parseMoney, toCentimes } from './core/money/index';

// --- calendar days (core/date) ---
export type { PlainDate } from './core/date/index';
export { isPlainDate, parsePlainDate, plainDate } from './core/date/index';

// --- identifiers (core/ids): validate → Result of the branded compact form, format for display ---
export type { Adeli, Finess, Nir, NumeroFacturation, Rpps, Siren, Siret } from './core/ids/index';
export {
  formatAdeli,
  formatFiness,
  formatNir,
  formatNumeroFacturation,
  formatRpps,
  formatSiren,
  formatSiret,
  validateAdeli,
  validateFiness,
  validateNir,
  validateNumeroFacturation,
  validateRpps,
  validateSiren,
  validateSiret,
} from './core/ids/index';

// --- pricing (rules) ---
export type {
  Beneficiaire,
  CodeParcoursSesam,
  ComputeFactureOptions,
  Decompte,
  FactureInput,
  GarantieAmc,
  Historique,
  LigneActe,
  LigneDecompte,
  MontantsDecompte,
  ProfessionnelSante,
  Referentiel,
  TableTarifs,
  TraceStep,
} from './rules/index';
export { computeFacture, DEFAULT_REFERENTIEL, loadReferentiel, PARCOURS_SESAM, validateFactureInput } from './rules/index';

// --- FSE / DRE: build and validate (fse) ---
export type { BuildFseOptions, Dre, Fse, FseInput, Securisation, SecuredFse, SecuringMode, ValidateOptions } from './fse/index';
export { buildDre, buildFse, secureFse, validateDre, validateFse } from './fse/index';
// the Securer port is a type only: the CMS implementation (pkijs) stays in sesam-billing/signature
export type { Securer, SecuringRequest, SecuringResult } from './signature/ports';

// --- ledger flow: numbering, lots and files (fse/ledgerFlow over the ledger port) ---
export type { LedgerItem, LottedFile, NumberAndLotOptions, NumberAndLotResult } from './fse/index';
export { markFilesTransmitted, numberAndLot, rebuildFile, secureNumbered, serializeLottedFile } from './fse/index';
export type { LedgerInvoice, LedgerLot, LedgerOptions, LedgerStore } from './ledger/index';
export { createMemoryLedger } from './ledger/index';

// --- norme B2 files (fse/b2) ---
export type { B2Emitter, B2File, ParseB2Options } from './fse/index';
export { buildB2File, parseB2File, serializeB2File } from './fse/index';

// --- NOEMIE returns (noemie) ---
export type { NoemieEvent, NoemieFile, NoemieParseOptions } from './noemie/index';
export { parseNoemie, streamNoemie } from './noemie/index';

// --- reconciliation with the ledger (returns) ---
export type { ReconcileOptions, ReconciliationReport, ReturnsInput } from './returns/index';
export { reconcile } from './returns/index';

// --- the issue code registry (every module's codes) ---
export type { IssueCodeSpec } from './core/issues/index';
export type { IssueCodeSection } from './codes';
export { ISSUE_CODE_SECTIONS, ISSUE_CODES } from './codes';
