/**
 * Checks an invoice draft before it is numbered: the care key fields, amounts (safe integer
 * centimes, never negative), dates, destinataires, securing mode, payload.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { isPlainDate } from '../../core/date/index';
import { LEDGER_CODES } from '../codes';
import { computeCareKey } from '../careKey';
import type { InvoiceDraft } from '../port';

const issue = createIssueFactory(LEDGER_CODES);

function money(issues: Issue[], value: unknown, path: (string | number)[]): void {
  const c = (value as { centimes?: unknown } | undefined)?.centimes;
  if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 0) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path, expected: 'montant en centimes entiers ≥ 0', received: c }));
  }
}

function text(issues: Issue[], value: unknown, path: (string | number)[], what: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push(issue('LEDGER_INVALID_INPUT', { path, expected: what, received: value }));
  }
}

/**
 * Validates a draft and computes its care key.
 *
 * @param draft - The invoice draft.
 * @returns The care key, or every issue found.
 */
export function validateDraft(draft: InvoiceDraft): Result<string> {
  const key = computeCareKey(draft);
  const issues: Issue[] = key.ok ? [] : [...key.issues];
  if (!isPlainDate(draft.dateFacturation)) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['dateFacturation'], expected: 'AAAA-MM-JJ', received: draft.dateFacturation }));
  }
  for (const k of ['total', 'amo', 'amc', 'patient'] as const) money(issues, draft.montants?.[k], ['montants', k]);
  text(issues, draft.destinataireAmo, ['destinataireAmo'], 'organisme destinataire AMO');
  if (draft.amc !== undefined) text(issues, draft.amc.destinataire, ['amc', 'destinataire'], 'destinataire AMC');
  if (!['S', 'F', 'D'].includes(draft.securisation)) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['securisation'], expected: 'S | F | D', received: draft.securisation }));
  }
  if (draft.payload !== undefined && typeof draft.payload !== 'string') {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['payload'], expected: 'texte JSON', received: typeof draft.payload }));
  }
  return resultOf(key.ok ? key.value : '', issues);
}

/**
 * Normalises a PS number (spaces removed, upper case) so numbering scopes never split.
 *
 * @param ps - N° de facturation PS as given.
 * @returns The compact form.
 */
export function compactPs(ps: string): string {
  return ps.replace(/\s+/g, '').toUpperCase();
}
