/**
 * Annulation of a CLC guarantee (care not given, invoice cancelled): only a granted guarantee
 * is cancelled. Modeled contract (Inter-AMC specifications are members-only).
 *
 * @see Projet ROC, « Présentation des principes généraux » v0.2.0 (GT ROC, 13/12/2016): service d'annulation
 */
import { field, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { ADR_CODES } from './codes';
import type { Guarantee } from './selamc';
import { wireReader } from './wire';

const issue = createIssueFactory(ADR_CODES);

/**
 * Builds the modeled annulation request of a guarantee (care not given, invoice cancelled).
 *
 * @param guarantee - A `garanti` guarantee.
 * @param options - `motif` (free text, ≤ 200 characters).
 * @returns `{ idGarantie, motif }`, or `ADR_ANNULATION_IMPOSSIBLE` for a guarantee that was not granted.
 */
export function buildAnnulationRequest(guarantee: Guarantee, options?: { readonly motif?: string }): Result<Readonly<Record<string, string>>> {
  const issues: Issue[] = [];
  const g = guardObject(guarantee, ['guarantee'], issues);
  const id = g && guardString(field(g, 'id'), ['guarantee', 'id'], issues, { pattern: /^[0-9A-Za-z._:-]{1,64}$/, expected: 'id de garantie' });
  const statut = g && field(g, 'statut');
  const o = guardObject(options, ['options'], issues, { required: false });
  const motif = (o && guardString(field(o, 'motif'), ['options', 'motif'], issues, { required: false, max: 200 })) ?? 'annulation';
  if (issues.length > 0 || !id) return inputErr(issues);
  if (statut !== 'garanti') return err(issue('ADR_ANNULATION_IMPOSSIBLE', { path: ['guarantee', 'statut'], received: `garantie au statut ${typeof statut === 'string' ? statut : 'inconnu'}` }));
  return ok({ idGarantie: id, motif });
}

/**
 * Parses the modeled annulation answer `{ codeRetour }` (00 = cancelled).
 *
 * @param json - The parsed JSON body.
 * @returns `{ annulee: true }`, or `ADR_BUSINESS` / `ADR_RESPONSE_FIELD`.
 */
export function parseAnnulationResponse(json: unknown): Result<{ readonly annulee: true }> {
  const w = wireReader();
  const r = w.obj(json, []);
  const code = w.text(r, 'codeRetour', [], /^[0-9A-Z]{2,4}$/);
  if (w.issues.length > 0) return err(...(w.issues as [Issue, ...Issue[]]));
  return code === '00' ? ok({ annulee: true }) : err(issue('ADR_BUSINESS', { path: ['codeRetour'], expected: 'annulation', received: code }));
}
