/**
 * The one registry of issue codes: every module's code table merged. Codes are public API
 * (renaming or removing one is a major change); messages are not. `docs/error-codes.md` is
 * generated from this registry (`npm run gen:error-codes`) and a test keeps it current.
 */
import type { IssueCodeSpec } from './core/issues/index';
import { MONEY_CODES } from './core/money/index';
import { DATE_CODES, SPEC_DATE_CODES } from './core/date/index';
import { IDS_CODES } from './core/ids/index';
import { INPUT_CODES } from './core/guard/index';
import { FIXED_WIDTH_CODES } from './internal/fixed-width/index';
import { CCAM_CODES, RULES_CODES } from './rules/index';
import { SNDS_CODES } from './rules/snds/codes';
import { SCOR_CODES } from './scor/codes';
import { TRANSPORT_CODES } from './transport/codes';
import { INSI_CODES } from './insi/codes';
import { AGENT_CODES } from './agent/codes';
import { ADR_CODES } from './adr/codes';
import { ATTESTATION_CODES } from './adr/attestation/codes';
import { FSE_CODES } from './fse/index';
import { DRE_CODES } from './dre/codes';
import { B2_CODES } from './fse/b2/codes';
import { LEDGER_CODES, LEDGER_RETURN_CODES } from './ledger/index';
import { NOEMIE_CODES } from './noemie/index';
import { RECONCILE_CODES } from './returns/index';
import { READER_CODES } from './reader/codes';
import { SIGNATURE_CODES } from './signature/codes';

/** A registry section: the module that owns the codes and its table. */
export interface IssueCodeSection {
  readonly module: string;
  readonly codes: Readonly<Record<string, IssueCodeSpec>>;
}

/** Every module's codes, in documentation order. */
// Built in an annotated closure: the object spread below counts as a side effect for bundlers.
export const ISSUE_CODE_SECTIONS: readonly IssueCodeSection[] = /* @__PURE__ */ (() => [
  { module: 'core/guard (shape of caller data)', codes: INPUT_CODES },
  { module: 'core/money', codes: MONEY_CODES },
  { module: 'core/date', codes: { ...DATE_CODES, ...SPEC_DATE_CODES } },
  { module: 'core/ids', codes: IDS_CODES },
  { module: 'fixed-width records (B2, NOEMIE, CFONB)', codes: FIXED_WIDTH_CODES },
  { module: 'rules', codes: RULES_CODES },
  { module: 'rules/ccam (import of CNAM files)', codes: CCAM_CODES },
  { module: 'rules/snds (nomenclatures du SNDS)', codes: SNDS_CODES },
  { module: 'fse', codes: FSE_CODES },
  { module: 'fse/b2 (B2 file reader)', codes: B2_CODES },
  { module: 'dre (demandes de remboursement électroniques, AMC)', codes: DRE_CODES },
  { module: 'ledger', codes: LEDGER_CODES },
  { module: 'ledger (returns)', codes: LEDGER_RETURN_CODES },
  { module: 'noemie', codes: NOEMIE_CODES },
  { module: 'returns (reconcile + bank)', codes: RECONCILE_CODES },
  { module: 'reader', codes: READER_CODES },
  { module: 'signature', codes: SIGNATURE_CODES },
  { module: 'scor (PDF/A-1b justificatifs)', codes: SCOR_CODES },
  { module: 'transport (SMTP / IMAP, outbox)', codes: TRANSPORT_CODES },
  { module: 'insi (téléservice INSi)', codes: INSI_CODES },
  { module: 'adr (ADRi, apCV, Annuaire AMC, IDB/CLC, PEC, ROC)', codes: ADR_CODES },
  { module: 'adr/attestation (attestation de tiers payant)', codes: ATTESTATION_CODES },
  { module: 'agent (local HTTP API)', codes: AGENT_CODES },
])();

/** All issue codes, keyed by code. */
export const ISSUE_CODES: Readonly<Record<string, IssueCodeSpec & { readonly module: string }>> = /* @__PURE__ */ Object.fromEntries(
  /* @__PURE__ */ ISSUE_CODE_SECTIONS.flatMap((s) => Object.entries(s.codes).map(([code, spec]) => [code, { ...spec, module: s.module }] as const)),
);
