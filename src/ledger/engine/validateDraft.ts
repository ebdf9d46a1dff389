/**
 * Checks an invoice draft before it is numbered, with the shared guards: the care key fields,
 * amounts (safe integer centimes, never negative), dates, destinataires, securing mode, payload.
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { field, guardBoolean, guardEnum, guardMoney, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import type { CareKeys } from '../careKey';
import { computeCareKeys } from '../careKey';

/** Securing modes a draft may carry (B2 type 1 pos. 81). */
const MODES = ['S', 'F', 'D'] as const;

/**
 * Validates a draft and computes its duplicate keys.
 *
 * @param draft - The invoice draft (untrusted shape).
 * @returns The care keys, or every issue found.
 */
export function validateDraft(draft: unknown): Result<CareKeys> {
  const issues: Issue[] = [];
  const o = guardObject(draft, [], issues);
  if (o === undefined) return inputErr(issues);
  const keys = computeCareKeys(o as never);
  if (!keys.ok) issues.push(...keys.issues);
  guardPlainDate(field(o, 'dateFacturation'), ['dateFacturation'], issues);
  const m = guardObject(field(o, 'montants'), ['montants'], issues);
  if (m !== undefined) for (const k of ['total', 'amo', 'amc', 'patient'] as const) guardMoney(field(m, k), ['montants', k], issues, { min: 0 });
  guardString(field(o, 'destinataireAmo'), ['destinataireAmo'], issues, { min: 1, max: 40, pattern: /\S/, expected: 'organisme destinataire AMO' });
  const amc = guardObject(field(o, 'amc'), ['amc'], issues, { required: false });
  if (amc !== undefined) {
    guardString(field(amc, 'destinataire'), ['amc', 'destinataire'], issues, { min: 1, max: 40, pattern: /\S/, expected: 'destinataire AMC' });
    guardBoolean(field(amc, 'tiersPayant'), ['amc', 'tiersPayant'], issues);
  }
  guardEnum(field(o, 'securisation'), MODES, ['securisation'], issues);
  guardString(field(o, 'payload'), ['payload'], issues, { required: false, max: 10_000_000, expected: 'texte JSON' });
  guardString(field(o, 'at'), ['at'], issues, { required: false, max: 40, expected: 'date-heure ISO 8601' });
  if (issues.length > 0 || !keys.ok) return inputErr(issues);
  return ok(keys.value);
}

/**
 * Normalises a PS number (spaces removed, upper case) so numbering scopes never split.
 *
 * @param ps - N° de facturation PS as given.
 * @returns The compact form ('' for anything not a string, which no scope uses).
 */
export function compactPs(ps: unknown): string {
  return typeof ps === 'string' ? ps.replace(/\s+/g, '').toUpperCase() : '';
}
